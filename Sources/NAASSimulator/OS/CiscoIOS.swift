extension SimulatedOS {
    /// Cisco IOS 15.2 on a Catalyst 2960-X.
    public static let ciscoIOS: SimulatedOS = {
        var os = SimulatedOS(
            name: "cisco_ios",
            modes: [
                ModeSpec("user", prompt: "{host}>", level: .user),
                ModeSpec("enable", prompt: "{host}#", level: .privileged, parent: "user"),
                ModeSpec("config", prompt: "{host}(config)#", level: .config, parent: "enable"),
                ModeSpec("config-if", prompt: "{host}(config-if)#", level: .config, parent: "config"),
                ModeSpec("config-line", prompt: "{host}(config-line)#", level: .config, parent: "config"),
                ModeSpec("config-vlan", prompt: "{host}(config-vlan)#", level: .config, parent: "config"),
                ModeSpec("config-router", prompt: "{host}(config-router)#", level: .config, parent: "config"),
            ],
            startMode: "user", privilegedStartMode: "enable",
            commands: [
                CommandSpec("enable", in: ["user"], .enter("enable", password: true)),
                CommandSpec("disable", in: ["enable"], .enter("user")),
                CommandSpec("terminal length *", .pagingOff("")),
                CommandSpec("terminal width *", .text("")),
                CommandSpec("show version", .version),
                CommandSpec("show running-config ...", level: .privileged, .runningConfig),
                CommandSpec("show startup-config", level: .privileged, .runningConfig),
                CommandSpec("do show running-config ...", level: .config, .runningConfig),
                CommandSpec("show logging", .longOutput),
                CommandSpec("show ip interface brief", .text(
                    "Interface              IP-Address      OK? Method Status                Protocol\n"
                    + "Vlan1                  10.0.0.2        YES NVRAM  up                    up      \n"
                    + interfaceTable(prefix: "GigabitEthernet1/0/", count: 28))),
                CommandSpec("show clock", .text("*10:42:17.331 UTC Tue Mar 4 2025")),
                CommandSpec("configure terminal", level: .privileged,
                            .enter("config", text: "Enter configuration commands, one per line.  End with CNTL/Z.")),
                CommandSpec("end", level: .config, .endConfig),
                CommandSpec("exit", .exitMode),
                CommandSpec("logout", in: ["user", "enable"], .logout("")),
                CommandSpec("write memory", in: ["enable"], .save),
                CommandSpec("copy running-config startup-config", in: ["enable"], .save),
            ],
            config: {
                var config = ConfigSpec(
                    accepted: startingWith([
                        "hostname", "description", "ip", "ipv6", "shutdown", "switchport", "spanning-tree", "vlan",
                        "name", "logging", "ntp", "snmp-server", "username", "service", "banner", "router", "network",
                        "access-list", "aaa", "clock", "mtu", "speed", "duplex", "channel-group", "exec-timeout",
                        "transport", "login", "password", "version", "boot-start-marker", "boot-end-marker", "enable",
                        "no", "cdp", "lldp", "errdisable", "archive", "vtp", "mac", "power", "storm-control",
                    ]) + ["shutdown", "exit-address-family"],
                    invalidLine: "{caret}\n% Invalid input detected at '^' marker.\n",
                    rendering: .indented(
                        header: "Building configuration...\n\nCurrent configuration : 4211 bytes\n!\n! Last configuration change at 10:41:58 UTC Tue Mar 4 2025\n!",
                        footer: "!\nend", indent: " ", separator: "!"))
                config.initial = [
                    "version 15.2", "no service pad", "service timestamps debug datetime msec",
                    "service timestamps log datetime msec", "service password-encryption", "hostname {host}",
                    "boot-start-marker", "boot-end-marker", "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0",
                    "username admin privilege 15 secret 5 $1$o5dC$Q0oa7V9rz0N1z0h2o/4jb.", "aaa new-model",
                    "clock timezone UTC 0 0", "ip domain-name lab.example.net", "ip ssh version 2",
                    "spanning-tree mode rapid-pvst", "spanning-tree extend system-id", "vlan internal allocation policy ascending",
                    "interface GigabitEthernet1/0/1", " switchport mode access",
                    "interface GigabitEthernet1/0/2", " switchport mode access",
                    "interface GigabitEthernet1/0/3", " shutdown",
                    "interface Vlan1", " ip address 10.0.0.2 255.255.255.0",
                    "ip default-gateway 10.0.0.1", "ip http server", "ip http secure-server",
                    "logging host 10.0.0.50", "snmp-server community public RO",
                    "line con 0", " exec-timeout 0 0",
                    "line vty 0 4", " transport input ssh",
                    "ntp server 10.0.0.1",
                ]
                config.save = SaveSpec(done: "Building configuration...\n[OK]")
                return config
            }(),
            invalidCommand: "{caret}\n% Invalid input detected at '^' marker.\n",
            versionText: """
            Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1)
            Technical Support: http://www.cisco.com/techsupport
            Copyright (c) 1986-2023 by Cisco Systems, Inc.
            Compiled Tue 28-Feb-23 06:36 by mcpre

            ROM: Bootstrap program is C2960X boot loader
            BOOTLDR: C2960X Boot Loader (C2960X-HBOOT-M) Version 15.2(7r)E, RELEASE SOFTWARE (fc1)

            {host} uptime is 12 weeks, 3 days, 4 hours, 17 minutes
            System returned to ROM by power-on
            System restarted at 06:24:51 UTC Tue Dec 10 2024
            System image file is "flash:c2960x-universalk9-mz.152-7.E8.bin"
            Last reload reason: power-on

            This product contains cryptographic features and is subject to United
            States and local country laws governing import, export, transfer and
            use. Delivery of Cisco cryptographic products does not imply
            third-party authority to import, export, distribute or use encryption.

            cisco WS-C2960X-48FPD-L (APM86XXX) processor (revision D0) with 524288K bytes of memory.
            Processor board ID FOC2041X0AB
            Last reset from power-on
            2 Virtual Ethernet interfaces
            1 FastEthernet interface
            52 Gigabit Ethernet interfaces
            2 Ten Gigabit Ethernet interfaces
            The password-recovery mechanism is enabled.

            512K bytes of flash-simulated non-volatile configuration memory.
            Base ethernet MAC Address       : 70:DB:98:2E:11:80
            Motherboard assembly number     : 73-15281-12
            Model revision number           : D0
            Model number                    : WS-C2960X-48FPD-L
            System serial number            : FOC2041X0AB

            Switch Ports Model                     SW Version            SW Image
            ------ ----- -----                     ----------            ----------
            *    1 54    WS-C2960X-48FPD-L         15.2(7)E8             C2960X-UNIVERSALK9-M

            Configuration register is 0xF
            """,
            logLine: "{n}: Mar  4 09:{m}:{s}.{n}: %LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet1/0/{i}, changed state to up")
        os.subModes = [
            SubModeSpec("interface +", mode: "config-if", from: ["config", "config-if", "config-line", "config-vlan", "config-router"]),
            SubModeSpec("line ...", mode: "config-line", from: ["config", "config-if", "config-line"]),
            SubModeSpec("vlan *", mode: "config-vlan", from: ["config"]),
            SubModeSpec("router +", mode: "config-router", from: ["config"]),
        ]
        os.logHeader = """
        Syslog logging: enabled (0 messages dropped, 3 messages rate-limited, 0 flushes, 0 overruns, xml disabled, filtering disabled)

        No Active Message Discriminator.

            Console logging: disabled
            Monitor logging: level debugging, 0 messages logged, xml disabled, filtering disabled
            Buffer logging:  level debugging, {count} messages logged, xml disabled, filtering disabled
            Trap logging: level informational, 212 message lines logged
                Logging to 10.0.0.50  (udp port 514, audit disabled, link up), 212 message lines logged

        Log Buffer (65536 bytes):
        """
        return os
    }()
}
