import NAASCore

/// Tells a watcher when one job may have changed state (claimed, ended,
/// canceled), so that a stream or a long poll answers at once instead of
/// polling. Like a queue wake-up it is a hint: the watcher reads the job to
/// learn what changed.
public protocol JobChanges: Sendable {
    /// A new stream that yields once at the start, then whenever job `id` may
    /// have changed; changes that arrive before the consumer looks coalesce
    /// into one. It ends when the store is closed.
    ///
    /// SQLite tells of changes made through this store instance; PostgreSQL
    /// tells of changes made by every process sharing the database.
    func jobChanges(id: String) -> AsyncStream<Void>

    /// The same without the tick at the start: for a watcher that subscribes
    /// first and then reads the job, so that any change after its read wakes it.
    func laterChanges(of id: String) -> AsyncStream<Void>

    /// The same, for a change to any job.
    func anyJobChanges() -> AsyncStream<Void>

    /// Job `id`'s record as the transaction that ended it read it, when it
    /// ended moments ago while a stream of `laterChanges(of:)` or
    /// `jobChanges(id:)` waited on it: a watcher woken by the end answers
    /// without reading the job again. Nil otherwise; then read the job.
    func endedRecord(of id: String) -> JobRecord?
}

extension JobChanges {
    public func endedRecord(of id: String) -> JobRecord? { nil }
}
