import NAASContract
import Testing

@Suite("Constraints")
struct ConstraintRuleTests {
    @Test func maxLengthDecreased() throws {
        let fixture = Fixture("request-max-length")
        try fixture.expectBreaking("request-constraint-tightened", at: "POST /v2/send-command request.body.host")
        let message = try fixture.changes(to: "breaking").first?.message
        #expect(message == "POST /v2/send-command request.body.host: maxLength decreased from 255 to 64")
        try fixture.expectCompatible("request-constraint-loosened", at: "POST /v2/send-command request.body.host")
    }

    @Test func minimumIncreased() throws {
        let fixture = Fixture("request-minimum")
        try fixture.expectBreaking("request-constraint-tightened", at: "POST /v2/send-command request.body.timeout")
        // Lower minimum and higher maximum: two loosened limits.
        try fixture.expectCompatible("request-constraint-loosened", "request-constraint-loosened")
    }

    @Test func patternChanged() throws {
        let fixture = Fixture("request-pattern")
        try fixture.expectBreaking("request-constraint-tightened", at: "POST /v2/send-command request.body.job_name")
        try fixture.expectCompatible("request-constraint-loosened", at: "POST /v2/send-command request.body.job_name")
    }

    @Test func itemLimitsTightened() throws {
        let fixture = Fixture("request-items")
        let messages = try fixture.changes(to: "breaking").map(\.message)
        try fixture.expectBreaking("request-constraint-tightened", "request-constraint-tightened")
        #expect(messages == [
            "POST /v2/send-command request.body.commands: maxItems decreased from 50 to 10",
            "POST /v2/send-command request.body.commands: minItems increased from 1 to 2",
        ])
        try fixture.expectCompatible("request-constraint-loosened", at: "POST /v2/send-command request.body.commands")
    }

    /// The mirror image for what the server returns: looser limits break
    /// readers, tighter ones do not.
    @Test func responseConstraintLoosened() throws {
        let fixture = Fixture("response-constraint-loosened")
        try fixture.expectBreaking(
            "response-constraint-loosened", at: "GET /v2/jobs/{job_id} response.200.body.name")
        try fixture.expectCompatible(
            "response-constraint-tightened", at: "GET /v2/jobs/{job_id} response.200.body.name")
    }
}
