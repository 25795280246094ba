import Foundation

/// Checks that a device address is an IPv4 or IPv6 literal or an RFC 1123 host name.
enum HostAddress {
    static func isValid(_ host: String) -> Bool {
        // inet_pton reads a C string: text after a NUL would pass unseen.
        guard !host.utf8.contains(0) else { return false }
        if isIPv4(host) || isIPv6(host) { return true }
        return isHostName(host)
    }

    /// Dotted decimal, four parts, no leading zeros: what `inet_pton` accepts.
    static func isIPv4(_ text: String) -> Bool {
        guard text.utf8.count <= 15 else { return false }
        var storage = in_addr()
        return inet_pton(AF_INET, text, &storage) == 1
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.count <= 45 else { return false }
        var storage = in6_addr()
        return inet_pton(AF_INET6, text, &storage) == 1
    }

    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        let name = text.hasSuffix(".") ? String(text.dropLast()) : text
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        // An all-numeric dotted name is a mistyped IPv4 address, not a host name.
        if labels.allSatisfy({ $0.allSatisfy(\.isNumber) }) { return false }
        return labels.allSatisfy { label in
            guard (1...63).contains(label.utf8.count), label.first != "-", label.last != "-" else { return false }
            return label.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
        }
    }
}
