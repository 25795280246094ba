import Foundation
import HTTPTypes
import HummingbirdTesting
import NAASCore
import NAASStore
import Testing
@testable import NAASAPI

@Suite struct VersionChangeTests {
    /// A finished job that the device refused, owned by `APITestHarness.basic`.
    private func refusedJob(_ harness: APITestHarness) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let owner = harness.store.ownerFingerprint(username: "ops", password: "device-pw")
        try await harness.store.enqueue(NewJob(
            id: id, owner: owner,
            spec: JobSpec(kind: .command, target: DeviceTarget(host: "192.0.2.1", platform: "cisco_ios"), lines: ["show clock"]),
            credentials: Credentials(username: "ops", password: "device-pw")))
        _ = try await harness.store.claimNext()
        try await harness.store.finish(id, outcome: .deviceFailed(DeviceFailure(.connectionRefused, "refused")))
        return id
    }

    @Test func errorCodesAppearFrom21Only() async throws {
        let harness = try APITestHarness()
        let id = try await refusedJob(harness)
        try await harness.run { client in
            var headers = APITestHarness.basic
            headers[.testAPIVersion] = "2.0"
            try await client.execute(uri: "/v2/send-command/\(id)", method: .get, headers: headers) { response in
                let body = try APITestHarness.json(response)
                #expect(body["status"] == "finished")
                #expect(body["error"] == "refused")
                #expect(body["error_code"] == nil)
                #expect(body["error_retryable"] == nil)
            }
            headers[.testAPIVersion] = "2.1"
            try await client.execute(uri: "/v2/send-command/\(id)", method: .get, headers: headers) { response in
                let body = try APITestHarness.json(response)
                #expect(body["error_code"] == "CONNECTION_REFUSED")
                #expect(body["error_retryable"] == true)
            }
        }
    }

    @Test func v1ShapeIsFrozenWhateverTheHeader() async throws {
        let harness = try APITestHarness()
        let id = try await refusedJob(harness)
        try await harness.run { client in
            var headers = APITestHarness.basic
            headers[.testAPIVersion] = "2.0"
            try await client.execute(uri: "/v1/send_command/\(id)", method: .get, headers: headers) { response in
                let body = try APITestHarness.json(response)
                #expect(body["error_code"] == "CONNECTION_REFUSED")
                #expect(body["app"] == "naas")
                #expect(response.headers[.testAPIVersion] == nil)
            }
        }
    }

    @Test(arguments: [("ip", "host"), ("device_type", "platform")])
    func v2RefusesV1FieldNamesAndNamesTheReplacement(_ field: String, _ replacement: String) async throws {
        try await APITestHarness().run { client in
            var headers = APITestHarness.basic
            headers[.contentType] = "application/json"
            let body = #"{"host": "192.0.2.1", "commands": ["show clock"], "\#(field)": "x"}"#
            try await client.execute(uri: "/v2/send-command", method: .post, headers: headers, body: .init(string: body)) { response in
                #expect(response.status == .unprocessableContent)
                let problem = try APITestHarness.json(response)
                guard case .array(let errors)? = problem["errors"], let first = errors.first else {
                    Issue.record("no errors array")
                    return
                }
                #expect(first["loc"] == .array([.string(field)]))
                guard case .string(let message)? = first["msg"] else { return }
                #expect(message.contains("use \(replacement)"))
            }
        }
    }

    @Test func downgradesApplyNewestFirstAndOnlyAbove() {
        let below = APIContract.downgrades(for: .commandResult, to: APIContract.v2Minimum)
        #expect(below.map(\.microversion) == APIContract.changes.filter { $0.operations.contains(.commandResult) }.map(\.microversion).sorted(by: >))
        #expect(APIContract.downgrades(for: .commandResult, to: APIContract.v2Maximum).isEmpty)
        #expect(APIContract.downgrades(for: .health, to: APIContract.v2Minimum).isEmpty)
    }

    @Test func maximumIsTheNewestChange() {
        #expect(APIContract.v2Maximum == APIContract.changes.map(\.microversion).max())
        let versions = APIContract.changes.map(\.microversion)
        #expect(versions == versions.sorted(), "changes are listed oldest first")
        #expect(Set(versions).count == versions.count, "one change per microversion")
    }
}
