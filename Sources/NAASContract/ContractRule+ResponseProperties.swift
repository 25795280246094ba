extension ContractRule {
    /// A property clients read is gone.
    public static let responsePropertyRemoved = ContractRule(
        "response-property-removed", .breaking, "A response property was removed.")
    /// A new property in a response; clients ignore what they do not know.
    public static let responsePropertyAdded = ContractRule(
        "response-property-added", .additive, "A new response property was added.")
    /// A new response property that is only sent from a microversion newer than the
    /// old document's maximum, so no existing client ever sees it.
    public static let responsePropertyAddedBehindMicroversion = ContractRule(
        "response-property-added-behind-microversion", .additive,
        "A new response property was added behind a new microversion (x-naas-min-version).")
    /// A property that was always present may now be missing.
    public static let responsePropertyMadeOptional = ContractRule(
        "response-property-made-optional", .breaking, "A required response property became optional.")
    /// A property that could be missing is now always present.
    public static let responsePropertyMadeRequired = ContractRule(
        "response-property-made-required", .additive, "An optional response property became required.")

    static let responsePropertyRules: [ContractRule] = [
        responsePropertyRemoved, responsePropertyAdded, responsePropertyAddedBehindMicroversion,
        responsePropertyMadeOptional, responsePropertyMadeRequired,
    ]
}
