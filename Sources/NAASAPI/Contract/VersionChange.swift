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
    /// Request body fields this change added: refused (422) at older microversions.
    public let requestFields: [String]

    public init(
        id: String, microversion: Microversion, description: String, operations: [OperationID],
        requestFields: [String] = [],
        downgradeResponse: @escaping @Sendable (JSONValue) -> JSONValue = { $0 },
        upgradeRequest: @escaping @Sendable (JSONValue) -> JSONValue = { $0 }
    ) {
        self.id = id
        self.microversion = microversion
        self.description = description
        self.operations = operations
        self.downgradeResponse = downgradeResponse
        self.upgradeRequest = upgradeRequest
        self.requestFields = requestFields
    }
}

extension JSONValue {
    /// The same object with `key` set to `value`; anything else unchanged.
    public func setting(_ key: String, _ value: JSONValue) -> JSONValue {
        guard case .object(var fields) = self else { return self }
        fields[key] = value
        return .object(fields)
    }

    /// The same object without the given keys; other values unchanged.
    public func removingKeys(_ keys: Set<String>) -> JSONValue {
        guard case .object(var fields) = self else { return self }
        for key in keys { fields.removeValue(forKey: key) }
        return .object(fields)
    }

    /// The same object with `keys` removed from each object in its array `member`.
    public func removingKeys(_ keys: Set<String>, inEachOf member: String) -> JSONValue {
        guard case .object(var fields) = self, case .array(let items)? = fields[member] else { return self }
        fields[member] = .array(items.map { $0.removingKeys(keys) })
        return .object(fields)
    }

    /// The same object with `key` set to `replacement` where it was `value`.
    public func replacingValue(of key: String, _ value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard case .object(var fields) = self, fields[key] == value else { return self }
        fields[key] = replacement
        return .object(fields)
    }
}
