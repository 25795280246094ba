import NAASCore
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
        // The permanent unversioned routes appear in both documents.
        let shared = served([.unversioned])
        #expect(operations(in: documents.v1) == served([.v1, .legacy]).union(shared))
        #expect(operations(in: documents.v2) == served([.v2]).union(shared))
    }

    @Test func documentedMicroversionRangeMatchesTheCode() throws {
        let documents = try OpenAPIDocuments.bundled()
        let range = documents.v2["info"]?["x-naas-microversions"]
        #expect(range?["min"] == .string(APIContract.v2Minimum.description))
        #expect(range?["max"] == .string(APIContract.v2Maximum.description))
    }

    @Test func everySupportedMicroversionIsListedInBothDocuments() throws {
        let documents = try OpenAPIDocuments.bundled()
        let expected = Set([APIContract.v2Minimum.description] + APIContract.changes.map(\.microversion.description))
        for document in [documents.v1, documents.v2] {
            guard case .array(let values)? = document["components"]?["schemas"]?["SupportedMicroversion"]?["enum"] else {
                Issue.record("no SupportedMicroversion enum")
                continue
            }
            #expect(Set(values.compactMap { if case .string(let text) = $0 { text } else { nil } }) == expected)
        }
    }

    @Test func olderMicroversionViewDropsNewerFields() throws {
        let documents = try OpenAPIDocuments.bundled()
        func jobResult(_ document: JSONValue) -> (properties: Set<String>, required: Set<JSONValue>) {
            let schema = document["components"]?["schemas"]?["JobResult"]
            guard case .object(let properties)? = schema?["properties"], case .array(let required)? = schema?["required"] else {
                return ([], [])
            }
            return (Set(properties.keys), Set(required))
        }
        let at20 = jobResult(documents.v2(at: APIContract.v2Minimum))
        let at21 = jobResult(documents.v2(at: Microversion(2, 1)))
        #expect(at21.properties.isSuperset(of: ["error_code", "error_retryable", "error"]))
        #expect(at21.required.isSuperset(of: ["error_code", "error_retryable"]))
        #expect(at20.properties.isDisjoint(with: ["error_code", "error_retryable"]))
        #expect(at20.required.isDisjoint(with: ["error_code", "error_retryable"]))
        #expect(at20.properties.contains("error"))
    }

    /// The ErrorCode enum each microversion's document lists is exactly the set
    /// of codes a job result can carry at that microversion, after the contract's
    /// down-conversions (CIRCUIT_OPEN is shown as CONNECTION_REFUSED before 2.5).
    @Test func errorCodeEnumListsWhatEachMicroversionSends() throws {
        let documents = try OpenAPIDocuments.bundled()
        var microversion = Microversion(2, 1)
        while microversion <= APIContract.v2Maximum {
            let sent = Set(DeviceErrorCode.allCases.compactMap { code -> JSONValue? in
                let newest = JSONValue.object(["error_code": .string(code.rawValue)])
                let shown = APIContract.downgrades(for: .commandResult, to: microversion).reduce(newest) { $1.downgradeResponse($0) }
                return shown["error_code"]
            })
            guard case .array(let listed)? = documents.v2(at: microversion)["components"]?["schemas"]?["ErrorCode"]?["enum"] else {
                Issue.record("no ErrorCode enum at \(microversion)")
                return
            }
            #expect(Set(listed) == sent, "ErrorCode at \(microversion)")
            #expect(listed.count == sent.count, "ErrorCode at \(microversion) lists a value twice")
            microversion = Microversion(microversion.major, microversion.minor + 1)
        }
    }

    @Test func embeddedDocumentsAreTheCommittedFiles() throws {
        let embedded = OpenAPIDocuments.embeddedText
        for (name, text) in [("v1", embedded.v1), ("v2", embedded.v2)] {
            let file = try String(contentsOf: Self.repository.appendingPathComponent("openapi/\(name).yaml"), encoding: .utf8)
            #expect(file == text, "openapi/\(name).yaml differs from what the build embedded")
        }
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
