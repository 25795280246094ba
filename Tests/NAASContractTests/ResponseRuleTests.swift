import NAASContract
import Testing

@Suite("Responses")
struct ResponseRuleTests {
    @Test func successStatusChanged() throws {
        let fixture = Fixture("success-status-changed")
        try fixture.expectBreaking("success-status-changed", at: "POST /v2/send-command response.202")
        let message = try fixture.changes(to: "breaking").first?.message
        #expect(message == "POST /v2/send-command answers 200 where it answered 202")
        try fixture.expectCompatible("error-status-added", at: "POST /v2/send-command response.429")
    }

    @Test func successStatusRemoved() throws {
        let fixture = Fixture("success-status-removed")
        try fixture.expectBreaking("success-status-removed", at: "POST /v2/send-command response.204")
        try fixture.expectCompatible("error-status-removed", at: "POST /v2/send-command response.404")
    }

    @Test func successStatusAdded() throws {
        let fixture = Fixture("success-status-added")
        try fixture.expectBreaking("success-status-added", at: "POST /v2/send-command response.202")
        try fixture.expectCompatible("error-status-added", at: "POST /v2/send-command response.default")
    }

    @Test func responseHeaderRemoved() throws {
        let fixture = Fixture("response-header-removed")
        try fixture.expectBreaking(
            "response-header-removed", at: "GET /v2/jobs/{job_id} response.200.header.NAAS-API-Version")
        try fixture.expectCompatible(
            "response-header-added", at: "GET /v2/jobs/{job_id} response.200.header.Deprecation")
    }

    @Test func responseMediaTypeRemoved() throws {
        let fixture = Fixture("response-media-type-removed")
        try fixture.expectBreaking(
            "response-media-type-removed", at: "GET /v2/jobs/{job_id} response.200.body[application/yaml]")
        try fixture.expectCompatible(
            "response-media-type-added", at: "GET /v2/jobs/{job_id} response.200.body[text/plain]")
    }
}
