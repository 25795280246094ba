/// Juniper Junos.
extension Platform {
    public static let juniperJunos = Platform(
        name: "juniper_junos",
        aliases: ["juniper"],
        telnet: true,
        prompt: PromptStyle(
            pattern: #"^[\w\-@()/:.~]{1,63}\s?[>#%$]\s?$"#,
            base: #"^\s*([^\s>#%$]+?)\s?[>#%$]\s*$"#),
        // A root login lands in the FreeBSD shell; `cli` starts the Junos CLI.
        login: LoginStyle(shellToCLI: ShellToCLI(pattern: #"(?:^root@|[%$]\s*$)"#, command: "cli")),
        sessionSetup: ["set cli screen-width 511", "set cli complete-on-space off", "set cli screen-length 0"],
        config: ConfigMode(
            enter: "configure", exit: "exit configuration-mode",
            exitQuestions: [Reply(#"(?i)exit with uncommitted changes\? \[yes,no\]"#, .line("yes"))]),
        commit: Commit(successMarker: #"commit complete"#),
        pagers: [.morePager],
        failurePatterns: [
            #"is ambiguous"#, #"No valid completions"#, #"unknown command"#, #"syntax error"#,
            #"missing mandatory argument"#, #"invalid numeric value"#,
        ],
        autodetect: [Probe("show version", [
            #"JUNOS Software Release"#, #"JUNOS .+ Software"#, #"JUNOS OS Kernel"#, #"JUNOS Base Version"#,
        ])]
    )
}
