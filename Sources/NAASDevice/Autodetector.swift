import Foundation
import NAASCore

/// Finds a device's platform the way Netmiko's SSHDetect does: send each
/// probe command of the platform table, most widely shared first, and score
/// the platforms whose patterns match its output. A score of 99 ends the
/// search. Unlike SSHDetect, each command is read until the prompt returns
/// instead of for a fixed ~7 s.
struct Autodetector {
    /// Output that means the device did not know the command: no platform scores on it.
    static let invalidResponses = [
        #"% Invalid input detected"#, #"syntax error, expecting"#, #"Error: Unrecognized command"#, #"%Error"#,
        #"command not found"#, #"Syntax Error: unexpected argument"#, #"% Unrecognized command found at"#,
        #"% Unknown command, the error locates at"#,
    ]
    static let certain = 99

    let platforms: [Platform]

    /// Probe commands, the one most platforms share first (ties keep table order).
    var commands: [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for probe in platforms.flatMap(\.autodetect) {
            if counts[probe.command] == nil { order.append(probe.command) }
            counts[probe.command, default: 0] += 1
        }
        return order.enumerated().sorted { lhs, rhs in
            let (left, right) = (counts[lhs.element]!, counts[rhs.element]!)
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The platform with the best score over the probe commands, or nil.
    /// `ask` runs one command and returns its output.
    func detect(ask: (String) async throws(DeviceFailure) -> String) async throws(DeviceFailure) -> Platform? {
        var best: (platform: Platform, score: Int)?
        for command in commands {
            let output = try await ask(command)
            if Self.invalidResponses.contains(where: { DeviceSession.matches($0, output) }) { continue }
            for platform in platforms {
                for probe in platform.autodetect where probe.command == command {
                    guard probe.patterns.contains(where: { DeviceSession.matches("(?i)" + $0, output) }) else { continue }
                    if probe.priority > (best?.score ?? 0) { best = (platform, probe.priority) }
                }
            }
            if let best, best.score >= Self.certain { return best.platform }
        }
        return best?.platform
    }
}
