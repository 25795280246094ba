import ArgumentParser

/// `naas-bench`: the device-side latency floors that `bench/run.sh` compares
/// NAAS's end-to-end latency against, and the TextFSM engine's corpus run it
/// sets beside Python's.
@main
struct NAASBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naas-bench",
        abstract: "Time one-command device rounds below the HTTP API, and the TextFSM engine over a corpus.",
        subcommands: [FloorCommand.self, DeviceCommand.self, TextFSMCommand.self]
    )
}
