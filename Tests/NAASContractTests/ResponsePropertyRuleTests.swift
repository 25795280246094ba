import NAASContract
import Testing

@Suite("Response properties")
struct ResponsePropertyRuleTests {
    @Test func responsePropertyRemoved() throws {
        let fixture = Fixture("response-property-removed")
        try fixture.expectBreaking("response-property-removed", at: "GET /v2/jobs/{job_id} response.200.body.result")
        try fixture.expectCompatible(
            "response-property-added", at: "GET /v2/jobs/{job_id} response.200.body.created_at")
    }

    @Test func responsePropertyMadeOptional() throws {
        let fixture = Fixture("response-property-made-optional")
        try fixture.expectBreaking(
            "response-property-made-optional", at: "GET /v2/jobs/{job_id} response.200.body.status")
        try fixture.expectCompatible(
            "response-property-made-required", at: "GET /v2/jobs/{job_id} response.200.body.duration")
    }

    /// A property only sent from a microversion past the old maximum is
    /// invisible to today's clients; a new enum value is not.
    @Test func responsePropertyAddedBehindMicroversion() throws {
        let fixture = Fixture("response-property-added-behind-microversion")
        try fixture.expectBreaking(
            "response-enum-value-added", at: "GET /v2/jobs/{job_id} response.200.body.status")
        try fixture.expectCompatible(
            "response-property-added-behind-microversion", at: "GET /v2/jobs/{job_id} response.200.body.error_code")
        let message = try fixture.changes(to: "compatible").first?.message
        #expect(message == "GET /v2/jobs/{job_id} response.200.body.error_code was added from microversion 2.2")
    }

    @Test func responseTypeChanged() throws {
        let fixture = Fixture("response-type-changed")
        try fixture.expectBreaking("response-type-changed", at: "GET /v2/jobs/{job_id} response.200.body.duration")
        try fixture.expectCompatible(
            "response-type-narrowed", at: "GET /v2/jobs/{job_id} response.200.body.duration")
    }

    @Test func responseEnumValueRemoved() throws {
        let fixture = Fixture("response-enum-value-removed")
        try fixture.expectBreaking(
            "response-enum-value-removed", at: "GET /v2/jobs/{job_id} response.200.body.status")
        try fixture.expectCompatible(
            "description-changed", kind: .neutral, at: "GET /v2/jobs/{job_id} response.200.body.status")
    }

    @Test func responseNullableAdded() throws {
        let fixture = Fixture("response-nullable-added")
        try fixture.expectBreaking("response-nullable-added", at: "GET /v2/jobs/{job_id} response.200.body.job_id")
        try fixture.expectCompatible(
            "response-nullable-removed", at: "GET /v2/jobs/{job_id} response.200.body.result")
    }
}

@Suite("Microversion ranges")
struct AvailabilityRuleTests {
    /// Retiring a property from a microversion clients already use breaks them;
    /// retiring it after the old maximum, or offering it earlier, does not.
    @Test func availabilityNarrowed() throws {
        let fixture = Fixture("availability")
        try fixture.expectBreaking("availability-narrowed", at: "GET /v2/jobs/{job_id} response.200.body.result")
        try fixture.expectCompatible("availability-narrowed-behind-microversion", "availability-widened")
        let messages = try fixture.changes(to: "compatible").map(\.message)
        #expect(messages == [
            "GET /v2/jobs/{job_id} response.200.body.result exists in up to 2.2, was every microversion",
            "GET /v2/jobs/{job_id} response.200.body.error_code exists in 2.2 and later, was 2.3 and later",
        ])
    }
}
