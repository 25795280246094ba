import Foundation
import NAASParsing
import Testing
import TextFSM

/// ntc-templates' own conformance corpus, run through the library exactly as
/// their test runs it through `parse_output`: the index picks the template
/// from the platform and the command, and the records must equal the
/// expected ones in number, keys and values, in order.
///
/// The corpus is converted to JSON by `scripts/ntc-corpus.py` (`make corpus`);
/// the test runs when `NAAS_NTC_CORPUS_JSON` names that file, as `make test` does.
@Suite struct CorpusConformanceTests {
    static let corpusFile = ProcessInfo.processInfo.environment["NAAS_NTC_CORPUS_JSON"].flatMap { $0.isEmpty ? nil : $0 }

    /// Cases known to fail, by corpus path, with why. A listed case that
    /// passes fails the test too, so the list only ever says what is true.
    static let knownFailures: [String: String] = [:]

    @Test(.enabled(if: corpusFile != nil, "NAAS_NTC_CORPUS_JSON is not set: run `make corpus` and set it to .build/ntc-corpus.json"))
    func everyCaseParsesAsPythonParsesIt() async throws {
        let cases = try JSONDecoder().decode([CorpusCase].self, from: Data(contentsOf: URL(fileURLWithPath: Self.corpusFile!)))
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let directory = try #require(
            TemplateLibrary.locate(configured: nil, environment: ProcessInfo.processInfo.environment, searchRoot: repository),
            "ntc-templates not found: run scripts/setup.sh or set NAAS_TEMPLATES_DIR")
        let library = try TemplateLibrary(directory: directory)

        let failures = await Self.failures(of: cases, library: library)
        let passed = cases.count - failures.count
        print("\(passed)/\(cases.count) corpus cases pass (templates: \(directory.path))")

        for (name, reason) in failures.sorted(by: { $0.key < $1.key }) where Self.knownFailures[name] == nil {
            Issue.record("\(name): \(reason)")
        }
        let names = Set(cases.map(\.case))
        for (name, reason) in Self.knownFailures.sorted(by: { $0.key < $1.key }) {
            if !names.contains(name) {
                Issue.record("\(name) is listed as a known failure (\(reason)) but is not in the corpus")
            } else if failures[name] == nil {
                Issue.record("\(name) is listed as a known failure (\(reason)) but passes: take it off the list")
            }
        }
    }

    /// Why each failing case fails, by case path. Cases run in parallel:
    /// the library is shared, as it is in the service.
    static func failures(of cases: [CorpusCase], library: TemplateLibrary) async -> [String: String] {
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        return await withTaskGroup(of: [String: String].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var found: [String: String] = [:]
                    for index in stride(from: worker, to: cases.count, by: workers) {
                        let corpusCase = cases[index]
                        let parse = library.parse(corpusCase.raw, platform: corpusCase.platform, command: corpusCase.command)
                        if let reason = difference(parse, expected: corpusCase.expected) { found[corpusCase.case] = reason }
                    }
                    return found
                }
            }
            return await group.reduce(into: [:]) { $0.merge($1) { first, _ in first } }
        }
    }

    /// What ntc's test asserts, in its order: the number of records, each
    /// record's key set, then each expected key's value. Nil when all agree.
    static func difference(_ parse: CommandParse, expected: [[String: ExpectedCell]]) -> String? {
        let records: [[Field]]
        switch parse {
        case .records(let parsed): records = parsed
        case .noTemplate: return "no index row matched the platform and command"
        case .failed(let message): return "parse failed: \(message)"
        }
        guard records.count == expected.count else { return "\(records.count) records, expected \(expected.count)" }
        for (index, (record, wanted)) in zip(records, expected).enumerated() {
            let keys = Set(record.map(\.name))
            guard keys == Set(wanted.keys) else {
                let extra = keys.subtracting(wanted.keys).sorted(), missing = Set(wanted.keys).subtracting(keys).sorted()
                return "record \(index): keys differ (extra \(extra), missing \(missing))"
            }
            // Python builds a dict, where a repeated key keeps its last value.
            let values = Dictionary(record.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
            for key in wanted.keys.sorted() {
                let got = ExpectedCell(values[key]!)
                guard got == wanted[key] else {
                    return "record \(index), key \(key): got \(got.map(String.init(describing:)) ?? "\(values[key]!)"), expected \(wanted[key]!)"
                }
            }
        }
        return nil
    }
}

struct CorpusCase: Decodable, Sendable {
    let `case`: String
    let platform: String
    let command: String
    let raw: String
    let expected: [[String: ExpectedCell]]
}

/// A value of the corpus: a string, or a list of strings for a `List` Value.
enum ExpectedCell: Decodable, Sendable, Equatable, CustomStringConvertible {
    case string(String)
    case list([String])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .list(try container.decode([String].self))
        }
    }

    /// The parsed value in the corpus's terms; nil when it has no such form
    /// (a `None`, or a nested-group object), which can never equal an expectation.
    init?(_ value: FieldValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .list(let items):
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { return nil }
                strings.append(text)
            }
            self = .list(strings)
        case .null, .group: return nil
        }
    }

    var description: String {
        switch self {
        case .string(let text): text.debugDescription
        case .list(let items): items.debugDescription
        }
    }
}
