extension SimulatedOS {
    /// Huawei VRP 5.170 on an S5720: `<host>` user view, `[host]` system view.
    public static let huawei: SimulatedOS = {
        var config = ConfigSpec(
            accepted: startingWith(["sysname", "description", "ip", "interface", "vlan", "port", "undo", "info-center",
                                    "snmp-agent", "stp", "user-interface", "authentication-mode", "protocol",
                                    "aaa", "local-user", "ntp-service", "lldp", "shutdown", "quit", "dhcp"]) + ["shutdown"],
            invalidLine: "{caret}\nError: Unrecognized command found at '^' position.",
            rendering: .indented(header: "!Software Version V200R019C10SPC500\n#", footer: "#\nreturn", indent: " ", separator: "#"))
        config.negation = "undo"
        config.initial = [
            "sysname {host}", "vlan batch 10 20", "stp mode rstp", "aaa", " local-user admin password irreversible-cipher $1a$x$",
            " local-user admin privilege level 15", " local-user admin service-type ssh",
            "interface Vlanif1", " ip address 10.0.0.12 255.255.255.0",
            "interface GigabitEthernet0/0/1", " description uplink", " port link-type trunk",
            "ip route-static 0.0.0.0 0.0.0.0 10.0.0.1", "stelnet server enable",
            "user-interface vty 0 4", " authentication-mode aaa", " protocol inbound ssh",
        ]
        config.rendering = .indented(header: "!Software Version V200R019C10SPC500\n#", footer: "#\nreturn", indent: " ", separator: "#")
        config.save = SaveSpec(
            questions: [.yesNo("The current configuration will be written to the device.\nAre you sure to continue?[Y/N]", defaultYes: false)],
            done: "Now saving the current configuration to the slot 0.\nSave the configuration successfully.",
            aborted: "")
        var os = SimulatedOS(
            name: "huawei",
            modes: [
                ModeSpec("user", prompt: "<{host}>", level: .privileged),
                ModeSpec("system", prompt: "[{host}]", level: .config, parent: "user"),
                ModeSpec("system-if", prompt: "[{host}-{ctx}]", level: .config, parent: "system"),
            ],
            startMode: "user", privilegedStartMode: "user",
            commands: [
                CommandSpec("screen-length 0 temporary", in: ["user"], .pagingOff("Info: The configuration takes effect on the current user terminal interface only.")),
                CommandSpec("display version", .version),
                CommandSpec("display current-configuration ...", .runningConfig),
                CommandSpec("display logbuffer", .longOutput),
                CommandSpec("display interface brief", .text("""
                    PHY: Physical
                    *down: administratively down
                    ^down: standby
                    (l): loopback
                    (s): spoofing
                    (E): E-Trunk down
                    (b): BFD down
                    (B): Bit-error-detection down
                    (e): ETHOAM down
                    (dl): DLDP down
                    (d): Dampening Suppressed
                    InUti/OutUti: input utility/output utility
                    Interface                   PHY   Protocol  InUti OutUti   inErrors  outErrors
                    GigabitEthernet0/0/1        up    up        0.04%  0.11%          0          0
                    GigabitEthernet0/0/2        up    up        0.01%  0.01%          0          0
                    GigabitEthernet0/0/3        down  down         0%     0%          0          0
                    GigabitEthernet0/0/4        *down down         0%     0%          0          0
                    GigabitEthernet0/0/5        down  down         0%     0%          0          0
                    GigabitEthernet0/0/6        down  down         0%     0%          0          0
                    MEth0/0/1                   up    up        0.01%  0.01%          0          0
                    NULL0                       up    up(s)        0%     0%          0          0
                    Vlanif1                     up    up           --     --          0          0
                    XGigabitEthernet0/0/1       up    up        1.21%  0.87%          0          0
                    XGigabitEthernet0/0/2       down  down         0%     0%          0          0
                    """)),
                CommandSpec("system-view", in: ["user"], .enter("system", text: "Enter system view, return user view with Ctrl+Z.")),
                CommandSpec("return", in: ["system", "system-if"], .endConfig),
                CommandSpec("quit", .exitMode),
                CommandSpec("save", in: ["user"], .save),
            ],
            config: config,
            invalidCommand: "{caret}\nError: Unrecognized command found at '^' position.",
            versionText: """
            Huawei Versatile Routing Platform Software
            VRP (R) software, Version 5.170 (S5720 V200R019C10SPC500)
            Copyright (C) 2000-2020 HUAWEI TECH Co., Ltd.
            HUAWEI S5720-52X-EI-AC Routing Switch uptime is 84 days, 4 hours, 17 minutes

            ES5D2T52S005 0(Master) : uptime is 84 days, 4 hours, 16 minutes
            DDR             Memory Size : 512   M bytes
            FLASH Total     Memory Size : 512   M bytes
            FLASH Available Memory Size : 267   M bytes
            Pcb           Version   : VER.B
            BootROM       Version   : 020b.0001
            BootLoad      Version   : 020b.0001
            CPLD          Version   : 0106
            Software      Version   : VRP (R) Software, Version 5.170 (V200R019C10SPC500)
            FLASH         Version   : 0000.0000
            PWR1 information
            Pcb           Version   : PWR VER.A
            FAN information
            Pcb           Version   : NA
            """,
            logLine: "Mar  4 2025 09:{m}:{s} {host} %%01IFNET/4/LINK_STATE(l)[{n}]:The line protocol IP on the interface GigabitEthernet0/0/{i} has entered the UP state.")
        os.subModes = [SubModeSpec("interface +", mode: "system-if", from: ["system", "system-if"], context: .argumentsJoined)]
        os.pager = PagerSpec(prompt: "  ---- More ----", erase: "\u{1B}[42D                                          \u{1B}[42D")
        os.logHeader = "Logging buffer configuration and contents : enabled\nAllowed max buffer size : 1024\nActual buffer size : 512\nChannel number : 4 , Channel name : logbuffer\nDropped messages : 0\nOverwritten messages : 0\nCurrent messages : {count}"
        os.login.banner = "\nInfo: The max number of VTY users is 10, and the number\n      of current VTY users on line is 1.\n      The current login time is 2025-03-04 09:42:17."
        os.acceptsAbbreviations = true
        return os
    }()
}
