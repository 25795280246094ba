/// HP/Aruba ProCurve and HPE/H3C Comware.
extension Platform {
    public static let hpProCurve = Platform(
        name: "hp_procurve",
        aliases: ["aruba_procurve", "aruba_osswitch"],
        telnet: true,
        prompt: .ciscoLike,
        login: LoginStyle(questions: [Reply(#"(?i)press any key to continue"#, .line(""))]),
        // Paging can only be turned off once privileged; the session enables first.
        sessionSetup: ["terminal width 511", "no page"],
        enable: Escalation(command: "enable", usernamePrompt: #"(?i)(?:user ?name|login):?\s*$"#),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "write memory"),
        pagers: [.pager(#"(?i)--\s*more\s*--,? next page"#), .morePager],
        failurePatterns: [#"% ?Error"#, #"Error:"#, #"(?i)invalid input"#, #"(?i)(?:incomplete|ambiguous) command"#],
        autodetect: [Probe("show version", [#"Image stamp.*/code/build"#])]
    )

    /// `<host>` in user view, `[host]` and `[host-view]` in system view.
    static let bracketedPrompt = PromptStyle(
        pattern: #"^(?:(?:RBM|HRP)_[A-Za-z]\s?)?[<\[][~*]?[\w.\-@/:]{1,64}[>\]]\s?$"#,
        base: #"^(?:(?:RBM|HRP)_[A-Za-z]\s?)?[<\[][~*]?([\w.@/:]+)"#)

    public static let hpComware = Platform(
        name: "hp_comware",
        aliases: ["h3c_comware"],
        telnet: true,
        prompt: bracketedPrompt,
        login: LoginStyle(questions: [Reply(#"(?i)press Y or ENTER to continue, N to exit"#, .line(""))]),
        sessionSetup: ["screen-length disable"],
        config: ConfigMode(enter: "system-view", exit: "return"),
        save: Save(command: "save force"),
        pagers: [.morePager],
        failurePatterns: [
            #"% Unrecognized command found at"#, #"% Incomplete command found at"#,
            #"% Wrong parameter found at"#, #"% Ambiguous command found at"#,
        ],
        autodetect: [Probe("display version", [#"HPE Comware"#, #"HP Comware"#, #"H3C Comware Software"#])]
    )
}
