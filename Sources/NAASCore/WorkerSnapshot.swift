/// What the workers of this process are doing, for health reporting.
public struct WorkerSnapshot: Sendable, Equatable {
    /// How many jobs may run at once.
    public let capacity: Int
    /// How many jobs are running now.
    public let active: Int

    public init(capacity: Int, active: Int) {
        self.capacity = capacity
        self.active = active
    }
}
