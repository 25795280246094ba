/// Ruckus (Brocade) FastIron.
extension Platform {
    public static let ruckusFastIron = Platform(
        name: "ruckus_fastiron",
        aliases: ["brocade_fastiron"],
        telnet: true,
        prompt: .ciscoLike,
        sessionSetup: ["skip-page-display"],
        enable: Escalation(
            command: "enable", passwordPrompt: #"(?i)(?:ssword|no password has been assigned)"#,
            usernamePrompt: #"(?i)(?:user name|login):?\s*$"#),
        config: ConfigMode(enter: "configure terminal", exit: "end"),
        save: Save(command: "write memory"),
        pagers: [.pager(#"(?i)--more--, next page"#), .morePager],
        failurePatterns: [#"Error -"#, #"Invalid input -"#, #"(?m)^Error: "#, #"(?m)^Ambiguous input"#]
    )
}
