/// Palo Alto PAN-OS.
extension Platform {
    public static let paloAltoPANOS = Platform(
        name: "paloalto_panos",
        telnet: true,
        prompt: PromptStyle(
            pattern: #"^[\w.\-]+@[\w.\-]+(?:\([\w.\-]+\))?[>#]\s?$"#,
            base: #"^\s*([\w.\-]+@[\w.\-]+)"#),
        sessionSetup: ["set cli scripting-mode on", "set cli terminal width 500", "set cli pager off"],
        config: ConfigMode(enter: "configure", exit: "exit"),
        commit: Commit(successMarker: #"(?i)configuration committed successfully"#),
        pagers: [.pager(#"^lines \d+-\d+"#), .morePager],
        failurePatterns: [#"Unknown command:"#, #"Invalid syntax\."#, #"Server error"#, #"Validation Error:"#],
        autodetect: [Probe("show system info", [#"model:\s+PA"#])]
    )
}
