import Foundation

/// The breaking-change classifier behind the contract gate: reads two versions
/// of an OpenAPI 3.1 document and lists every difference a client could notice,
/// each classified as breaking, additive or neutral by a named `ContractRule`.
///
/// Typical use, as `naas contract diff OLD NEW` does:
///
///     let changes = try ContractDiff.compare(old: baseline, new: current)
///     let report = ContractReport(changes: changes)
///     print(report.text)
///     if report.hasBreakingChanges { exit(1) }
public enum ContractDiff {
    /// Compares two documents (YAML or JSON) and returns the changes in the
    /// order they were found: removals first, then operation by operation.
    ///
    /// Every local `$ref` is resolved first, so a change inside a shared
    /// component is reported at each operation that uses it.
    ///
    /// - Throws: `ContractDocumentError` naming the document that could not be read.
    public static func compare(old: Data, new: Data) throws -> [ContractChange] {
        let before = try LoadedContract(data: old, role: "old")
        let after = try LoadedContract(data: new, role: "new")
        return DocumentComparison(old: before, new: after).changes()
    }

    /// The microversions a document declares in `info.x-naas-microversions`,
    /// or nil if it declares none (v1 has no microversions).
    ///
    /// Compare the old and new `max` to tell whether a contract change came with
    /// a new microversion. Only the raw YAML is read, so this works even on a
    /// document the classifier would reject.
    ///
    /// - Throws: `ContractDocumentError` if the document is unreadable or the
    ///   declaration is not `{min: X.Y, max: X.Y}`.
    public static func microversions(in document: Data) throws -> MicroversionRange? {
        try RawDocument(data: document, role: "document").microversions(role: "document")
    }
}
