import Foundation
import HTTPTypes
import HummingbirdTesting
import NAASCore
import Testing
@testable import NAASAPI

/// A save or commit the platform has no step for: ignored by v1 and before 2.6
/// (as those contracts said), a 422 naming the field from 2.6.
@Suite struct UnsupportedStepTests {
    private let refusing = JobRequestParser(kind: .config, major: .v2, refusesUnsupportedSteps: true)

    private func errors(_ parser: JobRequestParser, _ body: JSONValue) -> [FieldError] {
        guard case .failure(.validation(_, let errors)) = parser.parse(body) else { return [] }
        return errors
    }

    @Test func saveOnAPlatformWhoseCommitIsTheSaveIsRefusedWithTheFix() throws {
        let found = errors(refusing, ["host": "h", "platform": "juniper_junos", "config": ["set x"], "save_config": true])
        #expect(found.map(\.location) == [["save_config"]])
        #expect(found.first?.message.contains("commit: true") == true)
    }

    @Test func commitOnAPlatformWithoutOneIsRefused() {
        let found = errors(refusing, ["host": "h", "platform": "cisco_ios", "config": ["vlan 5"], "commit": true])
        #expect(found.map(\.location) == [["commit"]])
        #expect(found.first?.message.contains("leave commit out") == true)
    }

    @Test func stepsThePlatformHasAreAccepted() throws {
        _ = try refusing.parse(["host": "h", "platform": "juniper_junos", "config": ["set x"], "commit": true]).get()
        _ = try refusing.parse(["host": "h", "platform": "cisco_ios_telnet", "config": ["vlan 5"], "save_config": true]).get()
        _ = try refusing.parse(["host": "h", "platform": "vyos", "config": ["set x"], "commit": true, "save_config": true]).get()
    }

    @Test func withoutTheRuleTheFlagIsIgnoredAsBefore() throws {
        let lenient = JobRequestParser(kind: .config, major: .v2)
        _ = try lenient.parse(["host": "h", "platform": "juniper_junos", "config": ["set x"], "save_config": true]).get()
        _ = try lenient.parse(["host": "h", "platform": "cisco_ios", "config": ["vlan 5"], "commit": true]).get()
    }

    @Test(arguments: [("/v2/send-config", "2.6", 422), ("/v2/send-config", "latest", 422),
                      ("/v2/send-config", "2.5", 202), ("/v2/send-config", "", 202), ("/v1/send_config", "2.6", 202)])
    func theRouteAppliesTheRuleFrom26(_ path: String, _ microversion: String, _ status: Int) async throws {
        try await APITestHarness().run { client in
            var headers = APITestHarness.basic
            headers[.contentType] = "application/json"
            if !microversion.isEmpty { headers[.testAPIVersion] = microversion }
            let body = #"{"host": "192.0.2.1", "platform": "cisco_ios", "config": ["vlan 5"], "commit": true}"#
            try await client.execute(uri: path, method: .post, headers: headers, body: .init(string: body)) { response in
                #expect(response.status.code == status, "\(path) at \(microversion)")
                if status == 422 {
                    guard case .array(let found)? = try APITestHarness.json(response)["errors"] else {
                        Issue.record("no errors array")
                        return
                    }
                    #expect(found.map { $0["loc"] } == [["commit"]])
                }
            }
        }
    }

    @Test func autodetectIsRefusedOnConfigurationJobsOnly() throws {
        #expect(errors(refusing, ["host": "h", "platform": "autodetect", "config": ["vlan 5"]]).map(\.location) == [["platform"]])
        let v1 = JobRequestParser(kind: .config)
        #expect(errors(v1, ["host": "h", "device_type": "autodetect", "config": ["vlan 5"]]).map(\.location) == [["device_type"]])
        let parsed = try JobRequestParser(kind: .command, major: .v2).parse(["host": "h", "platform": "autodetect", "commands": ["show version"]]).get()
        #expect(parsed.spec.target.platform == "autodetect")
        #expect(parsed.spec.target.port == 22)
    }

    @Test func telnetNamesDefaultToPort23() throws {
        let parsed = try JobRequestParser(kind: .command).parse(["host": "h", "platform": "arista_eos_telnet", "commands": ["show version"]]).get()
        #expect(parsed.spec.target.port == 23)
    }
}
