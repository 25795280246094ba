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

    /// ArgumentParser's own entry point, plus the last log lines written out before the process exits.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            LogLineWriter.flushAll()
        } catch {
            LogLineWriter.flushAll()
            exit(withError: error)
        }
    }
}
