/// How a contract change affects clients written against the old document.
public enum ChangeKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A client that worked against the old document can fail against the new one.
    case breaking
    /// A compatible contract change: the new document accepts or offers more (or
    /// returns a subset of what it did), and existing clients keep working. In v2
    /// it still needs a new microversion.
    case additive
    /// Documentation only (descriptions, summaries, examples, deprecation marks):
    /// nothing on the wire changes.
    case neutral
}
