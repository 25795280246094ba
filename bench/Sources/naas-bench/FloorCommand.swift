import ArgumentParser

/// `naas-bench floor`: the least work libssh can do for one command, so the
/// other rows of the latency table can be read as overhead on top of it.
struct FloorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "floor",
        abstract: "Time connect, login, shell and one command with raw libssh calls."
    )

    @OptionGroup var options: BenchOptions

    func run() throws {
        let round = RawShellRound(host: options.host, port: options.port, user: options.user, password: options.password)
        let samples = try timeRounds(options.count) { index in
            try options.check(try round.run(options.command), round: index)
        }
        try LatencySummary(tool: "libssh_floor", samples: samples).printLine()
    }
}
