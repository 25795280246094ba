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

    /// A removed path is one finding, not one per operation; renaming a path
    /// parameter is no change at all.
    @Test func pathRemoved() throws {
        let fixture = Fixture("path-removed")
        try fixture.expectBreaking("path-removed", at: "/v2/jobs/{job_id}")
        let message = try fixture.changes(to: "breaking").first?.message
        #expect(message == "/v2/jobs/{job_id} was removed (GET, DELETE)")
        try fixture.expectCompatible("deprecation-changed", kind: .neutral, at: "GET /v2/jobs/{id}")
    }
}
