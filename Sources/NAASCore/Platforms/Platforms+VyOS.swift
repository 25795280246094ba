/// VyOS (and Vyatta, Brocade vRouter).
extension Platform {
    public static let vyos = Platform(
        name: "vyos",
        aliases: ["vyatta_vyos", "brocade_vyos"],
        prompt: PromptStyle(
            pattern: #"^[\w.\-]+@[\w.\-]+(?::[~/\w.\-]*)?[$#]\s?$"#,
            base: #"^\s*([\w.\-]+@[\w.\-]+)"#),
        sessionSetup: ["set terminal width 512", "set terminal length 0"],
        config: ConfigMode(
            enter: "configure", exit: "exit",
            // Leaving with uncommitted changes is refused until they are discarded.
            exitQuestions: [Reply(#"(?i)cannot exit: configuration modified"#, .line("exit discard"))]),
        commit: Commit(failurePatterns: [#"Commit failed"#, #"Failed to generate committed config"#]),
        save: Save(command: "save", insideConfigMode: true, successMarker: #"Done"#),
        pagers: [.pager(#"^lines \d+-\d+"#), .pager(#"^:\s*$"#)],
        failurePatterns: [
            #"Ambiguous command"#, #"Incomplete command"#, #"Invalid command"#, #"Invalid value"#,
            #"Need to specify the config node to set"#, #"Set failed"#,
        ]
    )
}
