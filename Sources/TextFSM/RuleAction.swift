import Foundation

/// What a rule does to the input after it matches.
enum LineAction: String, Sendable {
    case next = "Next"
    case `continue` = "Continue"
    case error = "Error"
}

/// What a rule does to the record being built after it matches.
enum RecordAction: String, Sendable {
    case noRecord = "NoRecord"
    case record = "Record"
    case clear = "Clear"
    case clearAll = "Clearall"
}

/// The text after a rule's `->`: `[LineOp][.RecordOp] [NewState|"message"]`.
struct RuleAction: Sendable {
    var line: LineAction = .next
    var record: RecordAction = .noRecord
    /// The state to go to, or the `Error` message (quotes kept, as Python keeps them).
    var newState: String?

    private static let grammars: [NSRegularExpression] = [
        #"\s+(Continue|Next|Error)(?:\.(Clear|Clearall|Record|NoRecord))?(?:\s+(\w+|".*"))?$"#,
        #"\s+()(Clear|Clearall|Record|NoRecord)(?:\s+(\w+|".*"))?$"#,
        #"()()(?:\s+(\w+|".*"))?$"#,
    ].map { try! NSRegularExpression(pattern: $0) }

    init() {}

    /// Reads the action the way Python tries its three forms, in order.
    init?(parsing text: String) {
        let range = NSRange(location: 0, length: text.utf16.count)
        for grammar in Self.grammars {
            guard let match = grammar.firstMatch(in: text, options: .anchored, range: range) else { continue }
            func group(_ number: Int) -> String? {
                guard let bounds = Range(match.range(at: number), in: text), !bounds.isEmpty else { return nil }
                return String(text[bounds])
            }
            if let line = group(1) { self.line = LineAction(rawValue: line)! }
            if let record = group(2) { self.record = RecordAction(rawValue: record)! }
            newState = group(3)
            return
        }
        return nil
    }
}
