import NAASCore

extension DeviceSession {
    /// How long a pooled session may take to answer the check before reuse.
    static let reuseCheckSeconds = 5.0

    /// Whether this session, back from the pool, stands where a fresh one
    /// would: still open, with nothing left unread, answering a bare line with
    /// exactly `prompt` (not a configuration mode, not a lower privilege).
    func isBack(at prompt: String) async -> Bool {
        guard currentPrompt == prompt else { return false }
        let jobTimeout = readTimeout
        readTimeout = min(readTimeout, Self.reuseCheckSeconds)
        defer { readTimeout = jobTimeout }
        do throws(DeviceFailure) {
            // A late line or notice from the device must not end up in the next job's output.
            while true {
                guard let unread = try await transport.read(waitingAtMost: 0) else { return false }
                if unread.isEmpty { break }
            }
            let answer = try await exchange("", until: .anyPrompt)
            return matcher.trailingPrompt(in: answer) == prompt
        } catch {
            return false
        }
    }
}
