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
}
