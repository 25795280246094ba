import NAASCore

/// A byte stream to a device's CLI: an SSH shell channel or a Telnet
/// connection. The session above it (prompts, paging, enable, config) is the
/// same for both.
///
/// Nothing here blocks a thread: waiting for the device suspends the
/// session's task. A transport belongs to one task, which runs on a
/// `ReactorLoop` (`DeviceReactor.run`), and is never used from two at once.
protocol DeviceTransport: AnyObject {
    /// Sends text to the device as it is (the caller adds the line ending).
    func write(_ text: String) async throws(DeviceFailure)

    /// Reads whatever arrives within `milliseconds`: an empty array when
    /// nothing did, nil once the device has closed the stream.
    func read(waitingAtMost milliseconds: Int32) async throws(DeviceFailure) -> [UInt8]?
}
