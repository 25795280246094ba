import NAASContract
import Testing

@Suite("References")
struct ReferenceTests {
    /// A change inside a shared component is reported under every operation
    /// that uses it, once per location: the request body is offered as JSON and
    /// YAML with the same schema, and its new required property is one finding.
    @Test func componentChangeIsReportedAtEachUse() throws {
        let changes = try Fixture("shared-component").changes(to: "breaking")
        #expect(changes.map(\.location) == [
            "GET /v2/jobs/{job_id} response.200.body.status",
            "GET /v2/jobs response.200.body[].status",
            "POST /v2/send-command request.body.port",
            "POST /v2/send-command response.202.body.status",
        ])
        #expect(changes.map(\.rule.id) == [
            "response-enum-value-removed", "response-enum-value-removed",
            "request-property-added-required", "response-enum-value-removed",
        ])
        #expect(changes.allSatisfy { $0.kind == .breaking })
    }

    /// Inlining a component or wrapping it in `allOf` describes the same values.
    @Test func restructuringWithoutChangeIsSilent() throws {
        try Fixture("shared-component").expectCompatible()
    }
}
