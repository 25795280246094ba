/// One named check of the breaking-change gate: a stable id that CI output,
/// changelog entries and reviewers can refer to, the kind of change it reports,
/// and a one-line summary of what it means for clients.
///
/// The catalogue lives in the `ContractRule+…` extensions, grouped by the part
/// of the document the rule looks at. Rules are values rather than enum cases so
/// that adding one never breaks a caller that switches over the known ones.
public struct ContractRule: Sendable, Hashable, CustomStringConvertible {
    /// The stable id, e.g. `operation-removed`. Never renamed once released.
    public let id: String
    /// What the change means for a client written against the old document.
    public let kind: ChangeKind
    /// What the rule detects, for `--list-rules` style output and documentation.
    public let summary: String

    init(_ id: String, _ kind: ChangeKind, _ summary: String) {
        self.id = id
        self.kind = kind
        self.summary = summary
    }

    public var description: String { id }

    // Identity is the id alone: two rules with the same id are the same rule.
    public static func == (lhs: ContractRule, rhs: ContractRule) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Every rule the classifier can report, grouped as in the catalogue files.
    public static let all: [ContractRule] =
        operationRules + parameterRules + requestBodyRules + requestPropertyRules
        + responseRules + responsePropertyRules + schemaRules + availabilityRules + documentationRules

    /// The rule with this id, if there is one.
    public static func named(_ id: String) -> ContractRule? {
        all.first { $0.id == id }
    }
}
