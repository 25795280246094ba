/// Renders classified changes as text for people and CI logs, breaking changes
/// first, one line each:
///
///     BREAKING operation-removed: DELETE /v2/jobs/{job_id} was removed
///     ADDITIVE operation-added: GET /v2/jobs was added
///     3 changes: 1 breaking, 1 additive, 1 neutral
public struct ContractReport: Sendable {
    /// The changes, ordered breaking, additive, neutral; the classifier's order within each kind.
    public let changes: [ContractChange]

    public init(changes: [ContractChange]) {
        let order: [ChangeKind] = [.breaking, .additive, .neutral]
        self.changes = order.flatMap { kind in changes.filter { $0.kind == kind } }
    }

    /// Whether any change would break an existing client.
    public var hasBreakingChanges: Bool { changes.contains { $0.kind == .breaking } }

    /// How many changes are of `kind`.
    public func count(of kind: ChangeKind) -> Int { changes.filter { $0.kind == kind }.count }

    /// `KIND rule-id: message`, one per change.
    public var lines: [String] {
        changes.map { "\($0.kind.rawValue.uppercased()) \($0.rule.id): \($0.message)" }
    }

    /// `3 changes: 1 breaking, 1 additive, 1 neutral`, or `no contract changes`.
    public var summary: String {
        guard !changes.isEmpty else { return "no contract changes" }
        let noun = changes.count == 1 ? "change" : "changes"
        let counts = ChangeKind.allCases.map { "\(count(of: $0)) \($0.rawValue)" }.joined(separator: ", ")
        return "\(changes.count) \(noun): \(counts)"
    }

    /// The lines followed by the summary, newline-separated.
    public var text: String { (lines + [summary]).joined(separator: "\n") }
}
