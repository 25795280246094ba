import Foundation
import Logging

/// Writes one JSON object per line: timestamp, level, logger, message,
/// request_id, then any other metadata. Callers must never put secrets in
/// metadata; `Credentials` redacts itself if one slips through. Lines are
/// handed to a `LogLineWriter`: a request never waits on the output.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    private let writer: LogLineWriter

    /// `output`: 1 (stdout) for the server, 2 (stderr) for commands whose stdout is data.
    init(label: String, level: Logger.Level, output: Int32 = 1) {
        self.label = label
        self.logLevel = level
        self.writer = output == 2 ? .standardError : .standardOutput
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in metadata { fields[key] = "\(value)" }
        for (key, value) in event.metadata ?? [:] { fields[key] = "\(value)" }
        let requestID = fields.removeValue(forKey: "request_id")
        writer.append(Self.line(
            level: event.level.rawValue.uppercased(), label: label, message: "\(event.message)", requestID: requestID, fields: fields))
    }

    /// One log line, newline included.
    static func line(level: String, label: String, message: String, requestID: String? = nil, fields: [String: String]) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(160 + message.utf8.count + fields.count * 32)
        line.append(contentsOf: #"{"timestamp":""#.utf8)
        LogTimestamp.append(to: &line)
        line.append(contentsOf: #"","level":"#.utf8)
        appendQuoted(level, to: &line)
        line.append(contentsOf: #","logger":"#.utf8)
        appendQuoted(label, to: &line)
        line.append(contentsOf: #","message":"#.utf8)
        appendQuoted(message, to: &line)
        line.append(contentsOf: #","request_id":"#.utf8)
        if let requestID { appendQuoted(requestID, to: &line) } else { line.append(contentsOf: "null".utf8) }
        for key in fields.keys.sorted() {
            line.append(UInt8(ascii: ","))
            appendQuoted(key, to: &line)
            line.append(UInt8(ascii: ":"))
            appendQuoted(fields[key]!, to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        return line
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func appendQuoted(_ text: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): line.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): line.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): line.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): line.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): line.append(contentsOf: #"\t"#.utf8)
            case 0..<0x20:
                line.append(contentsOf: #"\u00"#.utf8)
                line.append(hexDigits[Int(byte >> 4)])
                line.append(hexDigits[Int(byte & 0x0f)])
            default: line.append(byte)
            }
        }
        line.append(UInt8(ascii: "\""))
    }
}

/// The time of a log line, in UTC to the millisecond (`2026-12-06T03:29:17.812Z`), without Foundation's formatters.
enum LogTimestamp {
    static func append(to line: inout [UInt8]) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        digits(Int(parts.tm_year) + 1900, 4, &line)
        line.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2, &line)
        line.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2, &line)
        line.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2, &line)
        line.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2, &line)
        line.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2, &line)
        line.append(UInt8(ascii: "."))
        digits(Int(now.tv_nsec) / 1_000_000, 3, &line)
        line.append(UInt8(ascii: "Z"))
    }

    private static func digits(_ value: Int, _ width: Int, _ line: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }
}
