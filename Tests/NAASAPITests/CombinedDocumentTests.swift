import NAASCore
import Testing
@testable import NAASAPI

/// `/apidoc/openapi.json`: the v2 document with the v1 paths, nothing lost and nothing dangling.
@Suite struct CombinedDocumentTests {
    let documents: OpenAPIDocuments
    let combined: JSONValue

    init() throws {
        documents = try OpenAPIDocuments.bundled()
        combined = documents.combined(at: APIContract.v2Maximum)
    }

    private func member(_ node: JSONValue?, _ key: String) -> JSONValue? {
        if case .object(let fields)? = node { fields[key] } else { nil }
    }

    private func paths(_ document: JSONValue) -> [String: JSONValue] {
        if case .object(let paths)? = member(document, "paths") { paths } else { [:] }
    }

    private func collect(_ node: JSONValue, key: String, into found: inout [String]) {
        switch node {
        case .array(let items): items.forEach { collect($0, key: key, into: &found) }
        case .object(let fields):
            for (name, value) in fields {
                if name == key, case .string(let text) = value { found.append(text) } else { collect(value, key: key, into: &found) }
            }
        default: break
        }
    }

    @Test func holdsEveryPathOfBothMajors() {
        let all = Set(paths(combined).keys)
        #expect(Set(paths(documents.v2(at: APIContract.v2Maximum)).keys).isSubset(of: all))
        #expect(Set(paths(documents.v1).keys).isSubset(of: all))
        #expect(all.contains("/v1/send_command") && all.contains("/v2/send-command"))
    }

    @Test func v2PathsAreUnchanged() {
        let v2 = paths(documents.v2(at: APIContract.v2Maximum))
        for (path, item) in v2 { #expect(paths(combined)[path] == item, "\(path)") }
    }

    @Test func everyReferenceResolves() {
        var references: [String] = []
        collect(combined, key: "$ref", into: &references)
        #expect(references.contains("#/components/schemas/v1.JobResult"))
        for reference in Set(references) {
            var node: JSONValue? = combined
            for part in reference.dropFirst(2).split(separator: "/") { node = member(node, String(part)) }
            #expect(node != nil, "\(reference) resolves to nothing")
        }
    }

    @Test func operationIdsAreUnique() {
        var ids: [String] = []
        collect(member(combined, "paths") ?? .null, key: "operationId", into: &ids)
        #expect(ids.count == Set(ids).count)
        #expect(ids.contains("v1.v1SendCommand"))
    }

    @Test func v1OperationsKeepTheirBasicLogin() {
        guard case .object(let operation)? = member(paths(combined)["/v1/send_command"], "post") else {
            Issue.record("no POST /v1/send_command")
            return
        }
        #expect(operation["security"] == .array([.object(["deviceBasic": .array([])])]))
    }
}
