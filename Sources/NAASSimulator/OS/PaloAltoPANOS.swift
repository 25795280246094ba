extension SimulatedOS {
    /// Palo Alto PAN-OS 10.2 on a PA-VM: `user@host> `, `configure` with `[edit]` above the `#` prompt,
    /// `set` lines into a candidate that only `commit` applies, the typed line repainted until
    /// `set cli scripting-mode on`, and `less`-style paging until `set cli pager off`.
    public static let paloAltoPANOS: SimulatedOS = {
        var config = ConfigSpec(
            accepted: ["deviceconfig", "network", "mgt-config", "shared", "vsys", "rulebase", "zone", "address",
                       "address-group", "service", "service-group", "tag", "profiles", "log-settings", "import",
                       "readonly"].map { "set \($0) +" },
            invalidLine: "Unknown command: {word}",
            rendering: .braces(header: "", footer: "", terminator: ";"))
        config.negation = "delete"
        config.storedPrefix = "set"
        config.initial = [
            "set deviceconfig system hostname {host}", "set deviceconfig system type static",
            "set deviceconfig system ip-address 10.0.0.11", "set deviceconfig system netmask 255.255.255.0",
            "set deviceconfig system default-gateway 10.0.0.1", "set deviceconfig system timezone UTC",
            "set deviceconfig system dns-setting servers primary 10.0.0.1",
            "set deviceconfig system ntp-servers primary-ntp-server ntp-server-address 10.0.0.1",
            "set deviceconfig system snmp-setting snmp-system location lab-rack-4",
            "set mgt-config users admin permissions role-based superuser yes",
            "set network interface ethernet ethernet1/1 layer3 ip 192.0.2.1/24",
            "set network interface ethernet ethernet1/1 comment uplink-core1",
            "set network interface ethernet ethernet1/2 layer3 ip 198.51.100.1/24",
            "set vsys vsys1 zone untrust network layer3 ethernet1/1",
            "set vsys vsys1 zone trust network layer3 ethernet1/2",
        ]
        config.commit = CommitSpec(
            success: """
                Commit job 4 is in progress. Use Ctrl+C to return to command prompt
                ..5%...15%...25%...35%...45%...55%...65%...75%...85%....98%.....100%
                Configuration committed successfully
                """,
            noChanges: "There are no changes to commit.")
        var os = SimulatedOS(
            name: "paloalto_panos",
            modes: [
                ModeSpec("op", prompt: "{user}@{host}> ", level: .privileged),
                ModeSpec("cfg", prompt: "\n[edit]\n{user}@{host}# ", level: .config, parent: "op"),
            ],
            startMode: "op", privilegedStartMode: "op",
            commands: [
                CommandSpec("set cli scripting-mode on", in: ["op"], .plainEcho("")),
                CommandSpec("set cli scripting-mode off", in: ["op"], .text("")),
                CommandSpec("set cli terminal width *", in: ["op"], .text("")),
                CommandSpec("set cli terminal height *", in: ["op"], .text("")),
                CommandSpec("set cli pager off", in: ["op"], .pagingOff("")),
                CommandSpec("set cli config-output-format *", in: ["op"], .text("")),
                CommandSpec("show system info", in: ["op"], .version),
                CommandSpec("show clock", in: ["op"], .text("Tue Mar  4 09:42:17 UTC 2025")),
                CommandSpec("show interface all", in: ["op"], .text("""

                    total configured hardware interfaces: 3

                    name                    id    speed/duplex/state            mac address
                    --------------------------------------------------------------------------------
                    ethernet1/1             16    10000/full/up                 00:50:56:8a:1b:30
                    ethernet1/2             17    10000/full/up                 00:50:56:8a:1b:31
                    ethernet1/3             18    ukn/ukn/down(autoneg)         00:50:56:8a:1b:32

                    aggregation groups: 0


                    total configured logical interfaces: 3

                    name                id    vsys zone             forwarding               tag    address
                    ------------------- ----- ---- ---------------- ------------------------ ------ ------------------
                    ethernet1/1         16    1    untrust          vr:default               0      192.0.2.1/24
                    ethernet1/2         17    1    trust            vr:default               0      198.51.100.1/24
                    ethernet1/3         18    1                     N/A                      0      N/A

                    """)),
                CommandSpec("show log system ...", in: ["op"], .longOutput),
                CommandSpec("show config running ...", in: ["op"], .runningConfig),
                CommandSpec("show config candidate ...", in: ["op"], .candidateConfig),
                CommandSpec("run show config running ...", in: ["cfg"], .runningConfig),
                CommandSpec("run show system info", in: ["cfg"], .version),
                CommandSpec("show", in: ["cfg"], .candidateConfig),
                CommandSpec("configure", in: ["op"], .enter("cfg", text: "Entering configuration mode")),
                CommandSpec("commit ...", in: ["cfg"], .commit),
                CommandSpec("revert config", in: ["cfg"], .discard("Candidate configuration reverted")),
                CommandSpec("quit", in: ["cfg"], .endConfig),
                CommandSpec("exit", .exitMode),
                CommandSpec("quit", in: ["op"], .logout("")),
                CommandSpec("top", in: ["cfg"], .text("")),
            ],
            config: config,
            invalidCommand: "Unknown command: {word}",
            versionText: """
            hostname: {host}
            ip-address: 10.0.0.11
            public-ip-address: unknown
            netmask: 255.255.255.0
            default-gateway: 10.0.0.1
            ip-assignment: static
            ipv6-address: unknown
            ipv6-link-local-address: fe80::250:56ff:fe8a:1b2c/64
            mac-address: 00:50:56:8a:1b:2c
            time: Tue Mar  4 09:42:17 2025
            uptime: 84 days, 4:17:03
            family: vm
            model: PA-VM
            serial: 007051000123456
            vm-mac-base: 7c:89:c3:0a:5b:00
            vm-mac-count: 256
            vm-uuid: 420A1B2C-3D4E-5F60-7182-93A4B5C6D7E8
            vm-cpuid: ESX:F1060400FFFB8B1F
            vm-license: VM-300
            vm-cap-tier: 8.0 GB
            vm-cpu-count: 4
            vm-memory: 8167420
            vm-mode: VMware ESXi
            cloud-mode: non-cloud
            sw-version: 10.2.9-h1
            global-protect-client-package-version: 0.0.0
            device-dictionary-version: 94-479
            app-version: 8799-8509
            app-release-date: 2024/01/16 14:38:27 PST
            av-version: 0
            threat-version: 8799-8509
            wildfire-version: 0
            url-db: paloaltonetworks
            logdb-version: 10.2.1
            platform-family: vm
            vpn-disable-mode: off
            multi-vsys: off
            operational-mode: normal
            device-certificate-status: Valid
            """,
            logLine: "2025/03/04 09:{m}:{s} info     port           ethernet1/{i} link-cha 0  Port ethernet1/{i}: Up 10Gb/s-full duplex")
        os.logHeader = """
        Time                Severity Subtype Object        EventID        ID     Description
        ===============================================================================
        """
        os.acceptsAbbreviations = false
        os.echoRepaint = true
        os.pager = PagerSpec(prompt: "lines {first}-{last} ", erase: "\r" + String(repeating: " ", count: 16) + "\r",
                             pageLines: 50)
        os.login.banner = """
        Last login: Tue Mar  4 09:12:01 2025 from 10.0.0.50


        Number of failed attempts since last successful login: 0



        """
        return os
    }()
}
