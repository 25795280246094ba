import NAASCore
import Foundation
import Hummingbird

/// Discovery, OpenAPI documents, the API documentation page and metrics.
struct DocumentRoutes: Sendable {
    let contract: APIContract
    let documents: OpenAPIDocuments
    let page: APIDocPage
    let metrics: RequestMetrics
    let clock: @Sendable () -> Date

    @Sendable func versions(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        .json(DiscoveryDocument.all(contract, now: clock()), headers: [.cacheControl: "public, max-age=300"])
    }

    @Sendable func versionEntry(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        .json(DiscoveryDocument.entry(contract.major(context.surface.major ?? .v2), now: clock()))
    }

    @Sendable func openAPIDocument(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        switch context.surface {
        case .v1, .legacy:
            return .json(documents.v1)
        case .v2:
            return .json(documents.v2(at: try requestedMicroversion(request)))
        case .unversioned:
            return .json(documents.combined(at: try requestedMicroversion(request)))
        }
    }

    /// The v2 microversion a document request asks for with `?microversion=` (the newest without it).
    private func requestedMicroversion(_ request: Request) throws -> Microversion {
        guard let raw = request.uri.queryParameters.get("microversion") else { return APIContract.v2Maximum }
        let range = contract.major(.v2).microversions!
        guard let microversion = Microversion(raw), range.contains(microversion) else {
            throw APIError.validation(source: "query", [
                FieldError(["microversion"], "microversion must be one of \(range.lowerBound) to \(range.upperBound), as X.Y"),
            ])
        }
        return microversion
    }

    @Sendable func apiDocs(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        .raw(Response(
            status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: page.html))))
    }

    @Sendable func metricsText(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        .raw(Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: metrics.exposition()))))
    }
}
