/// Arista EOS.
extension Platform {
    public static let aristaEOS = Platform(
        name: "arista_eos",
        telnet: true,
        prompt: PromptStyle(pattern: #"^[\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,63}\))?[>#]\s?$"#, userModeTerminator: ">"),
        sessionSetup: ["terminal width 511", "terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "copy running-config startup-config"),
        pagers: [.morePager],
        failurePatterns: [
            #"% Ambiguous command"#, #"% Error"#, #"% Incomplete command"#, #"% Invalid input"#,
            #"% Cannot commit"#, #"% Unavailable command"#, #"% Duplicate sequence number"#,
        ],
        autodetect: [Probe("show version", [#"Arista"#, #"vEOS"#])]
    )
}
