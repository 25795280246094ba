import NAASCore
/// One contract change inside a major: the microversion that introduced it
/// and how to present a response to a client that asked for an older
/// microversion. Handlers produce the newest shape; these changes convert it
/// at the edge, newest first.
public struct VersionChange: Sendable {
    /// A stable, human-readable id, e.g. `job-error-codes`.
    public let id: String
    public let microversion: Microversion
    /// What changed, for the version history and the discovery document.
    public let description: String
    /// The operations whose responses or requests it touches.
    public let operations: [OperationID]
    /// Turns a response body of this version into the previous version's shape.
    public let downgradeResponse: @Sendable (JSONValue) -> JSONValue
    /// Turns a request body of the previous version into this version's shape.
    public let upgradeRequest: @Sendable (JSONValue) -> JSONValue

    public init(
        id: String, microversion: Microversion, description: String, operations: [OperationID],
        downgradeResponse: @escaping @Sendable (JSONValue) -> JSONValue = { $0 },
        upgradeRequest: @escaping @Sendable (JSONValue) -> JSONValue = { $0 }
    ) {
        self.id = id
        self.microversion = microversion
        self.description = description
        self.operations = operations
        self.downgradeResponse = downgradeResponse
        self.upgradeRequest = upgradeRequest
    }
}

extension JSONValue {
    /// The same object without the given keys; other values unchanged.
    public func removingKeys(_ keys: Set<String>) -> JSONValue {
        guard case .object(var fields) = self else { return self }
        for key in keys { fields.removeValue(forKey: key) }
        return .object(fields)
    }
}
