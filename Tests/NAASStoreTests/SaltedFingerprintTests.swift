import Crypto
import Foundation
import Testing
@testable import NAASStore

/// Fingerprints are stored (job owners, login subjects, dedup keys): the
/// bytes hashed for each must never change, or existing jobs lose their owner.
@Suite struct SaltedFingerprintTests {
    let salt = Data((0..<32).map { UInt8($0) })

    private func expected(_ parts: [Data]) -> String {
        SHA256.hash(data: parts.reduce(salt, +)).map { String(format: "%02x", $0) }.joined()
    }

    @Test func theOwnerIsTheSaltUsernameNulAndPassword() {
        let fingerprints = SaltedFingerprints(salt: salt)
        #expect(fingerprints.owner(username: "admin", password: "pässwörd") ==
            expected([Data("admin".utf8), Data([0]), Data("pässwörd".utf8)]))
    }

    @Test func theLoginSubjectIsTheSaltALabelAndTheUsername() {
        let fingerprints = SaltedFingerprints(salt: salt)
        #expect(fingerprints.login("netops") == expected([Data("login\u{0}".utf8), Data("netops".utf8)]))
    }

    @Test func partsAreLengthPrefixedSoNoTwoListsCollide() {
        let fingerprints = SaltedFingerprints(salt: salt)
        #expect(fingerprints.of(["ab", "c"]) ==
            expected([Data("parts\u{0}".utf8), Data("2:".utf8), Data("ab".utf8), Data("1:".utf8), Data("c".utf8)]))
        #expect(fingerprints.of(["ab", "c"]) != fingerprints.of(["a", "bc"]))
    }
}
