import NAASCore

/// A byte stream to a device's CLI: an SSH shell channel or a Telnet
/// connection. The session above it (prompts, paging, enable, config) is the
/// same for both.
///
/// Every call blocks the calling thread. A transport lives on one dedicated
/// thread for its whole life and is never touched from the Swift cooperative
/// pool, nor from two threads at once.
protocol DeviceTransport: AnyObject {
    /// Sends text to the device as it is (the caller adds the line ending).
    func write(_ text: String) throws(DeviceFailure)

    /// Reads whatever arrives within `milliseconds`: an empty array when
    /// nothing did, nil once the device has closed the stream.
    func read(waitingAtMost milliseconds: Int32) throws(DeviceFailure) -> [UInt8]?
}
