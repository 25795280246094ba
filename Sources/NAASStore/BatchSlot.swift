/// A job's place in a batch: one job per device of a batch submission.
public struct BatchSlot: Sendable, Equatable {
    /// The batch's id (the submission's request id).
    public let id: String
    /// The device's position in the submission's `devices`, from 0.
    public let index: Int

    public init(id: String, index: Int) {
        self.id = id
        self.index = index
    }
}
