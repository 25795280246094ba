import Foundation
import NAASCore
@testable import NAASDevice

/// A device played from a script, for unit tests of the session logic: each
/// complete line the session types is answered by `reply`; keys typed
/// without a line ending (a pager's space, a single-key `y`) go to `reply`
/// as they are. Integration tests use real peers instead.
final class ScriptedDevice: DeviceTransport {
    /// What the device prints once the connection opens.
    var greeting: String
    /// The answer to one line (or keys); nil closes the connection.
    var reply: (String) -> String?
    private(set) var typed: [String] = []
    private var pending: [UInt8] = []
    private var input = ""
    private var closed = false
    let lineEnding: String

    init(greeting: String, lineEnding: String = "\n", reply: @escaping (String) -> String?) {
        self.greeting = greeting
        self.lineEnding = lineEnding
        self.reply = reply
        pending = Array(greeting.utf8)
    }

    func write(_ text: String) async throws(DeviceFailure) {
        input += text
        if !input.contains(lineEnding) {
            // Keys without a line ending are answered at once.
            let keys = input
            input = ""
            typed.append(keys)
            answer(keys)
            return
        }
        while let range = input.range(of: lineEnding) {
            let line = String(input[..<range.lowerBound])
            input.removeSubrange(..<range.upperBound)
            typed.append(line)
            answer(line)
        }
    }

    private func answer(_ line: String) {
        guard let output = reply(line) else {
            closed = true
            return
        }
        pending += Array(output.utf8)
    }

    func read(waitingAtMost milliseconds: Int32) async throws(DeviceFailure) -> [UInt8]? {
        if pending.isEmpty {
            if closed { return nil }
            try? await Task.sleep(for: .milliseconds(min(milliseconds, 20)))
            return []
        }
        // Half a buffer at a time, so the session sees output arrive in pieces.
        let count = max(1, (pending.count + 1) / 2)
        defer { pending.removeFirst(count) }
        return Array(pending.prefix(count))
    }
}

extension DeviceSession {
    /// A prepared session over a scripted device.
    static func scripted(
        _ device: ScriptedDevice, platform: Platform,
        credentials: Credentials = Credentials(username: "ops", password: "pw-1", enableSecret: "en-1"),
        readTimeout: Double = 1
    ) async throws(DeviceFailure) -> DeviceSession {
        try await DeviceSession(over: device, platform: platform, credentials: credentials, readTimeout: readTimeout)
    }
}
