import Foundation
import Logging

/// One configuration value: the command-line flag wins, then the
/// environment variable, then the built-in default.
func setting<T: LosslessStringConvertible>(_ flag: T?, _ variables: [String], default fallback: T) throws -> T {
    if let flag { return flag }
    let environment = ProcessInfo.processInfo.environment
    for name in variables {
        guard let raw = environment[name], !raw.isEmpty else { continue }
        guard let value = T(raw) else {
            throw ValidationError("\(name)=\(raw) is not a valid value")
        }
        return value
    }
    return fallback
}

/// A boolean switch: the flag, or the variable set to 1/true/yes.
func switchSetting(_ flag: Bool, _ variable: String) -> Bool {
    if flag { return true }
    let raw = ProcessInfo.processInfo.environment[variable]?.lowercased() ?? ""
    return ["1", "true", "yes", "on"].contains(raw)
}

struct ValidationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Logger.Level {
    /// Accepts swift-log's names and Python's (`WARNING`, `CRITICAL`), any case.
    init?(loose raw: String) {
        switch raw.lowercased() {
        case "warning": self = .warning
        case "fatal": self = .critical
        default: self.init(rawValue: raw.lowercased())
        }
    }
}
