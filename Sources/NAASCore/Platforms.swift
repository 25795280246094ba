/// The platform table.
extension Platform {
    public static let all: [Platform] = [ciscoIOS, linux]

    public static let ciscoIOS = Platform(
        name: "cisco_ios",
        aliases: ["cisco_xe"],
        promptPattern: #"^[\w.\-@/:()]{1,80}[>#]\s?$"#,
        promptTerminators: ">#",
        userModeTerminator: ">",
        sessionSetup: ["terminal length 0", "terminal width 511"],
        enable: Escalation(command: "enable", passwordPrompt: #"[Pp]assword:\s*$"#),
        configEnter: "configure terminal",
        configExit: "end",
        saveCommand: "write memory",
        failurePatterns: [
            #"% Invalid input"#, #"% Incomplete command"#, #"% Ambiguous command"#,
            #"Command rejected"#, #"% Unknown command"#,
        ]
    )

    public static let linux = Platform(
        name: "linux",
        promptPattern: #"^.{0,200}[$#]\s?$"#,
        promptTerminators: "$#"
    )
}
