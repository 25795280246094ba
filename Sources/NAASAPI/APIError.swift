import HTTPTypes

/// Every error a client can see, born where it is detected and turned into
/// HTTP in one place (`ErrorMiddleware`).
public enum APIError: Error, Sendable, Equatable {
    case unauthorized
    case unsupportedMediaType
    case badRequest(String)
    /// Invalid fields; `source` is where they came from (`json` body or `query` string).
    case validation(source: String, [FieldError])
    case forbidden(String)
    case notFound
    case conflict(String)
    case payloadTooLarge(Int)
    /// Something went wrong on our side; the detail is logged, never sent.
    case internalError

    var status: HTTPResponse.Status {
        switch self {
        case .unauthorized: .unauthorized
        case .unsupportedMediaType: .unsupportedMediaType
        case .badRequest: .badRequest
        case .validation: .unprocessableContent
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .internalError: .internalServerError
        }
    }

    /// The NAAS v1 body for this error.
    var v1Body: JSONValue {
        switch self {
        case .unauthorized:
            ["message": "Unauthorized: send HTTP Basic credentials (the device username and password)"]
        case .unsupportedMediaType:
            ["message": "Unsupported Media Type: send a JSON body with Content-Type: application/json"]
        case .badRequest(let message), .forbidden(let message), .conflict(let message):
            ["message": .string(message)]
        case .validation(let source, let errors):
            ["validation_error": .object([source: .array(errors.map(\.json))])]
        case .notFound:
            ["message": "Not Found: no such route; see /apidoc for the API"]
        case .payloadTooLarge(let limit):
            ["message": .string("Request body is larger than \(limit) bytes")]
        case .internalError:
            ["message": "Internal Server Error"]
        }
    }
}
