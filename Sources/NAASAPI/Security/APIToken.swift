import Crypto
import Foundation
import NAASCore

/// API-key tokens: 256 random bits behind a recognisable prefix, stored
/// only as their SHA-256.
enum APIToken {
    static let prefix = "naas_"
    /// How much of a token lists show, to tell keys apart.
    static let shownPrefixLength = 12

    /// A new token and its key id.
    static func generate() -> (keyID: String, token: String) {
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let idBytes = SymmetricKey(size: .bits128).withUnsafeBytes { Array($0.prefix(6)) }
        return ("k-" + hex(idBytes), prefix + base64URL(secret))
    }

    static func hash(_ token: String) -> String {
        hex(SHA256.hash(data: Data(token.utf8)))
    }

    static func isKeyID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 14 && text.hasPrefix("k-")
            && bytes.dropFirst(2).allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        HexText.lowercase(bytes)
    }
}

/// Comparison whose time does not depend on where the inputs differ, so a
/// secret cannot be guessed byte by byte from response times.
enum ConstantTime {
    static func equal(_ a: String, _ b: String) -> Bool {
        // Hashing first makes the lengths equal and hides the secret's length too.
        let left = SHA256.hash(data: Data(a.utf8))
        let right = SHA256.hash(data: Data(b.utf8))
        var difference: UInt8 = 0
        for (x, y) in zip(left, right) { difference |= x ^ y }
        return difference == 0
    }
}
