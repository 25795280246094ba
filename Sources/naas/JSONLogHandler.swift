import Foundation
import Logging
import NAASCore
import NAASStore

/// Writes one JSON object per line: timestamp, level, logger, message,
/// request_id, then any other metadata. Callers must never put secrets in
/// metadata; `Credentials` redacts itself if one slips through. Lines are
/// handed to a `LogLineWriter`: a request never waits on the output.
struct JSONLogHandler: OrderedFieldsLogging {
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
        var fields: [(key: String, value: String)] = []
        fields.reserveCapacity(metadata.count + (event.metadata?.count ?? 0))
        var requestID: String?
        func add(_ key: String, _ value: Logger.MetadataValue) {
            if key == "request_id" { requestID = Self.text(value) } else { fields.append((key, Self.text(value))) }
        }
        // The event's own metadata wins over the handler's on the same key.
        for (key, value) in metadata where event.metadata?[key] == nil { add(key, value) }
        for (key, value) in event.metadata ?? [:] { add(key, value) }
        fields.sort { $0.key < $1.key }
        writer.append(Self.line(
            level: Self.levelNames[event.level] ?? event.level.rawValue, label: label, message: event.message.description,
            requestID: requestID, sortedFields: fields))
    }

    func log(level: Logger.Level, message: String, requestID: String?, sortedFields fields: [(key: String, value: String)]) {
        var fields = fields
        if !metadata.isEmpty {
            // The event's own fields win over the handler's on the same key, as in `log(event:)`.
            let given = Set(fields.map(\.key))
            fields += metadata.filter { !given.contains($0.key) && $0.key != "request_id" }.map { ($0.key, Self.text($0.value)) }
            fields.sort { $0.key < $1.key }
        }
        writer.append(Self.line(
            level: Self.levelNames[level] ?? level.rawValue, label: label, message: message, requestID: requestID, sortedFields: fields))
    }

    private static let levelNames = Dictionary(uniqueKeysWithValues: Logger.Level.allCases.map { ($0, $0.rawValue.uppercased()) })

    // Interpolating a metadata value goes through its description machinery; audit values are plain strings.
    private static func text(_ value: Logger.MetadataValue) -> String {
        if case .string(let text) = value { return text }
        return "\(value)"
    }

    /// One log line, newline included; `sortedFields` in key order, so equal events give equal lines.
    static func line(
        level: String, label: String, message: String, requestID: String?, sortedFields fields: [(key: String, value: String)]
    ) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(160 + message.utf8.count + fields.count * 32)
        line.append(contentsOf: #"{"timestamp":""#.utf8)
        LogTimestamp.append(to: &line)
        line.append(contentsOf: #"","level":"#.utf8)
        JSONText.appendQuoted(level, to: &line)
        line.append(contentsOf: #","logger":"#.utf8)
        JSONText.appendQuoted(label, to: &line)
        line.append(contentsOf: #","message":"#.utf8)
        JSONText.appendQuoted(message, to: &line)
        line.append(contentsOf: #","request_id":"#.utf8)
        if let requestID { JSONText.appendQuoted(requestID, to: &line) } else { line.append(contentsOf: "null".utf8) }
        for field in fields {
            line.append(UInt8(ascii: ","))
            JSONText.appendQuoted(field.key, to: &line)
            line.append(UInt8(ascii: ":"))
            JSONText.appendQuoted(field.value, to: &line)
        }
        line.append(contentsOf: "}\n".utf8)
        return line
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
