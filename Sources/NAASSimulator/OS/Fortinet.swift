extension SimulatedOS {
    /// Fortinet FortiOS 7.4 on a FortiGate-VM64: `host # `, config typed at the prompt in
    /// `config …` / `edit …` / `set …` / `next` / `end` blocks (`host (interface) # `), applied as typed
    /// and saved by `end`; no enable, no save command. The console pages (`--More--`) until
    /// `config system console` / `set output standard` / `end`, a setting of the device itself.
    public static let fortinet: SimulatedOS = {
        var config = ConfigSpec(
            accepted: ["set +"],
            invalidLine: "command parse error before '{word}'\nCommand fail. Return code -61",
            rendering: .closed(
                header: "#config-version=FGVM64-7.4.3-FW-build2573-240201:opmode=0:vdom=0:user={user}\n"
                    + "#conf_file_ver=3187461024931178\n#buildno=2573\n#global_vdom=1",
                footer: "", indent: "    ", closers: ["config": "end", "edit": "next"]))
        config.negation = "unset"
        config.storedPrefix = "set"
        config.singleValued = ["set": 2]
        config.initial = [
            "config system global",
            " set admintimeout 30",
            " set alias \"FortiGate-VM64\"",
            " set hostname \"{host}\"",
            " set timezone \"Europe/Berlin\"",
            "config system accprofile",
            " edit \"prof_admin\"",
            "  set secfabgrp read-write",
            "  set ftviewgrp read-write",
            "  set authgrp read-write",
            "  set sysgrp read-write",
            "  set netgrp read-write",
            "  set loggrp read-write",
            "  set fwgrp read-write",
            "  set vpngrp read-write",
            "  set utmgrp read-write",
            "  set wanoptgrp read-write",
            "  set wifi read-write",
            "config system interface",
            " edit \"port1\"",
            "  set vdom \"root\"",
            "  set ip 10.0.0.5 255.255.255.0",
            "  set allowaccess ping https ssh fgfm",
            "  set type physical",
            "  set description \"mgmt\"",
            "  set snmp-index 1",
            " edit \"port2\"",
            "  set vdom \"root\"",
            "  set ip 192.0.2.1 255.255.255.0",
            "  set allowaccess ping",
            "  set type physical",
            "  set description \"uplink-core1\"",
            "  set snmp-index 2",
            " edit \"port3\"",
            "  set vdom \"root\"",
            "  set type physical",
            "  set snmp-index 3",
            " edit \"ssl.root\"",
            "  set vdom \"root\"",
            "  set type tunnel",
            "  set alias \"SSL VPN interface\"",
            "  set snmp-index 4",
            "config system dns",
            " set primary 10.0.0.1",
            " set secondary 10.0.0.2",
            "config system ntp",
            " set ntpsync enable",
            " set type custom",
            " config ntpserver",
            "  edit 1",
            "   set server \"10.0.0.1\"",
            "config firewall address",
            " edit \"lan-net\"",
            "  set subnet 192.0.2.0 255.255.255.0",
            " edit \"all\"",
            "config firewall policy",
            " edit 1",
            "  set name \"lan-out\"",
            "  set srcintf \"port2\"",
            "  set dstintf \"port1\"",
            "  set action accept",
            "  set srcaddr \"lan-net\"",
            "  set dstaddr \"all\"",
            "  set schedule \"always\"",
            "  set service \"ALL\"",
            "  set nat enable",
            "config router static",
            " edit 1",
            "  set gateway 10.0.0.1",
            "  set device \"port1\"",
            "config log syslogd setting",
            " set status enable",
            " set server \"10.0.0.50\"",
            "config system console",
        ]
        var os = SimulatedOS(
            name: "fortinet",
            modes: [
                ModeSpec("top", prompt: "{host} # ", level: .config),
                ModeSpec("block", prompt: "{host} ({ctx}) # ", level: .config, parent: "top"),
                ModeSpec("entry", prompt: "{host} ({ctx}) # ", level: .config, parent: "block"),
            ],
            startMode: "top", privilegedStartMode: "top",
            commands: [
                CommandSpec("get system status", in: ["top"], .version),
                // `*` stands for the pipe: `|` separates alternatives in a pattern word.
                CommandSpec("get system status * grep Virtual", in: ["top"],
                            .text("Virtual domain configuration: disable")),
                CommandSpec("get system status * grep Version", in: ["top"],
                            .text("Version: FortiGate-VM64 v7.4.3,build2573,240201 (GA.F)")),
                CommandSpec("get system console", in: ["top"], .textByConfig(
                    line: "set output standard",
                    present: "output              : standard \nlogin               : enable \nfortiexplorer       : enable ",
                    absent: "output              : more \nlogin               : enable \nfortiexplorer       : enable ")),
                CommandSpec("get system performance status", in: ["top"], .text("""
                    CPU states: 0% user 0% system 0% nice 100% idle 0% iowait 0% irq 0% softirq
                    CPU0 states: 0% user 0% system 0% nice 100% idle 0% iowait 0% irq 0% softirq
                    CPU1 states: 0% user 0% system 0% nice 100% idle 0% iowait 0% irq 0% softirq
                    Memory: 2055872k total, 1198460k used (58.3%), 707076k free (34.4%), 150336k freeable (7.3%)
                    Average network usage: 12 / 9 kbps in 1 minute, 11 / 9 kbps in 10 minutes, 11 / 9 kbps in 30 minutes
                    Average sessions: 14 sessions in 1 minute, 13 sessions in 10 minutes, 13 sessions in 30 minutes
                    Average session setup rate: 0 sessions per second in last 1 minute, 0 sessions per second in last 10 minutes, 0 sessions per second in last 30 minutes
                    Virus caught: 0 total in 1 minute
                    IPS attacks blocked: 0 total in 1 minute
                    Uptime: 87 days,  4 hours,  17 minutes
                    """)),
                CommandSpec("get system arp", in: ["top"], .text("""
                    Address           Age(min)   Hardware Addr      Interface
                    10.0.0.1          0          00:09:0f:09:00:01 port1
                    10.0.0.50         2          52:54:00:12:34:32 port1
                    192.0.2.20        0          52:54:00:ab:cd:14 port2
                    192.0.2.21        7          52:54:00:ab:cd:15 port2
                    """)),
                CommandSpec("execute log filter ...", in: ["top"], .text("")),
                CommandSpec("execute log display", in: ["top"], .longOutput),
                CommandSpec("show", .runningConfig),
                CommandSpec("show full-configuration ...", .runningConfig),
                CommandSpec("show system|firewall|router|log|user|vpn|switch-controller|wireless-controller +",
                            .runningConfig),
                CommandSpec("next", in: ["entry"], .exitMode),
                CommandSpec("end", in: ["block", "entry"], .endConfig),
                CommandSpec("abort", in: ["block", "entry"], .endConfig),
                CommandSpec("exit", in: ["top"], .exitMode),
            ],
            config: config,
            invalidCommand: "Unknown action 0",
            versionText: """
            Version: FortiGate-VM64 v7.4.3,build2573,240201 (GA.F)
            First GA patch build date: 230509
            Security Level: 2
            Firmware Signature: certified
            Virus-DB: 92.01234(2025-03-04 08:25)
            Extended DB: 92.01234(2025-03-04 08:25)
            Extreme DB: 1.00000(2018-04-09 18:07)
            AV AI/ML Model: 3.01123(2025-03-04 03:50)
            IPS-DB: 29.00963(2025-03-03 01:18)
            IPS-ETDB: 0.00000(2001-01-01 00:00)
            APP-DB: 29.00963(2025-03-03 01:18)
            FMWP-DB: 24.00105(2025-02-27 16:44)
            IPS Malicious URL Database: 5.00123(2025-03-04 04:01)
            IoT-Detect: 0.00000(2022-08-17 17:31)
            OT-Detect-DB: 0.00000(2001-01-01 00:00)
            OT-Patch-DB: 0.00000(2001-01-01 00:00)
            OT-Threat-DB: 6.00100(2025-02-28 12:19)
            IPS-Engine: 7.00521(2024-01-24 23:37)
            Serial-Number: FGVMSLTM24001234
            License Status: Valid
            VM Resources: 2 CPU/2 allowed, 2008 MB RAM/2048 MB allowed
            Log hard disk: Available
            Hostname: {host}
            Private Encryption: Disable
            Operation Mode: NAT
            Current virtual domain: root
            Max number of virtual domains: 10
            Virtual domains status: 1 in NAT mode, 0 in TP mode
            Virtual domain configuration: disable
            FIPS-CC mode: disable
            Current HA mode: standalone
            Branch point: 2573
            Release Version Information: GA
            FortiOS x86-64: Yes
            System time: Tue Mar  4 09:42:17 2025
            Last reboot reason: warm reboot
            """,
            logLine: "{n}: date=2025-03-04 time={h}:{m}:{s} eventtime=1741081{m}{s}000000000 tz=\"+0100\" "
                + "logid=\"0100032001\" type=\"event\" subtype=\"system\" level=\"information\" vd=\"root\" "
                + "logdesc=\"Admin login successful\" sn=\"17410{n}\" user=\"admin\" ui=\"ssh(10.0.0.50)\" "
                + "method=\"ssh\" srcip=10.0.0.50 dstip=10.0.0.5 action=\"login\" status=\"success\" "
                + "reason=\"none\" profile=\"super_admin\" msg=\"Administrator admin logged in successfully from ssh(10.0.0.50)\"")
        os.modes[0].lineRejection = "Unknown action 0"
        os.subModes = [
            SubModeSpec("config +", mode: "block", from: ["top", "block", "entry"], context: .lastWord),
            SubModeSpec("edit *", mode: "entry", from: ["block"], context: .lastWord),
        ]
        os.logHeader = "{count} logs found.\n{count} logs returned.\n"
        os.pager = PagerSpec(prompt: "--More-- ", erase: "\r         \r")
        os.pager.offWhileConfigured = "set output standard"
        return os
    }()
}
