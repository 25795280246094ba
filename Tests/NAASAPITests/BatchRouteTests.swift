import Foundation
import HTTPTypes
import HummingbirdTesting
import NAASCore
import NAASStore
import Testing
@testable import NAASAPI

/// A batch's aggregate status follows its jobs; errors land where the client can fix them.
@Suite struct BatchRouteTests {
    private static var headers: HTTPFields {
        var headers = APITestHarness.basic
        headers[.contentType] = "application/json"
        headers[.testAPIVersion] = "latest"
        return headers
    }

    private static func submit(_ client: any TestClientProtocol, _ body: String) async throws -> (Int, JSONValue) {
        try await client.execute(uri: "/v2/send-command/batch", method: .post, headers: headers, body: .init(string: body)) {
            ($0.status.code, try APITestHarness.json($0))
        }
    }

    private static func batch(_ client: any TestClientProtocol, _ id: String) async throws -> JSONValue {
        try await client.execute(uri: "/v2/batches/\(id)", method: .get, headers: headers) { response in
            #expect(response.status.code == 200)
            return try APITestHarness.json(response)
        }
    }

    @Test func theStatusIsPendingUntilEveryJobEndsThenSaysHowTheyEnded() async throws {
        let harness = try APITestHarness()
        try await harness.run { client in
            let body = #"{"commands": ["show version"], "devices": [{"host": "192.0.2.1"}, {"host": "192.0.2.2"}, {"host": "192.0.2.3"}]}"#
            let (status, accepted) = try await Self.submit(client, body)
            #expect(status == 202)
            guard case .string(let batchID)? = accepted["batch_id"] else {
                Issue.record("no batch_id: \(accepted)")
                return
            }
            let outcomes: [JobOutcome] = [
                .succeeded(.commands([])), .deviceFailed(DeviceFailure(.authFailure, "Authentication failed")), .crashed("lost"),
            ]
            for (index, outcome) in outcomes.enumerated() {
                #expect(try await Self.batch(client, batchID)["status"] == "pending", "before job \(index) ended")
                let claimed = try #require(try await harness.store.claimNext())
                try await harness.store.finish(claimed.id, outcome: outcome)
            }
            let ended = try await Self.batch(client, batchID)
            #expect(ended["status"] == "partial_failure")
            #expect(ended["counts"] == ["total": 3, "queued": 0, "started": 0, "succeeded": 1, "failed": 2])
            guard case .array(let jobs)? = ended["jobs"] else {
                Issue.record("no jobs")
                return
            }
            #expect(jobs.map { $0["error_code"] } == [.null, "AUTH_FAILURE", .null])
            #expect(jobs.map { $0["status"] } == ["finished", "finished", "failed"])
        }
    }

    @Test func aSharedErrorIsReportedOnceAndADevicesOwnAtItsEntry() async throws {
        try await APITestHarness().run { client in
            let body = #"{"commands": [], "devices": [{"host": "192.0.2.1"}, {"host": "192.0.2.2", "port": 0}, {"host": "192.0.2.3"}]}"#
            let (status, refused) = try await Self.submit(client, body)
            #expect(status == 422)
            guard case .array(let errors)? = refused["errors"] else {
                Issue.record("no errors: \(refused)")
                return
            }
            #expect(Set(errors.compactMap { $0["loc"] }) == [["commands"], ["devices", 1, "port"]])
            #expect(errors.count == 2)
        }
    }
}
