/// MikroTik RouterOS.
extension Platform {
    /// Changes apply as they are typed: there is no configuration mode, commit or save.
    public static let mikroTikRouterOS = Platform(
        name: "mikrotik_routeros",
        prompt: PromptStyle(
            pattern: #"^\[[\w.\-+@ ]{1,64}@[\w.\-\s]{1,64}\].{0,32}>\s?$"#,
            base: #"^\s*(\[[^\]]+\])"#),
        login: LoginStyle(
            // No colours, no terminal detection, 511 columns, 4098 rows: RouterOS's own paging stays away.
            usernameSuffix: "+ct511w4098h",
            questions: [
                Reply(#"(?i)do you want to see the software license"#, .line("n")),
                Reply(#"(?i)please press "enter" to continue"#, .line("")),
                Reply(#"(?i)remove this default configuration"#, .line("")),
            ]),
        pagers: [.pager(#"-- \[Q quit\|D dump\|down\]"#)],
        failurePatterns: [
            #"bad command name"#, #"no such item"#, #"invalid value for"#, #"syntax error"#,
            #"expected end of command"#, #"failure:"#,
        ],
        lineEnding: "\r\n"
    )
}
