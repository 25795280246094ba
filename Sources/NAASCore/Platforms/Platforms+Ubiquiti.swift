/// Ubiquiti EdgeSwitch.
extension Platform {
    public static let ubiquitiEdgeSwitch = Platform(
        name: "ubiquiti_edgeswitch",
        aliases: ["ubiquiti_edge"],
        prompt: PromptStyle(
            pattern: #"^\([\w.\-@/: ]{1,63}\)\s?(?:\([\w.\-@/:+ ]{0,32}\))?\s?[>#]\s?$"#,
            base: #"^\s*(\([^)]*\))"#,
            userModeTerminator: ">"),
        sessionSetup: ["terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure", exit: "exit"),
        save: Save(command: "write memory", questions: [Reply(#"(?i)are you sure you want to save\? \(y/n\)\s*$"#, .line("y"))]),
        pagers: [.morePager],
        failurePatterns: [#"% ?Error"#, #"(?i)invalid input"#, #"(?i)(?:incomplete|ambiguous) command"#, #"An invalid"#],
        autodetect: [Probe("show version", [#"EdgeSwitch"#])]
    )
}
