import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NAASCore
import NAASStore
@testable import NAASAPI

/// An in-process router over a real SQLite store in a temporary directory.
struct APITestHarness {
    let store: SQLiteJobStore
    let metrics = RequestMetrics()
    let environment: APIEnvironment
    let now: Date

    init(
        now: Date = Date(), documents: OpenAPIDocuments = OpenAPIDocuments(v1: [:], v2: [:]),
        templates: TemplateCatalogue = .unavailable(reason: "the test gave it no template library")
    ) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.now = now
        store = try SQLiteJobStore(
            path: directory.appendingPathComponent("naas.sqlite").path, vault: CredentialVault(key: SymmetricKey(size: .bits256)))
        environment = APIEnvironment(
            store: store, workers: { WorkerSnapshot(capacity: 0, active: 0) },
            documents: documents, metrics: metrics, templates: templates, clock: { now })
    }

    /// Runs `test` against the router, with a live worker serving the default context.
    func run(_ test: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        try await store.heartbeat(WorkerRegistration(id: "test-worker", contexts: ["default"], capacity: 1), at: now)
        let app = Application(router: APIRouter.build(environment, logger: .init(label: "test")))
        try await app.test(.router, test)
    }

    static let basic: HTTPFields = [.authorization: "Basic " + Data("ops:device-pw".utf8).base64EncodedString()]

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(buffer: response.body))
    }
}

extension JSONValue {
    subscript(_ key: String) -> JSONValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

extension HTTPField.Name {
    static let testAPIVersion = HTTPField.Name("NAAS-API-Version")!
}
