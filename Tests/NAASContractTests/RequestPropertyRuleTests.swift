import NAASContract
import Testing

@Suite("Request properties")
struct RequestPropertyRuleTests {
    @Test func requestPropertyAddedRequired() throws {
        let fixture = Fixture("request-property-added-required")
        try fixture.expectBreaking("request-property-added-required", at: "POST /v2/send-command request.body.platform")
        try fixture.expectCompatible("request-property-added-optional", at: "POST /v2/send-command request.body.timeout")
    }

    /// Required from a microversion no client has asked for yet is not breaking;
    /// required from a microversion clients already use is. The compatible
    /// document puts `x-naas-min-version` beside a `$ref`, which must survive.
    @Test func requestPropertyAddedBehindMicroversion() throws {
        let fixture = Fixture("request-property-added-behind-microversion")
        try fixture.expectBreaking("request-property-added-required", at: "POST /v2/send-command request.body.platform")
        try fixture.expectCompatible(
            "request-property-added-behind-microversion", at: "POST /v2/send-command request.body.platform")
    }

    @Test func requestPropertyMadeRequired() throws {
        let fixture = Fixture("request-property-made-required")
        try fixture.expectBreaking("request-property-made-required", at: "POST /v2/send-command request.body.timeout")
        try fixture.expectCompatible("request-property-made-optional", at: "POST /v2/send-command request.body.commands")
    }

    /// Removing a property from a closed object gets senders rejected; from an
    /// open one it is ignored.
    @Test func requestPropertyRemoved() throws {
        let fixture = Fixture("request-property-removed")
        try fixture.expectBreaking("request-property-removed", at: "POST /v2/send-command request.body.timeout")
        try fixture.expectCompatible("request-constraint-loosened", "request-property-removed-ignored")
    }

    @Test func requestTypeChanged() throws {
        let fixture = Fixture("request-type-changed")
        try fixture.expectBreaking("request-type-changed", at: "POST /v2/send-command request.body.timeout")
        let message = try fixture.changes(to: "breaking").first?.message
        #expect(message == "type of POST /v2/send-command request.body.timeout changed from integer to string")
        try fixture.expectCompatible("request-type-widened", at: "POST /v2/send-command request.body.timeout")
    }

    @Test func requestEnumValueRemoved() throws {
        let fixture = Fixture("request-enum-value-removed")
        try fixture.expectBreaking("request-enum-value-removed", at: "POST /v2/send-command request.body.platform")
        try fixture.expectCompatible("request-enum-value-added", at: "POST /v2/send-command request.body.platform")
    }

    @Test func requestNullableRemoved() throws {
        let fixture = Fixture("request-nullable-removed")
        try fixture.expectBreaking("request-nullable-removed", at: "POST /v2/send-command request.body.timeout")
        try fixture.expectCompatible("request-nullable-added", at: "POST /v2/send-command request.body.host")
    }

    /// Alternatives are paired by component: dropping one narrows what is
    /// accepted, adding one (or null) widens it.
    @Test func requestVariantRemoved() throws {
        let fixture = Fixture("request-variants")
        let changes = try fixture.changes(to: "breaking")
        #expect(changes.map(\.rule.id) == ["request-nullable-added", "request-type-changed", "request-type-widened"])
        #expect(changes.first { $0.kind == .breaking }?.message
            == "POST /v2/jobs request.body no longer has the alternative ConfigJob")
        try fixture.expectCompatible("request-type-widened", at: "POST /v2/jobs request.body")
    }
}
