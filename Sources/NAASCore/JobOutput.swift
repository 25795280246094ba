/// What a device returned for a job that ran to the end.
public enum JobOutput: Sendable, Equatable {
    /// Output per command, in the order the commands ran, and the platform
    /// autodetect found when the job asked for it.
    case commands([CommandOutput], detectedPlatform: String? = nil)
    /// A structured job's output per command, each with what parsing made of it.
    case structured([StructuredCommandOutput], detectedPlatform: String? = nil)
    /// The whole configuration session transcript.
    case config(String)
}

/// One command and what the device printed for it, echo and prompt removed.
public struct CommandOutput: Sendable, Equatable, Codable {
    public let command: String
    public let output: String

    public init(command: String, output: String) {
        self.command = command
        self.output = output
    }
}
