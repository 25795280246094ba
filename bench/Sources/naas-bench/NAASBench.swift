import ArgumentParser

/// `naas-bench`: the device-side latency floors that `bench/run.sh` compares
/// NAAS's end-to-end latency against.
@main
struct NAASBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "naas-bench",
        abstract: "Time one-command device rounds below the HTTP API.",
        subcommands: [FloorCommand.self, DeviceCommand.self]
    )
}
