import NAASCore
import Testing
@testable import NAASAPI

/// The platform names the documents list are the names submissions accept,
/// so adding a platform to the table without updating `openapi/` fails here.
@Suite struct PlatformDocumentTests {
    private func platformEnum(_ document: JSONValue) -> [String]? {
        guard case .array(let values)? = document["components"]?["schemas"]?["Platform"]?["enum"] else { return nil }
        return values.compactMap { if case .string(let name) = $0 { name } else { nil } }
    }

    @Test func bothDocumentsListExactlyTheAcceptedNames() throws {
        let documents = try OpenAPIDocuments.bundled()
        for (name, document) in [("v1", documents.v1), ("v2", documents.v2)] {
            let listed = try #require(platformEnum(document), "openapi/\(name).yaml has no Platform enum")
            #expect(listed == Platform.acceptedNames,
                    "openapi/\(name).yaml Platform enum differs from Platform.acceptedNames: missing \(Set(Platform.acceptedNames).subtracting(listed).sorted()), extra \(Set(listed).subtracting(Platform.acceptedNames).sorted())")
        }
    }

    /// Which platforms exist is not versioned: every microversion's view lists every name.
    @Test func everyMicroversionAcceptsEveryName() throws {
        let documents = try OpenAPIDocuments.bundled()
        var microversion = APIContract.v2Minimum
        while microversion <= APIContract.v2Maximum {
            #expect(platformEnum(documents.v2(at: microversion)) == Platform.acceptedNames, "at \(microversion)")
            microversion = Microversion(microversion.major, microversion.minor + 1)
        }
    }

    @Test func v1DeviceTypeTakesTheSameNames() throws {
        let documents = try OpenAPIDocuments.bundled()
        let deviceType = documents.v1["components"]?["schemas"]?["JobTargetFields"]?["properties"]?["device_type"]
        guard case .array(let branches)? = deviceType?["anyOf"] else {
            Issue.record("device_type has no anyOf")
            return
        }
        #expect(branches.contains(["$ref": "#/components/schemas/Platform"]))
    }

    /// The names a platform answers to, each with `_telnet` where it takes Telnet, of the platforms that match.
    private func names(where matches: (Platform) -> Bool) -> [String] {
        Platform.all.filter(matches).flatMap(\.acceptedNames).sorted()
    }

    private func strings(_ value: JSONValue?) -> [String]? {
        guard case .array(let values)? = value else { return nil }
        return values.compactMap { if case .string(let text) = $0 { text } else { nil } }
    }

    /// The 2.6 clause of `ConfigJobRequest` for `flag`: its `then`, or nil when the document has none.
    private func stepClause(_ document: JSONValue, _ flag: String) -> JSONValue? {
        guard case .array(let parts)? = document["components"]?["schemas"]?["ConfigJobRequest"]?["allOf"] else { return nil }
        return parts.first { $0["if"]?["required"] == .array([.string(flag)]) }?["then"]
    }

    /// The document states the 2.6 save/commit rule with the table's own lists, so a client's validator agrees with the server.
    @Test func saveAndCommitClausesNameTheTablesPlatforms() throws {
        let documents = try OpenAPIDocuments.bundled()
        let save = try #require(stepClause(documents.v2, "save_config"))
        #expect(strings(save["properties"]?["platform"]?["not"]?["enum"]) == names { $0.save == nil })
        let commit = try #require(stepClause(documents.v2, "commit"))
        #expect(strings(commit["properties"]?["platform"]?["enum"]) == names { $0.commit != nil })
        #expect(commit["required"] == ["platform"], "commit needs a named platform: the default cisco_ios has no commit step")
        #expect(Platform.named("cisco_ios")?.commit == nil && Platform.named("cisco_ios")?.save != nil)
        // Before 2.6 the flags are ignored, so the clauses are not part of the contract there.
        #expect(stepClause(documents.v2(at: Microversion(2, 5)), "save_config") == nil)
        #expect(stepClause(documents.v2(at: Microversion(2, 5)), "commit") == nil)
    }

    @Test func configJobsRefuseAutodetectInBothDocuments() throws {
        let documents = try OpenAPIDocuments.bundled()
        for document in [documents.v1, documents.v2] {
            let platform = document["components"]?["schemas"]?["ConfigJobRequest"]?["properties"]?["platform"]
            #expect(platform?["not"] == ["const": .string(PlatformSelection.autodetectName)])
        }
    }

    @Test func platformsOperationAndDetectedPlatformExistOnlyFromTheirMicroversions() throws {
        let documents = try OpenAPIDocuments.bundled()
        #expect(documents.v2(at: Microversion(2, 5))["paths"]?["/v2/platforms"] == nil)
        #expect(documents.v2(at: Microversion(2, 6))["paths"]?["/v2/platforms"]?["get"] != nil)
        func resultFields(_ microversion: Microversion) -> JSONValue? {
            documents.v2(at: microversion)["components"]?["schemas"]?["JobResult"]?["properties"]
        }
        #expect(resultFields(Microversion(2, 6))?["detected_platform"] == nil)
        #expect(resultFields(Microversion(2, 7))?["detected_platform"] != nil)
    }
}
