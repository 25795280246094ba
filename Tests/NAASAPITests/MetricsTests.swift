import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import NAASAPI

@Suite struct MetricsTests {
    private func count(_ text: String, _ labels: String) -> Int {
        for line in text.split(separator: "\n") where line.hasPrefix(RequestMetrics.requestsCounter) && line.contains(labels) {
            return Int(line.split(separator: " ").last ?? "") ?? -1
        }
        return 0
    }

    @Test func requestsAreCountedByMajorMicroversionOperationAndDeprecation() async throws {
        let harness = try APITestHarness()
        try await harness.run { client in
            for _ in 0..<3 {
                try await client.execute(uri: "/v1/healthcheck", method: .get) { _ in }
            }
            try await client.execute(uri: "/v2/healthcheck", method: .get, headers: [.testAPIVersion: "2.1"]) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                let text = String(buffer: response.body)
                #expect(count(text, #"major="v1""#) == 3 || count(text, #"deprecated="true""#) == 3)
                #expect(count(text, #"microversion="2.1""#) == 1)
                #expect(text.contains(#"operation="healthcheck""#))
            }
        }
        let text = harness.metrics.exposition()
        let v1Lines = text.split(separator: "\n").filter { $0.contains(#"deprecated="true""#) && $0.contains(#"major="v1""#) }
        #expect(v1Lines.count == 1)
        #expect(v1Lines.first?.hasSuffix(" 3") == true)
    }
}
