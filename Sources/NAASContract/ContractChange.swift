/// One classified difference between two versions of an API document.
public struct ContractChange: Sendable, Hashable, Encodable, CustomStringConvertible {
    /// The rule that found the change; its id is stable across releases.
    public let rule: ContractRule
    /// Where the change is: an operation (`POST /v2/send-command`) followed by the
    /// field inside it (`request.body.host`, `parameter.query.limit`,
    /// `response.200.body.status`), or a bare path for `path-removed`.
    public let location: String
    /// A sentence for people reading CI output.
    public let message: String

    /// Whether the change breaks, extends or only documents the contract.
    public var kind: ChangeKind { rule.kind }

    public init(rule: ContractRule, location: String, message: String) {
        self.rule = rule
        self.location = location
        self.message = message
    }

    public var description: String { "\(kind.rawValue) \(rule.id) at \(location): \(message)" }

    private enum CodingKeys: String, CodingKey {
        case kind, rule, location, message
    }

    // Flat JSON (`{"kind": "breaking", "rule": "operation-removed", ...}`) so that
    // CI tooling can read the gate's output without knowing Swift types.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(rule.id, forKey: .rule)
        try container.encode(location, forKey: .location)
        try container.encode(message, forKey: .message)
    }
}
