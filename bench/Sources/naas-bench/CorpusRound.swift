import Foundation
import NAASParsing
import TextFSM

/// One round over the corpus: index read, cold pass, warm pass, each case timed.
struct CorpusRound {
    let indexRead: Duration
    let coldPass: Duration
    let warmPass: Duration
    /// Per case, in the cold pass, for the cases that compiled a template first.
    let firstUse: [Duration]
    /// The same cases in the warm pass.
    let firstUseWarm: [Duration]
    /// Every case in the warm pass.
    let warm: [Duration]
    /// `path: reason` of each case that did not give records (same in both passes).
    let failures: [String]
    let templatesCompiled: Int

    static func run(_ cases: [CorpusCase], directory: URL) throws -> CorpusRound {
        let clock = ContinuousClock()
        let start = clock.now
        let library = try TemplateLibrary(directory: directory)
        let indexRead = clock.now - start

        var seen: Set<String> = []
        var compiling: [Bool] = []
        var cold: [Duration] = []
        var failures: [String] = []
        for corpusCase in cases {
            // Which template the index picks is looked up outside the timing only
            // to tell first uses apart; the timed call does its own lookup.
            let names = library.index.row(platform: corpusCase.platform, command: corpusCase.command)?.templates ?? []
            compiling.append(names.contains { seen.insert($0).inserted })
            let before = clock.now
            let parse = library.parse(corpusCase.raw, platform: corpusCase.platform, command: corpusCase.command)
            cold.append(clock.now - before)
            if let reason = Self.failure(parse) { failures.append("\(corpusCase.path): \(reason)") }
        }
        // The sum of the timed parses: the first-use lookups between them are this benchmark's bookkeeping.
        let coldPass = cold.reduce(.zero, +)

        var warm: [Duration] = []
        let warmStart = clock.now
        for corpusCase in cases {
            let before = clock.now
            _ = library.parse(corpusCase.raw, platform: corpusCase.platform, command: corpusCase.command)
            warm.append(clock.now - before)
        }
        let warmPass = clock.now - warmStart
        return CorpusRound(
            indexRead: indexRead, coldPass: coldPass, warmPass: warmPass,
            firstUse: zip(cold, compiling).filter(\.1).map(\.0),
            firstUseWarm: zip(warm, compiling).filter(\.1).map(\.0),
            warm: warm, failures: failures, templatesCompiled: seen.count)
    }

    static func failure(_ parse: CommandParse) -> String? {
        switch parse {
        case .records: nil
        case .noTemplate: "no template"
        case .failed(let reason): reason
        }
    }
}
