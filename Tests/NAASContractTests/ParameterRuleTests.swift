import NAASContract
import Testing

@Suite("Parameters")
struct ParameterRuleTests {
    @Test func parameterRemoved() throws {
        let fixture = Fixture("parameter-removed")
        try fixture.expectBreaking("parameter-removed", at: "GET /v2/jobs parameter.query.limit")
        try fixture.expectCompatible("parameter-added-optional", at: "GET /v2/jobs parameter.query.status")
    }

    @Test func parameterAddedRequired() throws {
        let fixture = Fixture("parameter-added-required")
        try fixture.expectBreaking("parameter-added-required", at: "GET /v2/jobs parameter.query.host")
        // Required, but only from 2.2 while the old document stopped at 2.1.
        try fixture.expectCompatible(
            "parameter-added-behind-microversion", at: "GET /v2/jobs parameter.header.X-Trace-Id")
    }

    @Test func parameterMadeRequired() throws {
        let fixture = Fixture("parameter-made-required")
        try fixture.expectBreaking("parameter-made-required", at: "GET /v2/jobs parameter.query.limit")
        try fixture.expectCompatible("parameter-made-optional", at: "GET /v2/jobs parameter.query.host")
    }
}
