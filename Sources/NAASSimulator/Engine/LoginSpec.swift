/// What a device prints around login.
public struct LoginSpec: Sendable {
    /// Asked for the login name where the login is in-band (Telnet, PowerConnect over SSH).
    public var usernamePrompt: String = "Username: "
    /// Asked for the password in-band.
    public var passwordPrompt: String = "Password: "
    /// Printed after a failed in-band login.
    public var failure: String = "% Authentication failed"
    /// Printed before the in-band login name prompt.
    public var preLoginBanner: String = ""
    /// Printed after login, before the first prompt.
    public var banner: String = ""
    /// Asked after the banner, before the first prompt.
    public var question: Question? = nil
    /// The SSH login is followed by an in-band login (PowerConnect).
    public var inBandAfterSSH: Bool = false
    /// Asked by a log-out while applied config is unsaved (ProCurve's save question); any answer but abort goes on.
    public var unsavedLogoutQuestion: Question? = nil
    /// Asked before a log-out closes the session; abort keeps the session.
    public var logoutQuestion: Question? = nil
    /// Printed when the session ends by `exit`/`logout`.
    public var goodbye: String = ""

    /// Creates the defaults.
    public init() {}
}

/// The `--More--` pager.
public struct PagerSpec: Sendable {
    /// Text shown at the bottom of each page.
    public var prompt: String = " --More-- "
    /// Text that wipes the pager prompt before the next lines.
    public var erase: String = "\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}          \u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}\u{8}"
    /// Lines per page, the pager prompt included.
    public var pageLines: Int = 24
    /// Paging is on until the paging-off command runs.
    public var enabledAtLogin: Bool = true
    /// Paging is also off while a running-config line contains this text, for every session of the
    /// device (FortiOS `set output standard` under `config system console`).
    public var offWhileConfigured: String? = nil

    /// Creates the defaults.
    public init() {}

    /// A pager with another prompt and eraser.
    public init(prompt: String, erase: String, pageLines: Int = 24) {
        self.prompt = prompt
        self.erase = erase
        self.pageLines = pageLines
    }

    /// No pager at all (Linux, MikroTik's export with the terminal height set).
    public static let none: PagerSpec = {
        var pager = PagerSpec()
        pager.enabledAtLogin = false
        return pager
    }()
}
