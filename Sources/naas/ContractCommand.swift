import ArgumentParser
import NAASAPI

/// `naas contract …`: tools for the API contract.
struct ContractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contract",
        abstract: "Inspect and check the API contract.",
        subcommands: [HistoryCommand.self]
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
}
