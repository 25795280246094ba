import ArgumentParser
import NAASCore

@main
struct NAASCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naas",
        abstract: "Runs CLI commands and configuration on network devices as queued jobs behind an HTTPS API.",
        version: ServiceInfo.version,
        subcommands: [ServeCommand.self, WorkerCommand.self, KeysCommand.self, ContractCommand.self, ParseCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
