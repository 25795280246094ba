import Foundation
import HTTPTypes
import HummingbirdTesting
import NAASCore
import NAASStore
import Testing
@testable import NAASAPI

/// Results of `platform: autodetect` jobs at 2.7, below it, and on v1.
@Suite struct AutodetectResultTests {
    /// An ended autodetect job owned by `APITestHarness.basic`.
    private func autodetectJob(_ harness: APITestHarness, _ outcome: JobOutcome) async throws -> String {
        let id = UUID().uuidString.lowercased()
        let owner = harness.store.ownerFingerprint(username: "ops", password: "device-pw")
        try await harness.store.enqueue(NewJob(
            id: id, owner: owner,
            spec: JobSpec(kind: .command, target: DeviceTarget(host: "192.0.2.1", platform: "autodetect"), lines: ["show version"]),
            credentials: Credentials(username: "ops", password: "device-pw")))
        _ = try await harness.store.claimNext()
        try await harness.store.finish(id, outcome: outcome)
        return id
    }

    private func read(_ client: any TestClientProtocol, _ path: String, at microversion: String?) async throws -> JSONValue {
        var headers = APITestHarness.basic
        if let microversion { headers[.testAPIVersion] = microversion }
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            #expect(response.status == .ok)
            return try APITestHarness.json(response)
        }
    }

    @Test func detectedPlatformFrom27Only() async throws {
        let harness = try APITestHarness()
        let output = JobOutput.commands([CommandOutput(command: "show version", output: "Arista vEOS")], detectedPlatform: "arista_eos")
        let id = try await autodetectJob(harness, .succeeded(output))
        try await harness.run { client in
            let at27 = try await read(client, "/v2/send-command/\(id)", at: "2.7")
            #expect(at27["detected_platform"] == "arista_eos")
            #expect(at27["results"] == ["show version": "Arista vEOS"])
            let at26 = try await read(client, "/v2/send-command/\(id)", at: "2.6")
            #expect(at26["detected_platform"] == nil)
            #expect(at26["results"] == ["show version": "Arista vEOS"])
            let v1 = try await read(client, "/v1/send_command/\(id)", at: nil)
            #expect(v1["detected_platform"] == nil)
        }
    }

    @Test func aJobThatNamedItsPlatformHasANullDetectedPlatform() async throws {
        let harness = try APITestHarness()
        let id = try await autodetectJob(harness, .succeeded(.commands([CommandOutput(command: "show version", output: "x")])))
        try await harness.run { client in
            let body = try await read(client, "/v2/send-command/\(id)", at: "latest")
            #expect(body["detected_platform"] == .null)
        }
    }

    @Test func autodetectFailedIsSSHErrorBefore27AndOnV1() async throws {
        let harness = try APITestHarness()
        let id = try await autodetectJob(harness, .deviceFailed(DeviceFailure(.autodetectFailed, "no platform matched")))
        try await harness.run { client in
            let at27 = try await read(client, "/v2/send-command/\(id)", at: "2.7")
            #expect(at27["error_code"] == "AUTODETECT_FAILED")
            #expect(at27["error_retryable"] == false)
            #expect(at27["detected_platform"] == .null)
            let at26 = try await read(client, "/v2/send-command/\(id)", at: "2.6")
            #expect(at26["error_code"] == "SSH_ERROR")
            #expect(at26["error_retryable"] == false)
            let at20 = try await read(client, "/v2/send-command/\(id)", at: "2.0")
            #expect(at20["error_code"] == nil)
            #expect(at20["error"] == "no platform matched")
            let v1 = try await read(client, "/v1/send_command/\(id)", at: nil)
            #expect(v1["error_code"] == "SSH_ERROR")
        }
    }

    @Test func v1KeepsItsErrorCodesForEveryNewerCode() {
        let v1Codes: Set<DeviceErrorCode> = [.authFailure, .connectionTimeout, .connectionRefused, .readTimeout, .configRejected, .sshError]
        for code in DeviceErrorCode.allCases { #expect(v1Codes.contains(JobView.v1ErrorCode(code)), "\(code)") }
    }
}
