/// Everything a worker needs to run a job, except the credentials,
/// which are stored sealed and apart from it.
public struct JobSpec: Sendable, Codable, Equatable {
    public var kind: JobKind
    public var target: DeviceTarget
    /// Exec commands (`command` jobs) or configuration lines (`config` jobs).
    public var lines: [String]
    /// Seconds to wait for the device's prompt after each line.
    public var readTimeout: Double
    /// Seconds to wait for TCP connect plus the SSH handshake.
    public var connectTimeout: Double
    /// A pattern that ends a command's output instead of the prompt.
    public var expectString: String?
    public var saveConfig: Bool
    public var commit: Bool
    /// A structured job's own TextFSM template, used for every command instead
    /// of the ntc-templates index. Optional in the stored form, so specs stored
    /// before it existed still decode.
    public var textfsmTemplate: String?
    /// Whether the job may run on an idle session left by an earlier job with
    /// the same device and login, and leave its own for the next; nil is the
    /// default (yes, where the platform allows it).
    public var reuseSession: Bool?

    public init(
        kind: JobKind, target: DeviceTarget, lines: [String],
        readTimeout: Double = 30, connectTimeout: Double = 10,
        expectString: String? = nil, saveConfig: Bool = false, commit: Bool = false,
        textfsmTemplate: String? = nil, reuseSession: Bool? = nil
    ) {
        self.kind = kind
        self.target = target
        self.lines = lines
        self.readTimeout = readTimeout
        self.connectTimeout = connectTimeout
        self.expectString = expectString
        self.saveConfig = saveConfig
        self.commit = commit
        self.textfsmTemplate = textfsmTemplate
        self.reuseSession = reuseSession
    }
}
