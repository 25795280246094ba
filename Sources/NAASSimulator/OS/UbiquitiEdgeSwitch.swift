extension SimulatedOS {
    /// Ubiquiti EdgeSwitch ES-48 (FASTPATH-based CLI).
    public static let ubiquitiEdgeSwitch: SimulatedOS = {
        var style = CiscoStyle(name: "ubiquiti_edgeswitch", versionText: """

            Switch: 1

            System Description............................. EdgeSwitch 48-Port 500W, 1.9.3.5358040, Linux 3.6.5-f4a26ed5, 0.0.0.0000000
            Machine Type................................... EdgeSwitch 48-Port 500W
            Machine Model.................................. ES-48-500W
            Serial Number.................................. 788A20A11234
            Burned In MAC Address.......................... 78:8A:20:A1:12:34
            Software Version............................... 1.9.3.5358040

            """,
            logLine: "<190> Mar  4 09:{m}:{s} 10.0.0.8-1 TRAPMGR[{n}]: traputil.c(721) {n} %% Link Up: 0/{i}")
        style.invalidCommand = "{caret}\n% Invalid input detected at '^' marker."
        style.configure = "configure"
        style.endCommand = "end"
        style.commands = [
            CommandSpec("terminal length *", .pagingOff("")),
            CommandSpec("show vlan", .text("""

                VLAN ID VLAN Name                        VLAN Type
                ------- -------------------------------- -------------------
                1       default                          Default
                10      servers                          Static
                20      voice                            Static
                """)),
        ]
        style.prompts = ("({host}) >", "({host}) #", "({host}) (Config)#", "({host}) (Interface {ctx})#")
        style.save = SaveSpec(questions: [.yesNo("\nAre you sure you want to save? (y/n) ", defaultYes: false)],
                              done: "\nConfig file 'startup-config' created successfully .\n\nConfiguration Saved!",
                              aborted: "\nConfiguration Not Saved!")
        style.header = "!Current Configuration:\n!\n!System Description \"EdgeSwitch 48-Port 500W, 1.9.3.5358040, Linux 3.6.5-f4a26ed5\"\n!System Software Version \"1.9.3.5358040\"\n!System Up Time          \"84 days 4 hrs 17 mins 3 secs\"\n!Additional Packages     FASTPATH QOS,FASTPATH IPv6 Management\n!Current SNTP Synchronized Time: SNTP Client Mode Is Disabled\n!"
        style.footer = "exit"
        style.initial = [
            "hostname \"{host}\"", "network protocol none", "network parms 10.0.0.8 255.255.255.0 10.0.0.1",
            "vlan database", "exit", "configure", "username \"admin\" password 5f4dcc3b5aa765d61d8327deb882cf99 level 15 encrypted",
            "line console", "exit", "line telnet", "exit", "line ssh", "exit", "snmp-server sysname \"{host}\"",
            "interface 0/1", "description 'uplink'", "exit",
        ]
        style.keywords += ["exit", "configure", "line", "network"]
        style.pager = PagerSpec(prompt: "--More-- or (q)uit", erase: "\r                  \r")
        var os = style.build()
        os.subModes = [SubModeSpec("interface +", mode: "config-if", from: ["config", "config-if"], context: .argumentsJoined)]
        return os
    }()
}
