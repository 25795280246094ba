import Foundation

/// A version inside a major contract, `2.1`: selected per request with the
/// `NAAS-API-Version` header. Each contract change in a major adds one.
public struct Microversion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// Parses `X.Y` (decimal digits, no sign, no leading zeros beyond `0`;
    /// `2.10` is ten, not one), ignoring surrounding whitespace.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let major = Self.number(parts[0]), let minor = Self.number(parts[1]) else { return nil }
        self.init(major, minor)
    }

    private static func number(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 4, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber),
              text == "0" || text.first != "0" else { return nil }
        return Int(text)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: Microversion, rhs: Microversion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }
}
