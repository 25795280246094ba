import ArgumentParser
import Foundation
import NAASParsing
import TextFSM

/// `naas-bench textfsm`: ntc-templates' conformance corpus through the Swift
/// engine and the templates index, as a structured job parses its outputs,
/// for `bench/run.sh` to set beside Python's `parse_output` on the same cases.
///
/// Each round builds a fresh `TemplateLibrary` (reading the index) and runs
/// every case twice, one case after the other on one thread: a cold pass, in
/// which each template is compiled the first time a case needs it, then a
/// warm pass, in which every template is already compiled, as in a service
/// that has been running a while. Cases that fail to parse are counted and
/// named, never dropped.
struct TextFSMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textfsm",
        abstract: "Time the TextFSM engine over ntc-templates' conformance corpus (cold and warm passes)."
    )

    @Option(help: "The corpus folder (<platform>/<command>/<name>.raw); default NTC_TEMPLATES_TESTS or /work/shared/ntc-templates-tests.")
    var corpus: String?
    @Option(help: "ntc-templates' templates folder (default as naas: NAAS_TEMPLATES_DIR, NTC_TEMPLATES_DIR, ./.venv).")
    var templatesDir: String?
    @Option(help: "Rounds, each a fresh library with a cold and a warm pass; the report takes the median.")
    var rounds = 3
    @Option(help: "Only the first N cases (a smoke run).")
    var limit: Int?

    func validate() throws {
        guard rounds > 0 else { throw ValidationError("--rounds must be at least 1") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let root = corpus ?? environment["NTC_TEMPLATES_TESTS"].flatMap { $0.isEmpty ? nil : $0 } ?? "/work/shared/ntc-templates-tests"
        guard FileManager.default.fileExists(atPath: root) else {
            try CorpusReport.skipped("the conformance corpus is not at \(root) (set NTC_TEMPLATES_TESTS)").printLine()
            return
        }
        guard let directory = TemplateLibrary.locate(
            configured: templatesDir, environment: environment,
            searchRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        else { throw BenchFailure("no ntc-templates folder: give --templates-dir or set NAAS_TEMPLATES_DIR") }
        let cases = try CorpusCase.load(from: URL(fileURLWithPath: root), limit: limit)
        guard !cases.isEmpty else { throw BenchFailure("no .raw cases under \(root)") }

        var runs: [CorpusRound] = []
        for _ in 0..<rounds {
            runs.append(try CorpusRound.run(cases, directory: directory))
        }
        try CorpusReport(cases: cases, rounds: runs, templates: directory.path).printLine()
    }
}
