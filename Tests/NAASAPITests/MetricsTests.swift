import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import NAASAPI
import NAASCore

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

    @Test func aV1PathAndItsUnversionedAliasAreOneSeries() {
        let metrics = RequestMetrics()
        metrics.record(operation: .submitCommand, surface: .v1, microversion: nil)
        metrics.record(operation: .submitCommand, surface: .legacy, microversion: nil)
        let lines = metrics.exposition().split(separator: "\n").filter { $0.hasPrefix(RequestMetrics.requestsCounter + "{") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasSuffix(" 2") == true)
    }

    private struct FixedSource: MetricsSource {
        let samples: [MetricSample]
        func metricSamples() -> [MetricSample] { samples }
    }

    @Test func sourcesAreShownInTheTextFormatWithOneHeaderPerFamily() {
        let help = "Counts \\ things\nby reason."
        let metrics = RequestMetrics(sources: [FixedSource(samples: [
            MetricSample("naas_things_total", .counter, 3, labels: [.init("reason", "a \"b\" \\c\n")], help: help),
            MetricSample("naas_things_total", .counter, 4, labels: [.init("reason", "d"), .init("kind", "e")], help: help),
            MetricSample("naas_level", .gauge, 0, help: "A level."),
        ])])
        #expect(metrics.exposition() == """
            # HELP naas_things_total Counts \\\\ things\\nby reason.
            # TYPE naas_things_total counter
            naas_things_total{reason="a \\"b\\" \\\\c\\n"} 3
            naas_things_total{reason="d",kind="e"} 4
            # HELP naas_level A level.
            # TYPE naas_level gauge
            naas_level 0

            """)
    }
}
