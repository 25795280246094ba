import ArgumentParser
import Foundation
import NAASAPI
import NAASContract

/// `naas contract …`: tools for the API contract.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Inspect and check the API contract.",
        subcommands: [HistoryCommand.self, DiffCommand.self, CheckCommand.self]
    )

    struct HistoryCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "Print the version history (docs/api-history.md) generated from the contract's version changes."
        )

        func run() {
            print(VersionHistory.markdown(), terminator: "")
        }
    }

    struct DiffCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Classify every change between two OpenAPI documents as breaking, additive or neutral."
        )

        @Argument(help: "The older document (YAML or JSON).") var old: String
        @Argument(help: "The newer document (YAML or JSON).") var new: String
        @Flag(help: "Exit with status 1 when a change is breaking.") var failOnBreaking = false

        func run() throws {
            let changes = try ContractDiff.compare(
                old: try Data(contentsOf: URL(fileURLWithPath: old)), new: try Data(contentsOf: URL(fileURLWithPath: new)))
            let report = ContractReport(changes: changes)
            print(report.text)
            if failOnBreaking, report.hasBreakingChanges { throw ExitCode(1) }
        }
    }

    struct CheckCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "The breaking-change gate: compare openapi/ with openapi/baseline/ and the recorded history."
        )

        @Option(help: "The repository root.") var root = "."

        func run() throws {
            let base = URL(fileURLWithPath: root)
            func data(_ path: String) throws -> Data { try Data(contentsOf: base.appendingPathComponent(path)) }
            func text(_ path: String) throws -> String { try String(contentsOf: base.appendingPathComponent(path), encoding: .utf8) }
            let verdict = try ContractGate().evaluate(ContractGate.Inputs(
                baselineV1: try data("openapi/baseline/v1.yaml"), currentV1: try data("openapi/v1.yaml"),
                baselineV2: try data("openapi/baseline/v2.yaml"), currentV2: try data("openapi/v2.yaml"),
                history: try text("docs/api-history.md"), changelog: try text("CHANGELOG.md")))
            print(verdict.text)
            let documented = try ContractDiff.microversions(in: try data("openapi/v2.yaml"))?.max.description
            if documented != APIContract.v2Maximum.description {
                print("FAIL: openapi/v2.yaml says the maximum microversion is \(documented ?? "missing"), the code says \(APIContract.v2Maximum)")
                throw ExitCode(1)
            }
            if !verdict.passed { throw ExitCode(1) }
        }
    }
}
