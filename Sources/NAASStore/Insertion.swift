/// What became of one submission in a group insert.
enum Insertion: Sendable, Equatable {
    case inserted
    /// Its id is taken by another job.
    case takenID
    /// An identical job of the same caller (same dedup key) is queued or running: that job's id.
    case duplicate(of: String)

    /// Throws for anything but an inserted job.
    func check(_ id: String) throws {
        switch self {
        case .inserted: return
        case .takenID: throw StoreError.duplicateJobID(id)
        case .duplicate(let existing): throw StoreError.duplicateOf(existing)
        }
    }
}
