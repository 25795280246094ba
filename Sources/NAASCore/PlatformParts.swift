/// The parts a `Platform` entry is made of.
extension Platform {
    /// How the platform's prompts look.
    public struct PromptStyle: Sendable, Equatable {
        /// A regular expression that matches a whole prompt line, at any privilege or config level.
        public let pattern: String
        /// A regular expression whose first capture group is the part of the prompt that stays the
        /// same across levels (`sw1` of `sw1>`, `sw1#`, `sw1(config-if)#`). A later line is a prompt
        /// only if it contains that part, as in Netmiko, so output that merely ends in `#` is not.
        public let base: String
        /// The terminator of the unprivileged prompt, where the platform has such a level.
        public let userModeTerminator: Character?

        public init(pattern: String, base: String = Self.ciscoBase, userModeTerminator: Character? = nil) {
            self.pattern = pattern
            self.base = base
            self.userModeTerminator = userModeTerminator
        }

        /// `sw1>`, `sw1#`, `sw1(config-if)#`: the shape most CLIs copied from IOS.
        public static let ciscoLike = PromptStyle(
            pattern: #"^[\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,32}\))?[>#]\s?$"#, userModeTerminator: ">")

        /// Everything before the mode in parentheses and the terminator: `sw1` of `sw1(config)#`.
        public static let ciscoBase = #"^\s*([^(\s]+?)\s*(?:\([^)]*\))?\s*[>#$%\]]\s*$"#
    }

    /// How a session logs in and reaches its first prompt.
    public struct LoginStyle: Sendable, Equatable {
        /// Added to the username the SSH layer sends (RouterOS's terminal options).
        public let usernameSuffix: String
        /// Whether SSH authenticates with `none` and the device then asks in-band, as PowerConnect does.
        public let inBandOnly: Bool
        /// Questions the device may ask before its first prompt (banners, licence, password changes).
        public let questions: [Reply]
        /// A step from a shell to the CLI: when the first prompt matches `pattern`, send `command`.
        public let shellToCLI: ShellToCLI?

        public init(usernameSuffix: String = "", inBandOnly: Bool = false, questions: [Reply] = [], shellToCLI: ShellToCLI? = nil) {
            self.usernameSuffix = usernameSuffix
            self.inBandOnly = inBandOnly
            self.questions = questions
            self.shellToCLI = shellToCLI
        }

        public static let standard = LoginStyle()
    }

    public struct ShellToCLI: Sendable, Equatable {
        public let pattern: String
        public let command: String

        public init(pattern: String, command: String) {
            self.pattern = pattern
            self.command = command
        }
    }

    /// A step up to a higher privilege level.
    public struct Escalation: Sendable, Equatable {
        public let command: String
        /// A regular expression for the device's password question.
        public let passwordPrompt: String
        /// A regular expression for a username question some devices ask first (RADIUS/TACACS enable).
        public let usernamePrompt: String?

        public init(command: String, passwordPrompt: String = #"(?i)ssword:?\s*$"#, usernamePrompt: String? = nil) {
            self.command = command
            self.passwordPrompt = passwordPrompt
            self.usernamePrompt = usernamePrompt
        }
    }

    /// Entering and leaving configuration mode.
    public struct ConfigMode: Sendable, Equatable {
        public let enter: String
        public let exit: String
        /// Questions leaving may ask (uncommitted changes), with their answers.
        public let exitQuestions: [Reply]

        public init(enter: String, exit: String, exitQuestions: [Reply] = []) {
            self.enter = enter
            self.exit = exit
            self.exitQuestions = exitQuestions
        }
    }

    /// Making a staged (candidate) configuration the running one.
    public struct Commit: Sendable, Equatable {
        public let command: String
        /// Whether commit is typed inside configuration mode (XR, Junos, VyOS, PAN-OS).
        public let insideConfigMode: Bool
        /// Text that must appear for the commit to count as done; its absence is a failure.
        public let successMarker: String?
        /// Regular expressions that mean the commit failed.
        public let failurePatterns: [String]
        public let questions: [Reply]

        public init(command: String = "commit", insideConfigMode: Bool = true, successMarker: String? = nil,
                    failurePatterns: [String] = [], questions: [Reply] = []) {
            self.command = command
            self.insideConfigMode = insideConfigMode
            self.successMarker = successMarker
            self.failurePatterns = failurePatterns
            self.questions = questions
        }
    }

    /// Saving the running configuration.
    public struct Save: Sendable, Equatable {
        public let command: String
        /// Confirmation questions and their answers.
        public let questions: [Reply]
        /// Whether the command is typed inside configuration mode (VyOS).
        public let insideConfigMode: Bool
        /// Text that must appear for the save to count as done.
        public let successMarker: String?

        public init(command: String, questions: [Reply] = [], insideConfigMode: Bool = false, successMarker: String? = nil) {
            self.command = command
            self.questions = questions
            self.insideConfigMode = insideConfigMode
            self.successMarker = successMarker
        }
    }

    /// A question the device may ask, recognised on the last line of output, and what to answer.
    public struct Reply: Sendable, Equatable {
        /// A regular expression matched against the last line the device printed.
        public let pattern: String
        public let answer: Answer

        public init(_ pattern: String, _ answer: Answer) {
            self.pattern = pattern
            self.answer = answer
        }
    }

    public enum Answer: Sendable, Equatable {
        /// Text followed by the platform's line ending.
        case line(String)
        /// Keys sent as they are, with no line ending (a pager's space, a single-key `y`).
        case keys(String)
        /// The login username, followed by the line ending.
        case username
        /// The login password, followed by the line ending.
        case password
    }

    /// A command autodetect sends and the patterns that identify the platform in its output.
    public struct Probe: Sendable, Equatable {
        public let command: String
        public let patterns: [String]
        /// Netmiko's score for a match: 99 ends the search at once.
        public let priority: Int

        public init(_ command: String, _ patterns: [String], priority: Int = 99) {
            self.command = command
            self.patterns = patterns
            self.priority = priority
        }
    }
}
