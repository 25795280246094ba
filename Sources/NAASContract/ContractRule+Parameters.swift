extension ContractRule {
    /// A path, query, header or cookie parameter is no longer documented.
    public static let parameterRemoved = ContractRule(
        "parameter-removed", .breaking, "A parameter was removed.")
    /// A new parameter that every client must now send.
    public static let parameterAddedRequired = ContractRule(
        "parameter-added-required", .breaking, "A new required parameter was added.")
    /// A new parameter that clients may ignore.
    public static let parameterAddedOptional = ContractRule(
        "parameter-added-optional", .additive, "A new optional parameter was added.")
    /// A new parameter that only exists from a microversion newer than the old document's maximum.
    public static let parameterAddedBehindMicroversion = ContractRule(
        "parameter-added-behind-microversion", .additive,
        "A new parameter was added behind a new microversion (x-naas-min-version).")
    /// An optional parameter became required.
    public static let parameterMadeRequired = ContractRule(
        "parameter-made-required", .breaking, "An optional parameter became required.")
    /// A required parameter became optional.
    public static let parameterMadeOptional = ContractRule(
        "parameter-made-optional", .additive, "A required parameter became optional.")

    static let parameterRules: [ContractRule] = [
        parameterRemoved, parameterAddedRequired, parameterAddedOptional,
        parameterAddedBehindMicroversion, parameterMadeRequired, parameterMadeOptional,
    ]
}
