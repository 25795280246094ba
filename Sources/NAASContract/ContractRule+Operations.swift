extension ContractRule {
    /// A whole path (every operation under it) is gone.
    public static let pathRemoved = ContractRule(
        "path-removed", .breaking, "A path and all of its operations were removed.")
    /// One method of a path that still exists is gone.
    public static let operationRemoved = ContractRule(
        "operation-removed", .breaking, "An operation was removed.")
    /// A new method or a new path.
    public static let operationAdded = ContractRule(
        "operation-added", .additive, "A new operation was added.")

    static let operationRules: [ContractRule] = [pathRemoved, operationRemoved, operationAdded]
}
