import Foundation
import Synchronization

/// Compiled regular expressions by pattern, shared by every session of the
/// process. The platform table's patterns are few and fixed, and a read
/// loop tests them on every chunk a device sends: compiling once keeps that
/// test cheap when many sessions run at once.
enum PatternCache {
    private static let compiled = Mutex<[String: NSRegularExpression]>([:])

    /// Whether `pattern` matches anywhere in `text`. A pattern that does not
    /// compile matches nothing (the table's patterns are checked by unit tests).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        guard let regex = regex(pattern) else { return false }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    private static func regex(_ pattern: String) -> NSRegularExpression? {
        if let cached = compiled.withLock({ $0[pattern] }) { return cached }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        compiled.withLock { $0[pattern] = regex }
        return regex
    }
}
