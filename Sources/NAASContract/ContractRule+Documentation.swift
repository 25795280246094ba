extension ContractRule {
    /// A summary, description or title changed.
    public static let descriptionChanged = ContractRule(
        "description-changed", .neutral, "A summary, description or title changed.")
    /// An example changed, appeared or went away.
    public static let exampleChanged = ContractRule(
        "example-changed", .neutral, "An example changed.")
    /// Something was marked deprecated, or no longer is. Nothing on the wire changes
    /// yet; the removal that may follow is what the gate stops.
    public static let deprecationChanged = ContractRule(
        "deprecation-changed", .neutral, "An operation, parameter or property was (un)deprecated.")
    /// An operationId changed: the wire is unchanged, generated clients' method names are not.
    public static let operationIdChanged = ContractRule(
        "operation-id-changed", .neutral, "An operationId changed.")

    static let documentationRules: [ContractRule] = [
        descriptionChanged, exampleChanged, deprecationChanged, operationIdChanged,
    ]
}
