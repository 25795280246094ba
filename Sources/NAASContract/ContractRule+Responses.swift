extension ContractRule {
    /// A 2xx status clients rely on is gone and no other 2xx took its place.
    public static let successStatusRemoved = ContractRule(
        "success-status-removed", .breaking, "A success status was removed.")
    /// A 2xx status was replaced by another (e.g. 202 became 200).
    public static let successStatusChanged = ContractRule(
        "success-status-changed", .breaking, "A success status was replaced by another.")
    /// A further 2xx status: clients that check for the old one treat the new one as a failure.
    public static let successStatusAdded = ContractRule(
        "success-status-added", .breaking, "An additional success status may be returned.")
    /// A new documented error (4xx, 5xx or default) response.
    public static let errorStatusAdded = ContractRule(
        "error-status-added", .additive, "A new error status was documented.")
    /// An error response is no longer documented; clients' handling of it becomes unused.
    public static let errorStatusRemoved = ContractRule(
        "error-status-removed", .additive, "An error status is no longer documented.")
    /// A response media type clients may be asking for is gone.
    public static let responseMediaTypeRemoved = ContractRule(
        "response-media-type-removed", .breaking, "A response media type is no longer offered.")
    /// A further response media type is offered.
    public static let responseMediaTypeAdded = ContractRule(
        "response-media-type-added", .additive, "A new response media type is offered.")
    /// A documented response header is gone.
    public static let responseHeaderRemoved = ContractRule(
        "response-header-removed", .breaking, "A response header was removed.")
    /// A new response header.
    public static let responseHeaderAdded = ContractRule(
        "response-header-added", .additive, "A new response header was added.")

    static let responseRules: [ContractRule] = [
        successStatusRemoved, successStatusChanged, successStatusAdded, errorStatusAdded,
        errorStatusRemoved, responseMediaTypeRemoved, responseMediaTypeAdded, responseHeaderRemoved,
        responseHeaderAdded,
    ]
}
