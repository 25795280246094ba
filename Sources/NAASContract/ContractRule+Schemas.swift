// Schema rules apply to every value a client sends (request body and parameters:
// `request-…`) or receives (response body: `response-…`). The two sides are
// mirror images: what narrows the values a server accepts breaks senders, what
// widens the values a server returns breaks readers.
extension ContractRule {
    /// A sent value's type no longer accepts what it did (e.g. integer became string).
    public static let requestTypeChanged = ContractRule(
        "request-type-changed", .breaking, "The type of a request value changed incompatibly.")
    /// A sent value's type accepts more than before (e.g. integer became number).
    public static let requestTypeWidened = ContractRule(
        "request-type-widened", .additive, "The type of a request value was widened.")
    /// A received value may now have a type clients do not expect.
    public static let responseTypeChanged = ContractRule(
        "response-type-changed", .breaking, "The type of a response value changed incompatibly.")
    /// A received value's type is narrower than before (e.g. number became integer).
    public static let responseTypeNarrowed = ContractRule(
        "response-type-narrowed", .additive, "The type of a response value was narrowed.")

    /// A value clients may be sending is no longer in the enum: they get rejected.
    public static let requestEnumValueRemoved = ContractRule(
        "request-enum-value-removed", .breaking, "An enum value is no longer accepted in a request.")
    /// The server accepts a further enum value.
    public static let requestEnumValueAdded = ContractRule(
        "request-enum-value-added", .additive, "A new enum value is accepted in a request.")
    /// A value clients wait for or send back is no longer produced.
    public static let responseEnumValueRemoved = ContractRule(
        "response-enum-value-removed", .breaking, "An enum value was removed from a response.")
    /// The server may return a value that clients switching over the old set do not handle.
    public static let responseEnumValueAdded = ContractRule(
        "response-enum-value-added", .breaking, "A new enum value may be returned in a response.")

    /// A request value lost `null` from its accepted values.
    public static let requestNullableRemoved = ContractRule(
        "request-nullable-removed", .breaking, "A request value no longer accepts null.")
    /// A request value now also accepts `null`.
    public static let requestNullableAdded = ContractRule(
        "request-nullable-added", .additive, "A request value now accepts null.")
    /// A response value may now be `null`.
    public static let responseNullableAdded = ContractRule(
        "response-nullable-added", .breaking, "A response value may now be null.")
    /// A response value is never `null` any more.
    public static let responseNullableRemoved = ContractRule(
        "response-nullable-removed", .additive, "A response value is no longer null.")

    /// A limit on a sent value got stricter (maxLength/maximum/maxItems lowered,
    /// minLength/minimum/minItems raised, pattern, format or enum added or changed,
    /// uniqueItems set, additionalProperties closed).
    public static let requestConstraintTightened = ContractRule(
        "request-constraint-tightened", .breaking, "A request constraint was tightened.")
    /// A limit on a sent value got looser.
    public static let requestConstraintLoosened = ContractRule(
        "request-constraint-loosened", .additive, "A request constraint was loosened.")
    /// A limit on a received value got looser: values clients validate or size
    /// buffers for may now be out of range.
    public static let responseConstraintLoosened = ContractRule(
        "response-constraint-loosened", .breaking, "A response constraint was loosened.")
    /// A limit on a received value got stricter: what clients get is a subset.
    public static let responseConstraintTightened = ContractRule(
        "response-constraint-tightened", .additive, "A response constraint was tightened.")

    static let schemaRules: [ContractRule] = [
        requestTypeChanged, requestTypeWidened, responseTypeChanged, responseTypeNarrowed,
        requestEnumValueRemoved, requestEnumValueAdded, responseEnumValueRemoved, responseEnumValueAdded,
        requestNullableRemoved, requestNullableAdded, responseNullableAdded, responseNullableRemoved,
        requestConstraintTightened, requestConstraintLoosened, responseConstraintLoosened,
        responseConstraintTightened,
    ]
}
