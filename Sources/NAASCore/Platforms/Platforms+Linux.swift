/// Linux hosts over OpenSSH.
extension Platform {
    /// `sudo -s` is the privilege step; the host name is the part of the prompt that stays.
    public static let linux = Platform(
        name: "linux",
        prompt: PromptStyle(
            pattern: #"^.{0,200}[$#]\s?$"#,
            base: #"^\s*(?:[\w.\-]+@)?([\w.\-]+)"#,
            userModeTerminator: "$"),
        // sudo asks `[sudo] password for <user>:`, which does not end in "password:".
        enable: Escalation(command: "sudo -s", passwordPrompt: #"(?i)(?:\[sudo\] password for .*|ssword):\s*$"#),
        failurePatterns: [#"command not found"#],
        autodetect: [Probe("uname -a", [#"Linux"#], priority: 95)],
        // A shell keeps what a job changed (directory, variables, sudo) out of the prompt's sight.
        reusableSessions: false
    )
}
