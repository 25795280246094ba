/// How an OS takes, keeps and shows configuration.
public struct ConfigSpec: Sendable {
    /// Word patterns of config lines the device accepts.
    public var accepted: [String]
    /// Word that removes a line (`no`, `undo`, `delete`); nil if the OS has none.
    public var negation: String? = "no"
    /// Word the stored lines start with where a removal names them without it (`delete x` removes `set x`).
    public var storedPrefix: String? = nil
    /// Reply to a config line that is not accepted (`{line}`, `{word}`, `{caret}` filled in).
    public var invalidLine: String
    /// Lines applied at start so the running config looks like a real one.
    public var initial: [String] = []
    /// How the stored lines are printed.
    public var rendering: ConfigRendering
    /// Present on OSes where edits go to a candidate that only a commit applies.
    public var commit: CommitSpec? = nil
    /// The save flow; nil where the OS has no separate save.
    public var save: SaveSpec? = nil
    /// Text `{unsaved}` becomes while applied config is not saved (EXOS `* `).
    public var unsavedMarker: String = ""
    /// Lines starting with a key hold one value: a new line replaces the sibling that shares its first
    /// `n` words (FortiOS `["set": 2]`: `set output standard` replaces `set output more`).
    public var singleValued: [String: Int] = [:]

    /// Creates a config description.
    public init(accepted: [String], invalidLine: String, rendering: ConfigRendering) {
        self.accepted = accepted
        self.invalidLine = invalidLine
        self.rendering = rendering
    }
}

/// Printing styles of the stored configuration.
public enum ConfigRendering: Sendable {
    /// Cisco-like: top-level lines, children indented by `indent`, `separator` between blocks.
    case indented(header: String, footer: String, indent: String, separator: String?)
    /// Junos/VyOS-like braces built from `set a b c` lines; `terminator` ends a leaf (`;` on Junos).
    case braces(header: String, footer: String, terminator: String)
    /// Each line as typed, children indented (RouterOS export, FortiOS blocks).
    case flat(header: String, footer: String, indent: String)
    /// Like `flat`, and a block whose header starts with a key of `closers` ends with its closing line
    /// at the header's depth (FortiOS: `config` … `end`, `edit` … `next`).
    case closed(header: String, footer: String, indent: String, closers: [String: String])
}

/// The commit of a candidate configuration.
public struct CommitSpec: Sendable {
    /// Printed when the commit succeeds.
    public var success: String
    /// Printed instead when nothing changed; nil prints `success` anyway.
    public var noChanges: String? = nil
    /// Asked when leaving config mode with uncommitted changes.
    public var exitQuestion: Question? = nil
    /// Printed (and the exit refused) when leaving with uncommitted changes.
    public var exitRefusal: String? = nil
    /// Printed by a discard (`exit discard`, `rollback 0`).
    public var discardText: String = ""

    /// Creates a commit description.
    public init(success: String, noChanges: String? = nil, exitQuestion: Question? = nil, exitRefusal: String? = nil) {
        self.success = success
        self.noChanges = noChanges
        self.exitQuestion = exitQuestion
        self.exitRefusal = exitRefusal
    }
}

/// The save flow: questions asked in order, then the final text.
public struct SaveSpec: Sendable {
    /// Questions asked one after another.
    public var questions: [Question]
    /// Printed once saved.
    public var done: String
    /// Printed when a question is answered no.
    public var aborted: String

    /// Creates a save flow.
    public init(questions: [Question] = [], done: String, aborted: String = "") {
        self.questions = questions
        self.done = done
        self.aborted = aborted
    }
}

/// What an answer to a question leads to.
public enum QuestionOutcome: Sendable, Equatable {
    /// Go on with the action.
    case proceed
    /// Commit first, then go on.
    case commitAndProceed
    /// Throw away uncommitted changes, then go on.
    case discardAndProceed
    /// Stop the action and show the prompt again.
    case abort
}

/// A question the device asks and how it reads the answer.
public struct Question: Sendable {
    /// The question text, printed without a line end.
    public var text: String
    /// Answered by a single key, without RETURN (`(y/n)` questions on some switches).
    public var singleKey: Bool
    /// Lower-cased answers and their outcomes; `""` is RETURN alone.
    public var answers: [String: QuestionOutcome]
    /// Outcome for any other answer.
    public var otherwise: QuestionOutcome

    /// Creates a question.
    public init(_ text: String, singleKey: Bool = false, answers: [String: QuestionOutcome], otherwise: QuestionOutcome = .abort) {
        self.text = text
        self.singleKey = singleKey
        self.answers = answers
        self.otherwise = otherwise
    }

    /// A yes/no question where RETURN alone means `defaultYes`.
    public static func yesNo(_ text: String, defaultYes: Bool = true, singleKey: Bool = false) -> Question {
        Question(text, singleKey: singleKey,
                 answers: ["y": .proceed, "yes": .proceed, "": defaultYes ? .proceed : .abort],
                 otherwise: .abort)
    }

    func outcome(for answer: String) -> QuestionOutcome {
        answers[answer.lowercased().trimmingSpaces()] ?? otherwise
    }
}
