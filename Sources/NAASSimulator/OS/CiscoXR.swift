extension SimulatedOS {
    /// Cisco IOS XR 7.5 on an ASR 9901: candidate config, `commit`, uncommitted-changes question.
    public static let ciscoXR: SimulatedOS = {
        var style = CiscoStyle(name: "cisco_xr", versionText: """

            Cisco IOS XR Software, Version 7.5.2
            Copyright (c) 2013-2022 by Cisco Systems, Inc.

            Build Information:
             Built By     : ingunawa
             Built On     : Tue Jul 19 17:18:42 PDT 2022
             Built Host   : iox-ucs-025
             Workspace    : /auto/srcarchive15/prod/7.5.2/asr9k-x64/ws
             Version      : 7.5.2
             Location     : /opt/cisco/XR/packages/
             Label        : 7.5.2

            cisco ASR9K () processor
            System uptime is 12 weeks 3 days 4 hours 17 minutes
            """,
            logLine: "RP/0/RSP0/CPU0:Mar  4 09:{m}:{s}.{n} UTC: ifmgr[{n}]: %PKT_INFRA-LINK-3-UPDOWN : Interface TenGigE0/0/0/{i}, changed state to Up")
        style.invalidCommand = "{caret}\n% Invalid input detected at '^' marker."
        style.commands = [
            CommandSpec("terminal width *", .text("")),
            CommandSpec("terminal length *", .pagingOff("")),
            CommandSpec("show version brief", .version),
            CommandSpec("show ip|ipv4 interface brief", .text("""

                Interface                      IP-Address      Status          Protocol Vrf-Name
                Loopback0                      192.0.2.255     Up              Up       default
                MgmtEth0/RSP0/CPU0/0           10.0.0.11       Up              Up       default
                TenGigE0/0/0/0                 192.0.2.0       Up              Up       default
                TenGigE0/0/0/1                 unassigned      Up              Up       default
                TenGigE0/0/0/2                 unassigned      Down            Down     default 
                TenGigE0/0/0/3                 unassigned      Shutdown        Down     default 
                TenGigE0/0/0/4                 unassigned      Shutdown        Down     default 
                TenGigE0/0/0/5                 unassigned      Shutdown        Down     default 
                """)),
            CommandSpec("commit ...", in: ["config", "config-if"], .commit),
            CommandSpec("abort", in: ["config", "config-if"], .endConfigDiscard),
            CommandSpec("show configuration", in: ["config", "config-if"], .candidateConfig),
        ]
        style.saveCommands = []
        style.prompts = ("RP/0/RSP0/CPU0:{host}#", "RP/0/RSP0/CPU0:{host}#", "RP/0/RSP0/CPU0:{host}(config)#",
                         "RP/0/RSP0/CPU0:{host}(config-if)#")
        style.header = "Building configuration...\n!! IOS XR Configuration 7.5.2\n!! Last configuration change at Tue Mar  4 09:41:58 2025 by {user}\n!"
        style.initial = [
            "hostname {host}", "clock timezone UTC 0", "logging console informational",
            "username admin", " group root-lr", " group cisco-support",
            "interface MgmtEth0/RSP0/CPU0/0", " ipv4 address 10.0.0.11 255.255.255.0",
            "interface TenGigE0/0/0/0", " description to-core1", " ipv4 address 192.0.2.0 255.255.255.254",
            "router static", " address-family ipv4 unicast", "  0.0.0.0/0 10.0.0.1", "ssh server v2",
        ]
        style.keywords += ["ipv4", "group", "address-family", "router", "ssh"]
        var os = style.build()
        os.startMode = "enable"
        os.config.commit = CommitSpec(
            success: "",
            noChanges: "% No modifications to commit.",
            exitQuestion: Question("Uncommitted changes found, commit them before exiting(yes/no/cancel)? [cancel]:",
                                   answers: ["yes": .commitAndProceed, "no": .discardAndProceed, "cancel": .abort, "": .abort]))
        os.config.save = nil
        return os
    }()
}
