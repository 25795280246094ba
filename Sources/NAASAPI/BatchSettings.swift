/// Limits of batch submissions.
public struct BatchSettings: Sendable {
    /// `BATCH_MAX_DEVICES`: devices one batch may hold.
    public var maxDevices: Int
    /// `BATCH_MAX_COMMANDS`: commands or configuration lines one batch may send to each device.
    public var maxLines: Int

    public init(maxDevices: Int = 100, maxLines: Int = 50) {
        self.maxDevices = max(maxDevices, 1)
        self.maxLines = max(maxLines, 1)
    }
}
