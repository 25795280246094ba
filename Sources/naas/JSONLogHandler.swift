import Foundation
import Logging
import Synchronization

/// Writes one JSON object per line: timestamp, level, logger, message,
/// request_id, then any other metadata. Callers must never put secrets in
/// metadata; `Credentials` redacts itself if one slips through.
struct JSONLogHandler: LogHandler {
    private static let output = Mutex<Void>(())

    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    /// The file descriptor lines go to: stdout for the server, stderr for commands whose stdout is data.
    let output: Int32

    init(label: String, level: Logger.Level, output: Int32 = 1) {
        self.label = label
        self.logLevel = level
        self.output = output
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            fields[key] = "\(value)"
        }
        var line = "{\"timestamp\":\(Self.quoted(Date().formatted(.iso8601.time(includingFractionalSeconds: true).year().month().day().timeZone(separator: .omitted))))"
        line += ",\"level\":\(Self.quoted(event.level.rawValue.uppercased()))"
        line += ",\"logger\":\(Self.quoted(label))"
        line += ",\"message\":\(Self.quoted("\(event.message)"))"
        line += ",\"request_id\":\(fields.removeValue(forKey: "request_id").map(Self.quoted) ?? "null")"
        for key in fields.keys.sorted() {
            line += ",\(Self.quoted(key)):\(Self.quoted(fields[key]!))"
        }
        line += "}\n"
        var bytes = Array(line.utf8)
        Self.output.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { Foundation.write(output, $0.baseAddress! + offset, $0.count - offset) }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
