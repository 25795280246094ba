import ArgumentParser

/// What every mode needs: the device, its login, and how many rounds to time.
struct BenchOptions: ParsableArguments {
    @Option(help: "Device address.") var host = "127.0.0.1"
    @Option(help: "Device SSH port.") var port: Int
    @Option(help: "Login user.") var user: String
    @Option(help: "Login password.") var password: String
    @Option(help: "Rounds to time, one after the other.") var count = 20
    @Option(help: "The command each round runs.") var command = "show version"
    @Option(help: "Text the output must contain, so a fast wrong answer cannot pass as a fast right one; empty: any output.")
    var expect = "Cisco IOS Software"

    func validate() throws {
        guard count > 0 else { throw ValidationError("--count must be at least 1") }
    }

    /// Fails the run when a round's output lacks the expected text.
    func check(_ output: String, round: Int) throws {
        guard expect.isEmpty ? !output.isEmpty : output.contains(expect) else {
            throw BenchFailure("round \(round): output lacks \"\(expect)\": \(output.prefix(200).debugDescription)")
        }
    }
}
