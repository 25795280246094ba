extension SimulatedOS {
    /// Extreme Networks ExtremeXOS 31.7 on an X440-G2: one admin prompt that counts commands
    /// (`host.12 # `) and carries `* ` while applied changes are unsaved; no config mode.
    public static let extremeEXOS: SimulatedOS = {
        var config = ConfigSpec(
            accepted: startingWith(["configure", "create", "enable", "disable", "unconfigure"]),
            invalidLine: "{caret}\n%% Invalid input detected at '^' marker.",
            rendering: .flat(header: "#\n# Module devmgr configuration.\n#", footer: "", indent: ""))
        config.negation = "delete"
        config.storedPrefix = "create"
        config.unsavedMarker = "* "
        config.initial = [
            "configure snmp sysName \"{host}\"", "configure snmp sysContact \"noc@example.net\"",
            "configure sys-recovery-level switch reset", "create vlan \"mgmt-10\"", "configure vlan mgmt-10 tag 10",
            "configure vlan Mgmt ipaddress 10.0.0.4 255.255.255.0", "configure iproute add default 10.0.0.1 vr VR-Mgmt",
            "configure ports 1 description-string \"uplink-core1\"", "enable sntp-client",
            "configure sntp-client primary 10.0.0.1 vr VR-Mgmt", "configure syslog add 10.0.0.50:514 vr VR-Mgmt local0",
            "enable ssh2", "disable telnet",
        ]
        config.save = SaveSpec(done: "Saving configuration on master ............. done!\nConfiguration saved to primary.cfg successfully.")
        var os = SimulatedOS(
            name: "extreme_exos",
            modes: [ModeSpec("admin", prompt: "{unsaved}{host}.{n} # ", level: .config)],
            startMode: "admin", privilegedStartMode: "admin",
            commands: [
                CommandSpec("disable clipaging", .pagingOff("")),
                CommandSpec("enable clipaging", .text("")),
                CommandSpec("disable cli prompting", .text("")),
                CommandSpec("enable cli prompting", .text("")),
                CommandSpec("show version ...", .version),
                CommandSpec("show log ...", .longOutput),
                CommandSpec("show ports information", .text("""
                    Port      Flags               Link      ELSM Link Num Num  Num   Jumbo QOS     Load
                                                  State     /OAM UPS  STP VLAN Proto Size  profile Master
                    =====================================================================================
                    1         Em------e--fMB---x- active    - / -  1    1    2   1   9216  none
                    2         Em------e--fMB---x- active    - / -  1    1    1   1   9216  none
                    3         Em------e--fMB---x- ready     - / -  0    1    1   1   9216  none
                    4         Em------e--fMB---x- ready     - / -  0    1    1   1   9216  none
                    5         Dm------e--fMB---x- ready     - / -  0    1    1   1   9216  none
                    6         Em------e--fMB---x- ready     - / -  0    1    1   1   9216  none
                    7         Em------e--fMB---x- ready     - / -  0    1    1   1   9216  none
                    8         Em------e--fMB---x- ready     - / -  0    1    1   1   9216  none
                    =====================================================================================
                    > indicates Port Display Name truncated past 8 characters
                    Flags : a - Load Sharing Algorithm address-based, D - Port Disabled,
                            e - Extended Diagnostics Enabled, E - Port Enabled,
                            f - Unicast Flooding Enabled, m - MACLearning Enabled,
                            M - Multicast Flooding Enabled, B - Broadcast Flooding Enabled,
                            x - Port-Isolation Disabled
                    """)),
                CommandSpec("show configuration ...", .runningConfig),
                CommandSpec("save configuration ...", .save),
                CommandSpec("exit", .exitMode),
                CommandSpec("logout", .exitMode),
                CommandSpec("quit", .exitMode),
            ],
            config: config,
            invalidCommand: "{caret}\n%% Invalid input detected at '^' marker.",
            versionText: """
            Switch      : 800616-00-04 1622G-00123 Rev 4.0 BootROM: 2.0.1.7    IMG: 31.7.1.4
            PSU-1       : Internal PSU-1 800616-00-04 1622G-00123
            PSU-2       :

            Image   : ExtremeXOS version 31.7.1.4 by release-manager
                      on Thu Jan 19 13:02:14 EST 2023
            Diagnostics : 5.17
            Certified Version : EXOS Linux  4.9.203, FIPS fips-ecp-2.0.16
            """,
            logLine: "03/04/2025 09:{m}:{s}.{i} <Info:vlan.msgs.portLinkStateUp> Port {i} link UP at speed 1 Gbps and full-duplex")
        os.pager = PagerSpec(prompt: "Press <SPACE> to continue or <Q> to quit:",
                             erase: "\r                                         \r")
        os.login.banner = """

        ExtremeXOS
        Copyright (C) 1996-2023 Extreme Networks. All rights reserved.
        This product is protected by one or more US patents listed at https://www.extremenetworks.com/patents along with their foreign counterparts.
        ==============================================================================

        You are connected to a Switch. Press the <tab> or '?' key at any time for help.

        """
        os.login.usernamePrompt = "login: "
        os.login.passwordPrompt = "password: "
        os.login.failure = "Login incorrect"
        os.badPassword = "Login incorrect"
        return os
    }()
}
