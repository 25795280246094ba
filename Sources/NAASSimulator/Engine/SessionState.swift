/// Where the engine is in a conversation; decides what the next bytes mean.
enum InputState {
    /// Waiting for the in-band login name.
    case username(failures: Int)
    /// Waiting for the in-band password of `user`.
    case password(user: String, failures: Int)
    /// Waiting for the login name asked before the secret that lets the user into `mode`.
    case secretUsername(mode: String, text: String)
    /// Waiting for the secret that lets the user into `mode`.
    case secret(mode: String, text: String)
    /// Waiting for a command line.
    case line
    /// Waiting for the answer to a question; `then` continues afterwards.
    case question(Question, then: PendingAction)
    /// Showing a long output page by page.
    case pager(remaining: ArraySlice<String>)
    /// Answers nothing, ever.
    case hung
    /// The session is over.
    case closed
}

/// What a question was asked for.
enum PendingAction {
    /// The question after login.
    case login
    /// Step `step` of the save flow.
    case save(step: Int)
    /// Leaving config mode with uncommitted changes.
    case leaveConfig(discard: Bool)
    /// Step `step` of the log-out questions; `text` is printed when the session closes.
    case logout(step: Int, text: String)
}

/// One level of the mode stack: the mode, its prompt context and the config block it edits.
struct ModeFrame {
    var mode: String
    var context: String = ""
    var path: [Int] = []
}
