/// Dell OS9 (Force10), OS10 and PowerConnect.
extension Platform {
    static let dellFailures = [#"% ?Error"#, #"% ?Bad secret"#, #"(?i)invalid input"#, #"(?i)(?:incomplete|ambiguous) command"#]

    public static let dellForce10 = Platform(
        name: "dell_force10",
        aliases: ["dell_os9", "dell_dnos9"],
        // Netmiko has no Telnet driver for OS9; its CLI is the same over Telnet.
        telnet: true,
        prompt: .ciscoLike,
        login: LoginStyle(questions: [Reply(#"\[y/n\]:?\s*$"#, .line("y"))]),
        sessionSetup: ["terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "write memory"),
        pagers: [.morePager],
        failurePatterns: dellFailures,
        autodetect: [
            Probe("show system", [#"Dell (?:Application Software|Networking OS|EMC Networking OS) Version\s*:\s*9"#]),
            Probe("show version", [#"Real Time Operating System Software"#]),
        ]
    )

    public static let dellOS10 = Platform(
        name: "dell_os10",
        prompt: .ciscoLike,
        sessionSetup: ["terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "copy running-configuration startup-configuration"),
        pagers: [.morePager],
        failurePatterns: dellFailures + [#"Syntax error:"#, #"Command not found"#, #"% Invalid input detected"#],
        autodetect: [Probe("show version", [#"Dell EMC Networking OS10.Enterprise"#, #"Dell SmartFabric OS10[\s*|-]Enterprise"#])]
    )

    public static let dellPowerConnect = Platform(
        name: "dell_powerconnect",
        telnet: true,
        prompt: .ciscoLike,
        // SSH authenticates with `none`; the switch then asks for the login itself.
        login: LoginStyle(inBandOnly: true),
        sessionSetup: ["terminal datadump", "terminal length 0"],
        enable: Escalation(command: "enable"),
        config: ConfigMode(enter: "configure", exit: "end"),
        save: Save(command: "copy running-config startup-config", questions: [Reply(#"\(y/n\)\s*$"#, .keys("y"))]),
        pagers: [.morePager],
        failurePatterns: [#"% Invalid input"#, #"(?i)invalid input"#, #"Error:"#, #"(?i)incomplete command"#],
        autodetect: [Probe("show system", [#"PowerConnect"#])]
    )
}
