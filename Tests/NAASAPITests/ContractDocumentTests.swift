import Foundation
import Testing
@testable import NAASAPI

/// The committed documents and the generated history agree with the code.
@Suite struct ContractDocumentTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func operations(in document: JSONValue) -> Set<String> {
        guard case .object(let paths)? = document["paths"] else { return [] }
        var found: Set<String> = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for method in methods.keys where ["get", "post", "put", "patch", "delete"].contains(method) {
                found.insert("\(method.uppercased()) \(path)")
            }
        }
        return found
    }

    private func served(_ surfaces: Set<APISurface>) -> Set<String> {
        var routes: Set<String> = []
        for operation in APIContract.operations {
            for route in operation.routes where surfaces.contains(route.surface) {
                routes.insert("\(operation.method.rawValue) \(route.path)")
            }
        }
        return routes
    }

    @Test func everyServedRouteIsDocumentedAndEveryDocumentedRouteServed() throws {
        let documents = try OpenAPIDocuments.bundled()
        // The unversioned routes that are part of an API contract appear in both documents;
        // /apidoc, /apidoc/openapi.json and /metrics are tooling, documented in the README.
        let tooling: Set<String> = ["GET /apidoc", "GET /apidoc/openapi.json", "GET /metrics"]
        let shared: Set<String> = served([.unversioned]).subtracting(tooling)
        #expect(operations(in: documents.v1) == served([.v1, .legacy]).union(shared))
        #expect(operations(in: documents.v2) == served([.v2]).union(shared))
    }

    @Test func documentedMicroversionRangeMatchesTheCode() throws {
        let documents = try OpenAPIDocuments.bundled()
        let range = documents.v2["info"]?["x-naas-microversions"]
        #expect(range?["min"] == .string(APIContract.v2Minimum.description))
        #expect(range?["max"] == .string(APIContract.v2Maximum.description))
    }

    @Test func olderMicroversionViewDropsNewerFields() throws {
        let documents = try OpenAPIDocuments.bundled()
        let text20 = String(decoding: try JSONEncoder().encode(documents.v2(at: APIContract.v2Minimum)), as: UTF8.self)
        let text21 = String(decoding: try JSONEncoder().encode(documents.v2(at: Microversion(2, 1))), as: UTF8.self)
        #expect(!text20.contains("error_retryable"))
        #expect(text21.contains("error_retryable"))
    }

    @Test func historyFileIsFresh() throws {
        let committed = try String(contentsOf: Self.repository.appendingPathComponent("docs/api-history.md"), encoding: .utf8)
        #expect(committed == VersionHistory.markdown(), "docs/api-history.md is stale: run `naas contract history > docs/api-history.md`")
    }

    @Test func everyChangeIsInTheHistoryAndTheChangelog() throws {
        let changelog = try String(contentsOf: Self.repository.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        #expect(changelog.contains("### API contract"))
        for change in APIContract.changes {
            #expect(VersionHistory.markdown().contains("## \(change.microversion)"))
            #expect(changelog.contains(change.microversion.description), "CHANGELOG.md has no line for microversion \(change.microversion)")
        }
    }
}
