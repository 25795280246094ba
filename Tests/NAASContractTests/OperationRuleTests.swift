import NAASContract
import Testing

@Suite("Operations and paths")
struct OperationRuleTests {
    @Test func operationRemoved() throws {
        let fixture = Fixture("operation-removed")
        try fixture.expectBreaking("operation-removed", at: "DELETE /v2/jobs/{job_id}")
        try fixture.expectCompatible("operation-added", at: "GET /v2/jobs")
        let message = try fixture.changes(to: "breaking").first?.message
        #expect(message == "DELETE /v2/jobs/{job_id} was removed")
    }
}
