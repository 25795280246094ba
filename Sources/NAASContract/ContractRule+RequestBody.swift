extension ContractRule {
    /// A body is now required where none was, or where it was optional.
    public static let requestBodyMadeRequired = ContractRule(
        "request-body-made-required", .breaking, "A request body became required.")
    /// An optional body was added to an operation that had none.
    public static let requestBodyAdded = ContractRule(
        "request-body-added", .additive, "An optional request body was added.")
    /// The operation no longer reads a body; what clients send is lost or rejected.
    public static let requestBodyRemoved = ContractRule(
        "request-body-removed", .breaking, "The request body was removed.")
    /// A required body became optional.
    public static let requestBodyMadeOptional = ContractRule(
        "request-body-made-optional", .additive, "A required request body became optional.")
    /// A request media type clients may be sending is no longer accepted.
    public static let requestMediaTypeRemoved = ContractRule(
        "request-media-type-removed", .breaking, "A request media type is no longer accepted.")
    /// A further request media type is accepted.
    public static let requestMediaTypeAdded = ContractRule(
        "request-media-type-added", .additive, "A new request media type is accepted.")

    static let requestBodyRules: [ContractRule] = [
        requestBodyMadeRequired, requestBodyAdded, requestBodyRemoved, requestBodyMadeOptional,
        requestMediaTypeRemoved, requestMediaTypeAdded,
    ]
}
