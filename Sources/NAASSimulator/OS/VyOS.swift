extension SimulatedOS {
    /// VyOS 1.4 (sagitta): `user@host:~$` operational mode, `configure` into `[edit]` / `user@host#`,
    /// `set`/`delete` on a candidate, `commit`, `save`, and no leaving with uncommitted changes.
    public static let vyos: SimulatedOS = {
        var config = ConfigSpec(
            accepted: ["interfaces", "system", "service", "protocols", "firewall", "nat", "policy", "vpn", "vrf",
                       "high-availability", "container", "pki", "qos", "load-balancing", "traffic-policy"]
                .map { "set \($0) +" },
            invalidLine: "\n  Invalid command: [{word}]\n",
            rendering: .braces(header: "", footer: "", terminator: ""))
        config.negation = "delete"
        config.storedPrefix = "set"
        config.initial = [
            "set interfaces ethernet eth0 address 10.0.0.7/24", "set interfaces ethernet eth0 description 'mgmt'",
            "set interfaces ethernet eth0 hw-id 52:54:00:3a:1c:07", "set interfaces ethernet eth1 description 'uplink-core1'",
            "set interfaces ethernet eth1 hw-id 52:54:00:3a:1c:08", "set interfaces loopback lo",
            "set protocols static route 0.0.0.0/0 next-hop 10.0.0.1", "set service ntp server time1.vyos.net",
            "set service ssh port '22'", "set system config-management commit-revisions '100'",
            "set system host-name '{host}'", "set system login user vyos authentication encrypted-password '$6$x$abc'",
            "set system syslog global facility all level 'info'",
        ]
        config.commit = CommitSpec(
            success: "", noChanges: "No configuration changes to commit",
            exitRefusal: "Cannot exit: configuration modified.\nUse 'exit discard' to discard the changes and exit.")
        config.save = SaveSpec(done: "Saving configuration to '/config/config.boot'...\nDone")
        // VyOS pads the S/L column even when no description follows; the rows are built so that
        // padding survives (the template needs it).
        let vyosInterfaces = """
            Codes: S - State, L - Link, u - Up, D - Down, A - Admin Down
            Interface        IP Address                        S/L  Description
            ---------        ----------                        ---  -----------
            eth0             10.0.0.7/24                       u/u  mgmt
            eth1             -                                 u/u  uplink-core1
            eth2             -                                 A/D  \("")
            lo               127.0.0.1/8                       u/u  \("")
                             ::1/128
            """
        var os = SimulatedOS(
            name: "vyos",
            modes: [
                ModeSpec("op", prompt: "{user}@{host}:~$ ", level: .privileged),
                ModeSpec("cfg", prompt: "[edit]\n{user}@{host}# ", level: .config, parent: "op"),
            ],
            startMode: "op", privilegedStartMode: "op",
            commands: [
                CommandSpec("set terminal width *", in: ["op"], .text("")),
                CommandSpec("set terminal length *", in: ["op"], .pagingOff("")),
                CommandSpec("show version", in: ["op"], .version),
                CommandSpec("run show version", in: ["cfg"], .version),
                CommandSpec("show log ...", in: ["op"], .longOutput),
                CommandSpec("show interfaces", in: ["op"], .text(vyosInterfaces)),
                CommandSpec("show configuration", in: ["op"], .runningConfig),
                CommandSpec("run show configuration", in: ["cfg"], .runningConfig),
                CommandSpec("show", in: ["cfg"], .candidateConfig),
                CommandSpec("configure", in: ["op"], .enter("cfg")),
                CommandSpec("commit ...", in: ["cfg"], .commit),
                CommandSpec("discard", in: ["cfg"], .discard("Changes have been discarded")),
                CommandSpec("save ...", in: ["cfg"], .save),
                CommandSpec("exit discard", in: ["cfg"], .endConfigDiscard),
                CommandSpec("exit", .exitMode),
                CommandSpec("logout", in: ["op"], .logout("")),
            ],
            config: config,
            invalidCommand: "\n  Invalid command: [{word}]\n",
            versionText: """
            Version:          VyOS 1.4.0
            Release train:    sagitta
            Release flavor:   generic

            Built by:         Sentrium S.L.
            Built on:         Sun 25 Feb 2024 19:59 UTC
            Build UUID:       a5a1c3f2-6d8e-4b7a-9c0d-2e4f6a8b0c1d
            Build commit ID:  7a1b3c5d9e0f2a

            Architecture:     x86_64
            Boot via:         installed image
            System type:      KVM guest
            Secure Boot:      n/a (BIOS)

            Hardware vendor:  QEMU
            Hardware model:   Standard PC (i440FX + PIIX, 1996)
            Hardware S/N:
            Hardware UUID:    3a1c0752-5400-4b7a-9c0d-2e4f6a8b0c1d

            Copyright:        VyOS maintainers and contributors
            """,
            logLine: "Mar 04 09:{m}:{s} {host} kernel: vmxnet3 0000:0b:00.0 eth{i}: NIC Link is Up 10000 Mbps")
        os.acceptsAbbreviations = false
        os.pager = PagerSpec(prompt: ":", erase: "\r \r")
        os.login.banner = """
        Welcome to VyOS!

        Check out project news at https://blog.vyos.io
        and feel free to report bugs at https://vyos.dev

        You can change this banner using "set system login banner post-login" command.

        VyOS is a free software distribution that includes multiple components,
        you can check individual component licenses under /usr/share/doc/*/copyright
        Last login: Tue Mar  4 09:12:01 2025 from 10.0.0.50
        """
        os.login.goodbye = "logout"
        return os
    }()
}
