import Crypto
import Foundation
import NAASCore

/// Fingerprints of credentials and login names, salted with a random value
/// kept in the store: every process sharing the store computes the same ones,
/// and nothing outside it can match them against a list of guesses.
struct SaltedFingerprints: Sendable {
    let salt: Data

    /// A fresh random salt, for a store that has none yet.
    static func newSalt() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    func owner(username: String, password: String) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(text: username)
        hasher.update(text: "\u{0}")
        hasher.update(text: password)
        return Self.hex(hasher.finalize())
    }

    func login(_ username: String) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(text: "login\u{0}")
        hasher.update(text: username)
        return Self.hex(hasher.finalize())
    }

    /// Of any strings, each length-prefixed so no two lists give the same input.
    func of(_ parts: [String]) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(text: "parts\u{0}")
        for part in parts {
            hasher.update(text: "\(part.utf8.count):")
            hasher.update(text: part)
        }
        return Self.hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        HexText.lowercase(digest)
    }
}

extension SHA256 {
    /// Hashes the UTF-8 bytes of `text` in place, without copying them into a `Data` first.
    mutating func update(text: String) {
        var text = text
        text.withUTF8 { update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }
}
