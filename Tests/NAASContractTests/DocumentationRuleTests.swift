import NAASContract
import Testing

@Suite("Documentation")
struct DocumentationRuleTests {
    /// Summaries, descriptions, examples, operationIds and deprecation marks
    /// change nothing on the wire.
    @Test func documentationChangesAreNeutral() throws {
        let changes = try Fixture("documentation").changes(to: "compatible")
        #expect(changes.allSatisfy { $0.kind == .neutral }, "\(changes)")
        #expect(changes.map(\.rule.id) == [
            "operation-id-changed", "description-changed", "deprecation-changed", "description-changed",
            "example-changed", "description-changed",
        ])
        #expect(changes.map(\.location) == [
            "GET /v2/jobs", "GET /v2/jobs", "GET /v2/jobs", "GET /v2/jobs parameter.query.limit",
            "GET /v2/jobs response.200.body", "GET /v2/jobs response.200.body",
        ])
    }
}
