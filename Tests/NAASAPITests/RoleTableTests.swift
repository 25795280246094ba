import Foundation
import NAASCore
import Testing
@testable import NAASAPI

/// The access-control table in `APIContract.operations` and the documents' `x-naas-role`
/// / `x-naas-context-scoped` say the same thing for every operation.
@Suite struct RoleTableTests {
    private func documented(_ document: JSONValue, _ path: String, _ method: String) -> JSONValue? {
        document["paths"]?[path]?[method.lowercased()]
    }

    @Test(arguments: APIContract.operations.map(\.id))
    func documentsCarryTheRoleOfEveryOperation(_ id: OperationID) throws {
        let documents = try OpenAPIDocuments.bundled()
        let operation = try #require(APIContract.operations.first { $0.id == id })
        for route in operation.routes where route.surface == .v2 || route.surface == .unversioned {
            let entry = try #require(documented(documents.v2, route.path, operation.method.rawValue), "\(route.path) is not in v2.yaml")
            #expect(entry["x-naas-role"] == .string(operation.access.documentName), "\(operation.method) \(route.path)")
            #expect(entry["x-naas-context-scoped"] == .bool(operation.access.contextScoped), "\(operation.method) \(route.path)")
            // A public operation needs no credentials; the others name the three ways in.
            let security = entry["security"]
            #expect((security == .array([])) == (operation.access.role == nil), "\(operation.method) \(route.path) security")
        }
    }

    @Test func rolesAreOrderedAndEachIncludesTheOnesBelow() {
        #expect(Role.viewer < .operator && Role.operator < .admin)
        #expect(Role.allCases.sorted() == [.viewer, .operator, .admin])
    }

    @Test func jobOperationsNeedOperatorToChangeAndViewerToRead() {
        func role(_ id: OperationID) -> Role? { APIContract.operations.first { $0.id == id }?.access.role }
        #expect([OperationID.submitCommand, .submitConfig, .submitStructuredCommand, .cancelJob, .replayJob].allSatisfy { role($0) == .operator })
        #expect([OperationID.commandResult, .configResult, .structuredCommandResult, .listJobs, .listContexts, .listPlatforms, .listTemplates]
            .allSatisfy { role($0) == .viewer })
        #expect([OperationID.createAPIKey, .listAPIKeys, .revokeAPIKey, .rotateAPIKey].allSatisfy { role($0) == .admin })
        #expect([OperationID.health, .versions, .openAPIDocument, .apiDocs, .metrics].allSatisfy { role($0) == nil })
    }
}
