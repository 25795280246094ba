extension SimulatedOS {
    /// Dell EMC SmartFabric OS10 10.5 on an S4148F-ON.
    public static let dellOS10: SimulatedOS = {
        var style = CiscoStyle(name: "dell_os10", versionText: """
            Dell EMC Networking OS10 Enterprise
            Copyright (c) 1999-2023 by Dell Inc. All Rights Reserved.
            OS Version: 10.5.4.4
            Build Version: 10.5.4.4.120
            Build Time: 2023-01-18T19:51:12+0000
            System Type: S4148F-ON
            Architecture: x86_64
            Up Time: 12 weeks 3 days 04:17:12
            """,
            logLine: "<165>1 2025-03-04T09:{m}:{s}.{n}+00:00 {host} dn_alm 1012 - - Node.1-Unit.1:PRI [event], Dell EMC (OS10) %IFM_OSTATE_UP: Interface operational state is up :ethernet1/1/{i}")
        style.invalidCommand = "% Error: Unrecognized command."
        style.commands = [CommandSpec("terminal length *", .pagingOff(""))]
        style.showConfig = ["show running-configuration ...", "show running-config ..."]
        style.longCommand = "show logging log-file"
        style.saveCommands = ["copy running-configuration startup-configuration", "write memory"]
        style.save = SaveSpec(done: "")
        style.header = "! Version 10.5.4.4\n! Last configuration change at Mar  04 09:41:58 2025\n!"
        style.footer = "!"
        style.initial = [
            "ip vrf default", "iscsi target port 860", "hostname {host}",
            "username admin password **** role sysadmin priv-lvl 15",
            "interface ethernet1/1/1", " description uplink", " no shutdown", " switchport access vlan 1",
            "interface mgmt1/1/1", " no shutdown", " ip address 10.0.0.6/24",
            "management route 0.0.0.0/0 10.0.0.1", "snmp-server contact \"Contact Support\"",
        ]
        style.keywords += ["management", "iscsi"]
        style.prompts = ("{host}>", "{host}#", "{host}(config)#", "{host}(conf-if-{ctx})#")
        var os = style.build()
        os.startMode = "enable"
        os.subModes = [SubModeSpec("interface +", mode: "config-if", from: ["config", "config-if"], context: .argumentsJoined)]
        os.pager = PagerSpec(prompt: "--more--", erase: "\r        \r")
        return os
    }()
}
