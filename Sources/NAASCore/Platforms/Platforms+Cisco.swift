/// Cisco IOS / IOS-XE, NX-OS, IOS-XR and ASA.
extension Platform {
    static let ciscoInvalidInput = [
        #"% Invalid input"#, #"% Incomplete command"#, #"% Ambiguous command"#, #"% Unknown command"#,
        #"Command rejected"#,
    ]

    public static let ciscoIOS = Platform(
        name: "cisco_ios",
        aliases: ["cisco_xe"],
        telnet: true,
        prompt: .ciscoLike,
        sessionSetup: ["terminal width 511", "terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "write mem"),
        pagers: [.morePager],
        failurePatterns: ciscoInvalidInput,
        autodetect: [
            Probe("show version", [#"Cisco IOS XE Software"#]),
            Probe("show version", [#"Cisco IOS Software"#, #"Cisco Internetwork Operating System Software"#], priority: 95),
        ]
    )

    public static let ciscoNXOS = Platform(
        name: "cisco_nxos",
        telnet: true,
        prompt: PromptStyle(pattern: #"^[\w.\-]{1,63}(?:\(maint-mode\))?(?:\([\w.\-@/:+]{0,32}\))?[>#]\s?$"#, userModeTerminator: ">"),
        sessionSetup: ["terminal width 511", "terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "copy running-config startup-config"),
        pagers: [.morePager],
        failurePatterns: ciscoInvalidInput + [#"% Invalid command at"#, #"% Invalid parameter"#],
        autodetect: [Probe("show version", [#"Cisco Nexus Operating System"#, #"NX-OS"#])]
    )

    public static let ciscoXR = Platform(
        name: "cisco_xr",
        telnet: true,
        prompt: PromptStyle(pattern: #"^(?:RP/\d+/\w+/CPU\d+:)?[\w.\-@/:]{1,63}(?:\([\w.\-@/:+]{0,32}\))?#\s?$"#),
        sessionSetup: ["terminal width 511", "terminal length 0"],
        config: ConfigMode(
            enter: "configure terminal", exit: "end",
            // Leaving without `commit: true` discards the candidate, as Netmiko's exit does.
            exitQuestions: [Reply(#"(?i)uncommitted changes found, commit them"#, .line("no"))]),
        commit: Commit(failurePatterns: [#"Failed to"#, #"% Failed"#],
                       questions: [Reply(#"(?i)confirm\? \[y/n\]"#, .line("y"))]),
        pagers: [.morePager],
        failurePatterns: ciscoInvalidInput,
        autodetect: [Probe("show version", [#"Cisco IOS XR"#])]
    )

    public static let ciscoASA = Platform(
        name: "cisco_asa",
        prompt: .ciscoLike,
        sessionSetup: ["terminal pager 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "write mem"),
        pagers: [.morePager],
        failurePatterns: ciscoInvalidInput + [#"ERROR: "#],
        autodetect: [Probe("show version", [#"Cisco Adaptive Security Appliance"#, #"Cisco ASA"#])]
    )
}
