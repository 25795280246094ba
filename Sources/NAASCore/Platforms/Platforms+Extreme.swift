/// Extreme Networks EXOS.
extension Platform {
    /// The prompt counts commands (`sw1.12 #`) and carries `* ` while the configuration is unsaved,
    /// so the base prompt is the name between them.
    public static let extremeEXOS = Platform(
        name: "extreme_exos",
        aliases: ["extreme"],
        telnet: true,
        prompt: PromptStyle(
            pattern: #"^(?:\*\s?)?[\w.\-@/:]{1,63}\.\d+\s?[>#]\s?$"#,
            base: #"^(?:\*\s?)?([\w.\-@/:]+?)\.\d+\s?[>#]"#),
        sessionSetup: ["disable clipaging", "disable cli prompting"],
        save: Save(command: "save configuration primary", questions: [Reply(#"(?i)\(y/N\)\s*$"#, .line("y"))]),
        pagers: [.pager(#"(?i)press <space> to continue or <q> to quit"#), .morePager],
        failurePatterns: [
            #"%% Invalid .* at '\^' marker"#, #"% Invalid input"#, #"% ?Error"#, #"Error:"#,
            #"(?i)invalid input"#, #"(?i)(?:incomplete|ambiguous) command"#, #"Permission denied"#,
        ],
        autodetect: [Probe("show version", [#"ExtremeXOS"#, #"EXOS"#])]
    )
}
