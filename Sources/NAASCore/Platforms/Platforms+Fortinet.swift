/// Fortinet FortiOS.
extension Platform {
    /// Configuration is typed at the ordinary prompt in `config … / edit … / set … / next / end`
    /// blocks, and `end` saves it. Paging is answered rather than turned off, because turning it
    /// off on FortiOS changes the device's own configuration (`config system console`).
    public static let fortinet = Platform(
        name: "fortinet",
        prompt: PromptStyle(
            pattern: #"^[\w\-.]+ (?:\([\w\-. ]+\) )?[$#]\s?$"#,
            base: #"^\s*([\w\-.]+)"#),
        login: LoginStyle(questions: [Reply(#"(?i)to accept"#, .line("a"))]),
        pagers: [.morePager],
        failurePatterns: [#"Command fail\. Return code"#, #"command parse error before"#, #"Unknown action"#],
        autodetect: [Probe("get system status", [#"FortiOS"#, #"FortiGate"#])]
    )
}
