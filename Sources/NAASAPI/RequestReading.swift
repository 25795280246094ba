import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The caller's Basic credentials, or 401.
    func basicCredentials() throws(APIError) -> BasicCredentials {
        guard let credentials = BasicCredentials(headers) else { throw .unauthorized }
        return credentials
    }

    /// The JSON body: 415 without a JSON content type, 400 when it does not parse.
    mutating func jsonBody(limit: Int) async throws -> JSONValue {
        let contentType = headers[.contentType]?.lowercased() ?? ""
        let mediaType = contentType.split(separator: ";").first.map { String($0.trimmingOptionalWhitespace()) } ?? ""
        guard mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")) else {
            throw APIError.unsupportedMediaType
        }
        let buffer: ByteBuffer
        do {
            buffer = try await collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.payloadTooLarge(limit)
        }
        do {
            return try JSONParser.parse(buffer.readableBytesView)
        } catch {
            throw APIError.badRequest("The body is not valid JSON (\(error.reason) at byte \(error.offset))")
        }
    }
}

extension Parameters {
    /// A job id path parameter: 400 unless it is a UUID.
    func jobID() throws(APIError) -> String {
        guard let raw = get("job_id"), let uuid = UUID(uuidString: raw) else {
            throw .badRequest("The job id must be a UUID, like the job_id returned at submission")
        }
        return uuid.uuidString.lowercased()
    }

    func batchID() throws(APIError) -> String {
        guard let raw = get("batch_id"), let uuid = UUID(uuidString: raw) else {
            throw .badRequest("The batch id must be a UUID, like the batch_id returned at submission")
        }
        return uuid.uuidString.lowercased()
    }
}
