import Foundation

/// Writes one JSON object per line to a file, from any thread.
public final class EventLog: EventSink, @unchecked Sendable {
    // A lock rather than an actor: events are written from event-loop threads,
    // which must not wait on a hop to another executor.
    private let lock = NSLock()
    private let handle: FileHandle

    /// Opens (and truncates) `path`.
    public init(path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SimulatorError.cannotOpen(path)
        }
        self.handle = handle
    }

    /// Appends one event line.
    public func record(device: String, event: String, line: String, fields: [String: String]) {
        var json = "{\"device\":\(Self.quoted(device)),\"event\":\(Self.quoted(event)),\"line\":\(Self.quoted(line))"
        for key in fields.keys.sorted() {
            json += ",\(Self.quoted(key)):\(Self.quoted(fields[key] ?? ""))"
        }
        json += ",\"time\":\(String(format: "%.6f", Date().timeIntervalSince1970))}\n"
        lock.lock()
        defer { lock.unlock() }
        handle.write(Data(json.utf8))
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Why the simulator could not start.
public enum SimulatorError: Error, CustomStringConvertible {
    /// A file could not be opened.
    case cannotOpen(String)
    /// The configuration names a platform the simulator does not know.
    case unknownPlatform(String)
    /// The configuration is not usable.
    case badConfig(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .cannotOpen(let path): return "cannot open \(path)"
        case .unknownPlatform(let name): return "unknown platform \(name) (see --list-platforms)"
        case .badConfig(let reason): return "bad configuration: \(reason)"
        }
    }
}
