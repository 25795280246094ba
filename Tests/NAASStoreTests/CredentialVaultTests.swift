import Crypto
import Foundation
import NAASCore
import Testing
@testable import NAASStore

@Suite struct CredentialVaultTests {
    @Test func sealedCredentialsOpenOnlyWithTheSameKey() throws {
        let credentials = Credentials(username: "ops", password: "vault-pw", enableSecret: nil)
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        let sealed = try vault.seal(credentials)
        #expect(sealed.range(of: Data("vault-pw".utf8)) == nil)
        #expect(try vault.open(sealed, jobID: "j") == credentials)
        let other = CredentialVault(key: SymmetricKey(size: .bits256))
        #expect(throws: StoreError.undecryptableCredentials("j")) { try other.open(sealed, jobID: "j") }
    }

    @Test func sealingTheSameSecretTwiceGivesDifferentBoxes() throws {
        // A repeated nonce under one key would let anyone who reads the store compare or forge secrets.
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        let credentials = Credentials(username: "ops", password: "vault-pw", enableSecret: nil)
        let boxes = try (0..<1_000).map { _ in try vault.seal(credentials) }
        #expect(Set(boxes.map { $0.prefix(12) }).count == boxes.count)
        #expect(try boxes.allSatisfy { try vault.open($0, jobID: "j") == credentials })
        let secrets = try (0..<2).map { _ in try vault.seal(secret: "hook-secret") }
        #expect(secrets[0] != secrets[1])
        #expect(try secrets.allSatisfy { try vault.openSecret($0, jobID: "j") == "hook-secret" })
    }

    @Test func keyFileIsCreatedPrivateAndReused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-key-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let first = try EncryptionKey.load(environmentValue: nil, dataDirectory: directory)
        let second = try EncryptionKey.load(environmentValue: nil, dataDirectory: directory)
        #expect(first == second)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(EncryptionKey.fileName).path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func environmentKeyMustBe32Base64Bytes() throws {
        let directory = FileManager.default.temporaryDirectory
        let good = Data(repeating: 7, count: 32).base64EncodedString()
        #expect(throws: Never.self) { try EncryptionKey.load(environmentValue: good, dataDirectory: directory) }
        #expect(throws: StoreError.self) { try EncryptionKey.load(environmentValue: "c2hvcnQ=", dataDirectory: directory) }
    }

    @Test func aRotatedVaultStillOpensWhatItsPreviousKeySealed() throws {
        let credentials = Credentials(username: "ops", password: "vault-pw", enableSecret: "en")
        let old = SymmetricKey(size: .bits256)
        let new = SymmetricKey(size: .bits256)
        let sealedBefore = try CredentialVault(key: old).seal(credentials)
        let rotated = CredentialVault(key: new, previousKeys: [old])
        #expect(try rotated.open(sealedBefore, jobID: "j") == credentials)
        let sealedAfter = try rotated.seal(credentials)
        // Once the old key is dropped, what it sealed is unreadable; what the new key sealed is not.
        let finished = CredentialVault(key: new)
        #expect(try finished.open(sealedAfter, jobID: "k") == credentials)
        #expect(throws: StoreError.undecryptableCredentials("j")) { try finished.open(sealedBefore, jobID: "j") }
    }

    @Test func previousKeysAreReadFromACommaSeparatedList() throws {
        let one = Data(repeating: 1, count: 32).base64EncodedString()
        let two = Data(repeating: 2, count: 32).base64EncodedString()
        #expect(try EncryptionKey.previous(environmentValue: " \(one) , \(two) ").count == 2)
        #expect(try EncryptionKey.previous(environmentValue: nil).isEmpty)
        #expect(throws: StoreError.self) { try EncryptionKey.previous(environmentValue: "c2hvcnQ=") }
    }
}
