extension SimulatedOS {
    /// MikroTik RouterOS 7.14 on a CCR2004: `[user@host] > `, changes apply as typed (no config
    /// mode, commit or save), login options after `+` in the user name (`admin+ct511w4098h`).
    public static let mikroTikRouterOS: SimulatedOS = {
        var config = ConfigSpec(
            accepted: startingWith(["/interface", "/ip", "/ipv6", "/system", "/routing", "/snmp", "/user", "/tool",
                                    "/queue", "/certificate", "/disk", "/port", "/ppp", "/radius"]),
            invalidLine: "bad command name {word} (line 1 column 1)",
            rendering: .flat(
                header: "# 2025-03-04 09:42:17 by RouterOS 7.14.3\n# software id = 8K2T-1PQR\n#\n# model = CCR2004-16G-2S+\n# serial number = HE1234567AB",
                footer: "", indent: ""))
        config.negation = nil
        config.initial = [
            "/interface bridge add name=bridge-lan",
            "/interface ethernet set [ find default-name=ether1 ] comment=uplink-core1",
            "/interface bridge port add bridge=bridge-lan interface=ether2",
            "/ip address add address=10.0.0.9/24 interface=ether1 network=10.0.0.0",
            "/ip dns set servers=10.0.0.1",
            "/ip route add gateway=10.0.0.1",
            "/ip service set telnet disabled=yes",
            "/system identity set name={host}",
            "/system ntp client set enabled=yes",
            "/system ntp client servers add address=10.0.0.1",
            "/system logging action set 3 remote=10.0.0.50",
        ]
        var os = SimulatedOS(
            name: "mikrotik_routeros",
            modes: [ModeSpec("main", prompt: "[{user}@{host}] > ", level: .config)],
            startMode: "main", privilegedStartMode: "main",
            commands: [
                CommandSpec("/system resource print", .version),
                CommandSpec("/system identity print", .text("  name: {host}")),
                CommandSpec("/ip address print", .text("""
                    Flags: D - DYNAMIC
                    Columns: ADDRESS, NETWORK, INTERFACE
                    #   ADDRESS          NETWORK      INTERFACE
                    0   10.0.0.9/24      10.0.0.0     ether1
                    1   192.168.88.1/24  192.168.88.0 bridge-lan
                    2 D 100.64.12.7/22   100.64.12.0  sfp-sfpplus1
                    """)),
                CommandSpec("/log print ...", .longOutput),
                CommandSpec("/export ...", .runningConfig),
                CommandSpec("quit", .logout("interrupted")),
                CommandSpec("/quit", .logout("interrupted")),
            ],
            config: config,
            invalidCommand: "bad command name {word} (line 1 column 1)",
            versionText: """
                                uptime: 12w3d4h17m
                               version: 7.14.3 (stable)
                            build-time: Apr/17/2024 12:47:58
                      factory-software: 7.1
                           free-memory: 3.4GiB
                          total-memory: 4.0GiB
                                   cpu: ARM64
                             cpu-count: 4
                         cpu-frequency: 1700MHz
                              cpu-load: 1%
                        free-hdd-space: 96.3MiB
                       total-hdd-space: 128.0MiB
               write-sect-since-reboot: 3248
                      write-sect-total: 128311
                            bad-blocks: 0%
                     architecture-name: arm64
                            board-name: CCR2004-16G-2S+
                              platform: MikroTik
            """,
            logLine: "2025-03-04 09:{m}:{s} interface,info ether{i} link up (speed 1G, full duplex)")
        os.acceptsAbbreviations = false
        os.pager = .none
        os.usernameOptionSeparator = "+"
        os.login.banner = """



          MMM      MMM       KKK                          TTTTTTTTTTT      KKK
          MMMM    MMMM       KKK                          TTTTTTTTTTT      KKK
          MMM MMMM MMM  III  KKK  KKK  RRRRRR     OOOOOO      TTT     III  KKK  KKK
          MMM  MM  MMM  III  KKKKK     RRR  RRR  OOO  OOO     TTT     III  KKKKK
          MMM      MMM  III  KKK KKK   RRRRRR    OOO  OOO     TTT     III  KKK KKK
          MMM      MMM  III  KKK  KKK  RRR  RRR   OOOOOO      TTT     III  KKK  KKK

          MikroTik RouterOS 7.14.3 (c) 1999-2024       https://www.mikrotik.com/

        Press F1 for help

        """
        return os
    }()
}
