import Foundation

/// What `naas-bench textfsm` prints: one JSON line, medians over the rounds.
struct CorpusReport: Encodable {
    let tool = "naas_textfsm"
    var skipped: String?
    var cases = 0
    var rounds = 0
    var templates = ""
    var failed = 0
    /// The first failures, `path: reason`; `failed` counts them all.
    var failures: [String] = []
    var templatesCompiled = 0
    var indexReadMs = 0.0
    var coldPassS = 0.0
    var warmPassS = 0.0
    var coldCasesPerS = 0.0
    var warmCasesPerS = 0.0
    /// A case whose template is compiled by it (compile + parse), median over those cases.
    var firstUseP50Ms = 0.0
    /// The same cases once their templates are compiled.
    var firstUseWarmP50Ms = 0.0
    var warmP50Ms = 0.0
    var warmP99Ms = 0.0
    /// The warm pass's slowest cases, `path: ms`: where the engine's time goes.
    var slowest: [String] = []

    enum CodingKeys: String, CodingKey {
        case tool, skipped, cases, rounds, templates, failed, failures
        case templatesCompiled = "templates_compiled", indexReadMs = "index_read_ms"
        case coldPassS = "cold_pass_s", warmPassS = "warm_pass_s"
        case coldCasesPerS = "cold_cases_per_s", warmCasesPerS = "warm_cases_per_s"
        case firstUseP50Ms = "first_use_p50_ms", firstUseWarmP50Ms = "first_use_warm_p50_ms"
        case warmP50Ms = "warm_p50_ms", warmP99Ms = "warm_p99_ms", slowest
    }

    static func skipped(_ reason: String) -> CorpusReport {
        var report = CorpusReport()
        report.skipped = reason
        return report
    }

    init() {}

    init(cases: [CorpusCase], rounds runs: [CorpusRound], templates: String) {
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        let last = runs[runs.count - 1]
        self.cases = cases.count
        rounds = runs.count
        self.templates = templates
        failed = last.failures.count
        failures = Array(last.failures.prefix(10))
        templatesCompiled = last.templatesCompiled
        indexReadMs = median(runs.map { Self.ms($0.indexRead) })
        coldPassS = median(runs.map { Self.ms($0.coldPass) / 1000 })
        warmPassS = median(runs.map { Self.ms($0.warmPass) / 1000 })
        coldCasesPerS = Double(cases.count) / coldPassS
        warmCasesPerS = Double(cases.count) / warmPassS
        firstUseP50Ms = median(runs.map { Self.percentile($0.firstUse, 0.5) })
        firstUseWarmP50Ms = median(runs.map { Self.percentile($0.firstUseWarm, 0.5) })
        warmP50Ms = median(runs.map { Self.percentile($0.warm, 0.5) })
        warmP99Ms = median(runs.map { Self.percentile($0.warm, 0.99) })
        slowest = zip(cases, last.warm).sorted { $0.1 > $1.1 }.prefix(5).map {
            "\($0.0.path): \((Self.ms($0.1) * 10).rounded() / 10) ms"
        }
    }

    /// Nearest rank, as the other benchmark tools compute it.
    private static func percentile(_ samples: [Duration], _ p: Double) -> Double {
        let sorted = samples.map(ms).sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[max(0, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
    }

    private static func ms(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    func printLine() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(self), as: UTF8.self))
    }
}
