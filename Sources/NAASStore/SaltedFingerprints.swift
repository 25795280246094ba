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
        hasher.update(data: Data(username.utf8))
        hasher.update(data: Data([0]))
        hasher.update(data: Data(password.utf8))
        return Self.hex(hasher.finalize())
    }

    func login(_ username: String) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Data("login\u{0}".utf8))
        hasher.update(data: Data(username.utf8))
        return Self.hex(hasher.finalize())
    }

    /// Of any strings, each length-prefixed so no two lists give the same input.
    func of(_ parts: [String]) -> String {
        var hasher = SHA256()
        hasher.update(data: salt)
        hasher.update(data: Data("parts\u{0}".utf8))
        for part in parts {
            hasher.update(data: Data("\(part.utf8.count):".utf8))
            hasher.update(data: Data(part.utf8))
        }
        return Self.hex(hasher.finalize())
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        HexText.lowercase(digest)
    }
}
