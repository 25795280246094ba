/// What a job does on the device.
public enum JobKind: String, Sendable, Codable {
    /// Runs commands at the exec prompt and returns each command's output.
    case command
    /// Enters configuration mode, applies lines, leaves, optionally saves or commits.
    case config
}
