// Rules about the microversion range an operation, parameter or property
// exists in (`x-naas-min-version` / `x-naas-max-version`). Retiring a field in
// a new microversion is how v2 removes things without breaking anyone.
extension ContractRule {
    /// Something no longer exists at microversions clients already use.
    public static let availabilityNarrowed = ContractRule(
        "availability-narrowed", .breaking,
        "An operation, parameter or property was withdrawn from a published microversion.")
    /// Something is retired (or starts later) only in microversions newer than
    /// the old document's maximum: clients that do not ask for them see no change.
    public static let availabilityNarrowedBehindMicroversion = ContractRule(
        "availability-narrowed-behind-microversion", .additive,
        "An operation, parameter or property was retired behind a new microversion.")
    /// Something now exists in more microversions than before.
    public static let availabilityWidened = ContractRule(
        "availability-widened", .additive,
        "An operation, parameter or property now exists in more microversions.")

    static let availabilityRules: [ContractRule] = [
        availabilityNarrowed, availabilityNarrowedBehindMicroversion, availabilityWidened,
    ]
}
