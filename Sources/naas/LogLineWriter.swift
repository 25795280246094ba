import Foundation

/// Writes log lines from a thread of its own, so that logging never makes a
/// request wait on `write(2)`: a caller only copies its line into a buffer.
/// When the reader of the output stops reading (a stalled pipe), the buffer
/// fills up to `capacity` and further lines are dropped and counted, not
/// waited for; a notice says how many once writing resumes.
final class LogLineWriter: @unchecked Sendable {
    static let standardOutput = LogLineWriter(fileDescriptor: 1)
    static let standardError = LogLineWriter(fileDescriptor: 2)

    /// Bytes waiting to be written before lines are dropped.
    static let capacity = 8 << 20
    static let coalescingMicroseconds: UInt32 = 1_000

    private let fileDescriptor: Int32
    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var pending: [UInt8] = []
    private var dropped = 0
    private var writing = false
    private var started = false

    private init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    func append(_ line: [UInt8]) {
        condition.lock()
        defer { condition.unlock() }
        if !started {
            started = true
            let thread = Thread { [self] in drain() }
            thread.name = "naas-log-writer-\(fileDescriptor)"
            thread.start()
        }
        guard pending.count + line.count <= Self.capacity else {
            dropped += 1
            condition.signal()
            return
        }
        // The writer waits only on an empty buffer, so only the first line after it needs waking.
        if pending.isEmpty { condition.signal() }
        pending.append(contentsOf: line)
    }

    /// Waits until every line appended so far is written, or `timeout` passes (a process about to exit).
    func flush(timeout: TimeInterval = 5) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while (!pending.isEmpty || writing) && condition.wait(until: deadline) {}
    }

    /// Flushes both outputs.
    static func flushAll(timeout: TimeInterval = 5) {
        standardOutput.flush(timeout: timeout)
        standardError.flush(timeout: timeout)
    }

    private func drain() {
        var batch: [UInt8] = []
        while true {
            condition.lock()
            while pending.isEmpty && dropped == 0 { condition.wait() }
            swap(&batch, &pending)
            let lost = dropped
            dropped = 0
            writing = true
            condition.unlock()
            if lost > 0 {
                write(JSONLogHandler.line(
                    level: "WARNING", label: "naas", message: "log lines dropped: the output was not being read",
                    requestID: nil, sortedFields: [("dropped", "\(lost)")]))
            }
            write(batch)
            batch.removeAll(keepingCapacity: true)
            condition.lock()
            writing = false
            condition.broadcast()
            condition.unlock()
            // Lines arriving in the next moment join one write(2) instead of one each: under load
            // the log costs a system call per millisecond rather than two per request.
            usleep(Self.coalescingMicroseconds)
        }
    }

    private func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Foundation.write(fileDescriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
