/// Collects changes in the order they are found, once each.
///
/// A component schema used by several operations is compared once per use, so
/// each operation gets its own line; the same finding reached twice at one
/// location (two media types sharing a schema, a component reused in one body)
/// is kept once.
struct ChangeLog {
    private(set) var changes: [ContractChange] = []
    private var seen: Set<ContractChange> = []

    mutating func record(_ rule: ContractRule, at location: FieldLocation, _ message: String) {
        let change = ContractChange(rule: rule, location: location.description, message: message)
        if seen.insert(change).inserted {
            changes.append(change)
        }
    }
}
