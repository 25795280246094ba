import Crypto
import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// The stored forms are written by hand and read back by `Codable`: both must agree on every field.
@Suite struct StoredJSONTests {
    @Test func aFullSpecReadsBackEqual() throws {
        let spec = JobSpec(
            kind: .structuredCommand, target: DeviceTarget(host: "2001:db8::7", port: 830, platform: "juniper_junos"),
            lines: ["show version | match \"Junos\"", "show interfaces\tterse", "ünïcødé ✓"],
            readTimeout: 12.5, connectTimeout: 0.25, expectString: #"[>#]\s*$"#, saveConfig: true, commit: true,
            textfsmTemplate: "Value A (\\S+)\n\nStart\n  ^${A} -> Record\n", reuseSession: false)
        let decoded = try JSONDecoder().decode(JobSpec.self, from: Data(spec.storedJSON.utf8))
        #expect(decoded == spec)
    }

    @Test func aMinimalSpecLeavesOptionalsOutAndReadsBackNil() throws {
        let spec = JobSpec(kind: .command, target: DeviceTarget(host: "10.0.0.1", platform: "cisco_ios"), lines: ["show clock"])
        #expect(!spec.storedJSON.contains("expectString"))
        let decoded = try JSONDecoder().decode(JobSpec.self, from: Data(spec.storedJSON.utf8))
        #expect(decoded == spec)
        #expect(decoded.reuseSession == nil && decoded.textfsmTemplate == nil)
    }

    @Test(arguments: [
        Credentials(username: "ops", password: "p\"w\\d\n", enableSecret: "en:able"),
        Credentials(username: "ünï", password: "", enableSecret: nil),
    ])
    func credentialsSurviveSealingAndOpening(_ credentials: Credentials) throws {
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        #expect(try vault.open(try vault.seal(credentials), jobID: "j") == credentials)
    }

    @Test func tagsAreStoredWithSortedKeys() throws {
        let stored = try #require(JobTags.encode(["zone": "b", "change": "CHG-1/\"x\""]))
        #expect(stored == #"{"change":"CHG-1/\"x\"","zone":"b"}"#)
        #expect(JobTags.decode(stored) == ["zone": "b", "change": "CHG-1/\"x\""])
        #expect(JobTags.encode([:]) == nil)
    }

    @Test(arguments: [
        JobOutput.commands([CommandOutput(command: "show ver", output: "IOS \"15\"\n\tline\\2 ✓"), CommandOutput(command: "show clock", output: "")]),
        JobOutput.commands([CommandOutput(command: "show version", output: "Junos")], detectedPlatform: "juniper_junos"),
        JobOutput.config("conf t\nhostname \"edge\"\r\nend\u{07}"),
    ])
    func outputsReadBackAsTheyWereStored(_ output: JobOutput) throws {
        let kind: JobKind = if case .config = output { .config } else { .command }
        #expect(try JobOutputCoding.decode(try JobOutputCoding.encode(output), kind: kind) == output)
    }
}
