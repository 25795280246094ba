import NAASContract
import Testing

@Suite("Request bodies")
struct RequestBodyRuleTests {
    @Test func requestBodyMadeRequired() throws {
        let fixture = Fixture("request-body-made-required")
        try fixture.expectBreaking("request-body-made-required", at: "POST /v2/jobs/{job_id}/cancel request.body")
        try fixture.expectCompatible("request-body-added", at: "POST /v2/jobs/{job_id}/cancel request.body")
    }

    @Test func requestBodyRemoved() throws {
        let fixture = Fixture("request-body-removed")
        // The breaking document also gains a summary: documentation rides along as neutral.
        let changes = try fixture.changes(to: "breaking")
        #expect(changes.map(\.rule.id) == ["description-changed", "request-body-removed"])
        #expect(changes.filter { $0.kind == .breaking }.map(\.location) == ["POST /v2/jobs/{job_id}/cancel request.body"])
        try fixture.expectCompatible("request-body-made-optional")
    }

    @Test func requestMediaTypeRemoved() throws {
        let fixture = Fixture("request-media-type-removed")
        try fixture.expectBreaking(
            "request-media-type-removed", at: "POST /v2/send-command request.body[application/yaml]")
        try fixture.expectCompatible(
            "request-media-type-added", at: "POST /v2/send-command request.body[application/x-www-form-urlencoded]")
    }
}
