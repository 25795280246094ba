import Foundation

/// Latency of a series of rounds, printed as one JSON line so `bench/run.sh`
/// reads every tool's figures with the same parser.
///
/// Percentiles are nearest-rank (the value at rank ceil(p * n)), as in the
/// Python clients, so the four rows of the latency table agree on method.
struct LatencySummary: Encodable {
    let tool: String
    let count: Int
    let minMs: Double
    let p50Ms: Double
    let p95Ms: Double
    let maxMs: Double

    enum CodingKeys: String, CodingKey {
        case tool, count
        case minMs = "min_ms", p50Ms = "p50_ms", p95Ms = "p95_ms", maxMs = "max_ms"
    }

    init(tool: String, samples: [Duration]) {
        let sorted = samples.map(Self.milliseconds).sorted()
        func rank(_ p: Double) -> Double {
            sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        self.tool = tool
        count = sorted.count
        minMs = sorted.first ?? 0
        p50Ms = rank(0.50)
        p95Ms = rank(0.95)
        maxMs = sorted.last ?? 0
    }

    /// Milliseconds to the microsecond: finer digits are noise at this scale.
    private static func milliseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        let micros = Double(seconds) * 1_000_000 + Double(attoseconds / 1_000_000_000_000)
        return micros / 1000
    }

    func printLine() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(self), as: UTF8.self))
    }
}
