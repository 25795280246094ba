extension SimulatedOS {
    /// Juniper Junos 21.4 on an MX204: set-style candidate config, `commit` to apply.
    public static let juniperJunos: SimulatedOS = {
        var config = ConfigSpec(
            accepted: ["system", "interfaces", "protocols", "routing-options", "policy-options", "snmp", "vlans",
                       "firewall", "security", "services", "routing-instances", "chassis", "groups"].map { "set \($0) +" },
            invalidLine: "{caret}\nsyntax error.",
            rendering: .braces(header: "## Last commit: 2025-03-04 09:41:58 UTC by {user}\nversion 21.4R3-S5.4;",
                               footer: "", terminator: ";"))
        config.negation = "delete"
        config.storedPrefix = "set"
        config.initial = [
            "set system host-name {host}", "set system root-authentication encrypted-password \"$6$x$abc\"",
            "set system login user admin class super-user", "set system services ssh",
            "set system syslog file messages any notice", "set chassis aggregated-devices ethernet device-count 4",
            "set interfaces et-0/0/0 description uplink-core1", "set interfaces et-0/0/0 unit 0 family inet address 192.0.2.1/31",
            "set interfaces fxp0 unit 0 family inet address 10.0.0.10/24",
            "set routing-options static route 0.0.0.0/0 next-hop 10.0.0.1", "set protocols lldp interface all",
        ]
        config.commit = CommitSpec(
            success: "commit complete",
            exitQuestion: Question("The configuration has been changed but not committed\nExit with uncommitted changes? [yes,no] (yes) ",
                                   answers: ["yes": .proceed, "y": .proceed, "": .proceed, "no": .abort, "n": .abort]))
        config.commit?.discardText = "load complete"
        var os = SimulatedOS(
            name: "juniper_junos",
            modes: [
                ModeSpec("op", prompt: "{user}@{host}> ", level: .privileged),
                ModeSpec("cfg", prompt: "\n[edit]\n{user}@{host}# ", level: .config, parent: "op"),
            ],
            startMode: "op", privilegedStartMode: "op",
            commands: [
                CommandSpec("set cli screen-width *", in: ["op"], .text("Screen width set to {args}")),
                CommandSpec("set cli complete-on-space off", in: ["op"], .text("Disabling complete-on-space")),
                CommandSpec("set cli screen-length *", in: ["op"], .pagingOff("Screen length set to 0")),
                CommandSpec("show version", in: ["op"], .version),
                CommandSpec("run show version", in: ["cfg"], .version),
                CommandSpec("show log messages", in: ["op"], .longOutput),
                CommandSpec("show arp ...", in: ["op"], .text("""
                    MAC Address       Address         Interface                Flags
                    00:00:5e:00:01:0a 10.0.0.1        fxp0.0                   none
                    52:54:00:12:34:32 10.0.0.50       fxp0.0                   none
                    3c:61:04:7d:e2:c1 192.0.2.0       et-0/0/0.0               none
                    Total entries: 3
                    """)),
                CommandSpec("show configuration ...", in: ["op"], .runningConfig),
                CommandSpec("run show configuration ...", in: ["cfg"], .runningConfig),
                CommandSpec("show", in: ["cfg"], .candidateConfig),
                CommandSpec("show | compare", in: ["cfg"], .candidateConfig),
                CommandSpec("configure ...", in: ["op"], .enter("cfg", text: "Entering configuration mode")),
                CommandSpec("commit ...", in: ["cfg"], .commit),
                CommandSpec("rollback 0", in: ["cfg"], .discard("load complete")),
                CommandSpec("exit configuration-mode", in: ["cfg"], .endConfig),
                CommandSpec("exit", .exitMode),
                CommandSpec("quit", .exitMode),
                CommandSpec("top", in: ["cfg"], .text("")),
            ],
            config: config,
            invalidCommand: "{caret}\nunknown command.",
            versionText: """
            Hostname: {host}
            Model: mx204
            Junos: 21.4R3-S5.4
            JUNOS OS Kernel 64-bit  [20230605.0a8b7e1_builder_stable_12_214]
            JUNOS OS libs [20230605.0a8b7e1_builder_stable_12_214]
            JUNOS OS runtime [20230605.0a8b7e1_builder_stable_12_214]
            JUNOS OS time zone information [20230605.0a8b7e1_builder_stable_12_214]
            JUNOS network stack and utilities [20230616.060203_builder_junos_214_r3_s5]
            JUNOS libs [20230616.060203_builder_junos_214_r3_s5]
            JUNOS OS libs compat32 [20230605.0a8b7e1_builder_stable_12_214]
            JUNOS OS 32-bit compatibility [20230605.0a8b7e1_builder_stable_12_214]
            JUNOS libs compat32 [20230616.060203_builder_junos_214_r3_s5]
            JUNOS runtime [20230616.060203_builder_junos_214_r3_s5]
            JUNOS Packet Forwarding Engine Simulation Package [20230616.060203_builder_junos_214_r3_s5]
            JUNOS sflow mx [20230616.060203_builder_junos_214_r3_s5]
            JUNOS py extensions [20230616.060203_builder_junos_214_r3_s5]
            JUNOS Routing Engine [20230616.060203_builder_junos_214_r3_s5]
            JUNOS Kernel Software Suite [20230616.060203_builder_junos_214_r3_s5]
            """,
            logLine: "Mar  4 09:{m}:{s}  {host} mib2d[{n}]: SNMP_TRAP_LINK_UP: ifIndex 5{i}, ifAdminStatus up(1), ifOperStatus up(1), ifName et-0/0/{i}")
        os.pager = PagerSpec(prompt: "---(more)---", erase: "\r            \r")
        os.login.banner = "Last login: Tue Mar  4 09:12:01 2025 from 10.0.0.50\n\n--- JUNOS 21.4R3-S5.4 Kernel 64-bit  JNPR-12.1-20230605.0a8b7e1_buil"
        os.login.goodbye = ""
        os.badPassword = "error: authentication failed"
        return os
    }()
}
