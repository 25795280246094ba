extension ContractRule {
    /// A new body property that every client must now send.
    public static let requestPropertyAddedRequired = ContractRule(
        "request-property-added-required", .breaking, "A new required request property was added.")
    /// A new body property that clients may leave out.
    public static let requestPropertyAddedOptional = ContractRule(
        "request-property-added-optional", .additive, "A new optional request property was added.")
    /// A new body property that only exists from a microversion newer than the old document's maximum.
    public static let requestPropertyAddedBehindMicroversion = ContractRule(
        "request-property-added-behind-microversion", .additive,
        "A new request property was added behind a new microversion (x-naas-min-version).")
    /// An optional body property became required.
    public static let requestPropertyMadeRequired = ContractRule(
        "request-property-made-required", .breaking, "An optional request property became required.")
    /// A required body property became optional.
    public static let requestPropertyMadeOptional = ContractRule(
        "request-property-made-optional", .additive, "A required request property became optional.")
    /// A body property was removed from an object that rejects unknown properties, so
    /// clients that still send it get a validation error.
    public static let requestPropertyRemoved = ContractRule(
        "request-property-removed", .breaking,
        "A request property was removed from an object with additionalProperties: false.")
    /// A body property was removed from an object that still tolerates unknown
    /// properties: requests are accepted and the property is ignored.
    public static let requestPropertyRemovedIgnored = ContractRule(
        "request-property-removed-ignored", .additive,
        "A request property was removed; the object still accepts and ignores it.")

    static let requestPropertyRules: [ContractRule] = [
        requestPropertyAddedRequired, requestPropertyAddedOptional, requestPropertyAddedBehindMicroversion,
        requestPropertyMadeRequired, requestPropertyMadeOptional, requestPropertyRemoved,
        requestPropertyRemovedIgnored,
    ]
}
