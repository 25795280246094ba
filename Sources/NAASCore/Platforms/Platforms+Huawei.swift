/// Huawei VRP.
extension Platform {
    public static let huawei = Platform(
        name: "huawei",
        aliases: ["huawei_vrp"],
        telnet: true,
        prompt: bracketedPrompt,
        login: LoginStyle(questions: [
            Reply(#"(?i)change now\? \[Y/N\]"#, .line("N")),
            Reply(#"(?i)security risks in the configuration file.*\[y/n\]"#, .line("Y")),
        ]),
        sessionSetup: ["screen-length 0 temporary"],
        config: ConfigMode(enter: "system-view", exit: "return"),
        save: Save(command: "save", questions: [Reply(#"(?i)continue\?\s*\[Y/N\]:?\s*$"#, .line("y"))]),
        pagers: [.morePager],
        failurePatterns: [#"Error:"#, #"Error\[\d+\]:"#, #"(?i)unknown command"#, #"(?i)syntax error"#],
        autodetect: [Probe("display version", [#"Huawei Technologies"#, #"Huawei Versatile Routing Platform Software"#])]
    )
}
