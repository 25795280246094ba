extension SimulatedOS {
    /// HPE Aruba 2920-24G-PoE+ (J9727A) running ProVision WB.16.10: `Press any key to continue` after
    /// login, `enable` asking for the manager name and password, `no page` only once privileged, and a
    /// log-out that asks before it closes.
    public static let hpProCurve: SimulatedOS = {
        var style = CiscoStyle(name: "hp_procurve", versionText: """
            Image stamp:    /ws/swbuildm/rel_ukiah_qaoff/code/build/bom(swbuildm_rel_ukiah_qaoff_rel_ukiah)
                            Mar 21 2020 11:51:02
                            WB.16.10.0012
                            1223
            Boot Image:     Primary

            Boot ROM Version:    WB.16.03
            Active Boot ROM:     Primary
            """,
            logLine: "I 03/04/25 {h}:{m}:{s} 00076 ports: port {i} is now on-line")
        style.invalidCommand = "Invalid input: {word}"
        style.configure = "configure terminal"
        style.commands = [
            CommandSpec("no page", level: .privileged, .pagingOff("")),
            CommandSpec("terminal width *", .text("")),
            CommandSpec("terminal length *", .text("")),
            CommandSpec("write memory", level: .config, .save),
            CommandSpec("show running-config ...", level: .config, .runningConfig),
            CommandSpec("show config ...", level: .privileged, .runningConfig),
            CommandSpec("show system", .text("""

                 Status and Counters - General System Information

                  System Name        : {host}
                  System Contact     : noc@example.net
                  System Location    : lab rack 4

                  MAC Age Time (sec) : 300

                  Time Zone          : 0
                  Daylight Time Rule : None

                  Software revision  : WB.16.10.0012        Base MAC Addr      : 9cdc71-4a2b00
                  ROM Version        : WB.16.03             Serial Number      : SG83JQN0B1

                  Up Time            : 84 days            Memory   - Total   : 333,447,168
                  CPU Util (%)       : 3                               Free    : 214,221,856

                  IP Mgmt  - Pkts Rx : 8,412,907            Packet   - Total   : 6600
                             Pkts Tx : 3,177,210            Buffers    Free    : 4977
                                                                       Lowest  : 4872
                                                                       Missed  : 0
                """)),
            CommandSpec("show interfaces brief", .text("""

                 Status and Counters - Port Status

                                   | Intrusion                           MDI  Flow
                  Port  Type       | Alert     Enabled Status Mode       Mode Ctrl
                  ----- ---------- + --------- ------- ------ ---------- ---- ----

                """ + (1...24).map { port in
                    let up = port <= 4
                    return "  \(port)".padding(to: 8) + "100/1000T  | No        Yes     " + (up ? "Up     1000FDx    MDIX" : "Down   1000FDx    Auto") + " off"
                }.joined(separator: "\n"))),
            CommandSpec("logout", .logout("")),
        ]
        style.showConfig = ["show running-config ..."]
        style.longCommand = "show logging ..."
        style.logHeader = """
             Keys:   W=Warning   I=Information
                     M=Major     D=Debug E=Error
            ----  Event Log listing: Events Since Boot  ----
            """
        style.prompts = ("{host}>", "{host}#", "{host}(config)#", "{host}(eth-{ctx})#")
        style.header = """
            Running configuration:

            ; J9727A Configuration Editor; Created on release #WB.16.10.0012
            ; Ver #14:41.44.00.04.19.02.13.98.82.34.61.18.28.f3.84.9c.63.ff.37.27:05
            """
        style.footer = ""
        style.keywords = ["hostname", "name", "vlan", "untagged", "tagged", "ip", "ipv6", "interface", "snmp-server",
                          "logging", "sntp", "timesync", "time", "module", "password", "no", "disable", "enable",
                          "spanning-tree", "trunk", "lldp", "aaa", "console", "crypto", "include-credentials",
                          "oobm", "speed-duplex", "power-over-ethernet", "loop-protect", "dhcp-snooping",
                          "radius-server", "web-management", "rest-interface", "banner"]
        style.initial = [
            "hostname \"{host}\"", "module 1 type j9727a", "console idle-timeout 900",
            "include-credentials", "timesync sntp", "sntp unicast", "sntp server priority 1 10.0.0.1",
            "ip default-gateway 10.0.0.1", "logging 10.0.0.50", "snmp-server community \"public\" unrestricted",
            "vlan 1", " name \"DEFAULT_VLAN\"", " untagged 1-28", " ip address 10.0.0.7 255.255.255.0",
            "interface 1", " name \"uplink-core1\"",
            "spanning-tree", "password manager",
        ]
        style.pager = PagerSpec(prompt: "-- MORE --, next page: Space, next line: Enter, quit: Control-C",
                                erase: "\r" + String(repeating: " ", count: 63) + "\r")
        style.login.banner = """
            HP J9727A 2920-24G-PoE+ Switch
            Software revision WB.16.10.0012

            (C) Copyright 2020 Hewlett Packard Enterprise Development LP

                               RESTRICTED RIGHTS LEGEND
             Confidential computer software. Valid license from Hewlett Packard Enterprise
             Development LP required for possession, use or copying. Consistent with FAR
             12.211 and 12.212, Commercial Computer Software, Computer Software
             Documentation, and Technical Data for Commercial Items are licensed to the
             U.S. Government under vendor's standard commercial license.

            We'd like to keep you up to date about:
              * Software feature updates
              * New product announcements
              * Special events

            Please register your products now at:  www.hpe.com/networking/register

            """
        style.login.question = Question("Press any key to continue", singleKey: true, answers: [:], otherwise: .proceed)
        style.login.unsavedLogoutQuestion = Question("Do you want to save the current configuration [y/n/^C]? ",
                                                     answers: [:], otherwise: .proceed)
        style.login.logoutQuestion = Question("Do you want to log out [y/n]? ",
                                              answers: ["y": .proceed, "yes": .proceed], otherwise: .abort)
        var os = style.build()
        os.modes.append(ModeSpec("config-vlan", prompt: "{host}(vlan-{ctx})#", level: .config, parent: "config"))
        os.commands.insert(CommandSpec("end", in: ["config-vlan"], .endConfig), at: 0)
        os.subModes = [
            SubModeSpec("interface +", mode: "config-if", from: ["config", "config-if", "config-vlan"], context: .argumentsJoined),
            SubModeSpec("vlan *", mode: "config-vlan", from: ["config", "config-if", "config-vlan"], context: .argumentsJoined),
        ]
        os.config.rendering = .indented(header: style.header, footer: "", indent: "   ", separator: "   exit")
        os.passwordPrompt = "Password: "
        os.enableUsernamePrompt = "Username: "
        os.badPassword = "Invalid password"
        return os
    }()
}
