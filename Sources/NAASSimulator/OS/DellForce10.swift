extension SimulatedOS {
    /// Dell Networking OS9 (FTOS) on an S4810.
    public static let dellForce10: SimulatedOS = {
        var style = CiscoStyle(name: "dell_force10", versionText: """
            Dell Real Time Operating System Software
            Dell Operating System Version: 2.0
            Dell Application Software Version: 9.14(2.16)
            Copyright (c) 1999-2022 by Dell Inc. All Rights Reserved.
            Build Time: Fri Mar 18 02:13:29 2022
            Build Path: /build/build01/SW/SRC
            Dell Networking OS uptime is 12 week(s), 3 day(s), 4 hour(s), 17 minute(s)

            System image file is "system://A"

            System Type: S4810
            Control Processor: Freescale QorIQ P2020 with 2147483648 bytes of memory, core(s) 2.

            128M bytes of boot flash memory.

              1 52-port GE/TE/FG (SE)
             48 Ten GigabitEthernet/IEEE 802.3 interface(s)
              4 Forty GigabitEthernet/IEEE 802.3 interface(s)
            """,
            logLine: "Mar  4 09:{m}:{s}: %STKUNIT0-M:CP %IFMGR-5-OSTATE_UP: Changed interface state to up: Te 0/{i}")
        style.invalidCommand = "{caret}\n% Error: Invalid input at \"^\" marker."
        style.commands = [
            CommandSpec("terminal length *", .pagingOff("")),
            CommandSpec("show ip interface brief", .text("""
                Interface                      IP-Address      OK Method Status                Protocol
                TenGigabitEthernet 0/0         unassigned      NO None   up                    down
                TenGigabitEthernet 0/1         unassigned      YES None  up                    up
                TenGigabitEthernet 0/2         unassigned      YES None  up                    up
                TenGigabitEthernet 0/3         unassigned      NO None   up                    down
                TenGigabitEthernet 0/4         unassigned      NO None   down                  down
                fortyGigE 0/48                 unassigned      NO None   down                  down
                fortyGigE 0/52                 unassigned      NO None   down                  down
                ManagementEthernet 0/0         10.0.0.5        YES Manual up                    up
                Vlan 1                         unassigned      NO None   up                    down
                """)),
        ]
        style.prompts = ("{host}>", "{host}#", "{host}(conf)#", "{host}(conf-if)#")
        style.save = SaveSpec(done: "!\nMar  4 09:42:17: %STKUNIT0-M:CP %FILEMGR-5-FILESAVED: Copied running-config to startup-config in flash by default")
        style.header = "Current Configuration ...\n! Version 9.14(2.16)\n! Last configuration change at Tue Mar  4 09:41:58 2025 by admin\n!"
        style.initial = [
            "boot system stack-unit 0 primary system://A", "redundancy auto-synchronize full", "hostname {host}",
            "enable password 7 b125455cf679b208e79b910e85789edf", "username admin password 7 1d28e9f33f99cf5c privilege 15",
            "interface TenGigabitEthernet 0/1", " description uplink", " no ip address", " no shutdown",
            "interface ManagementEthernet 0/0", " ip address 10.0.0.5/24", " no shutdown",
            "ip ssh server enable", "line console 0", "line vty 0",
        ]
        style.keywords += ["line", "boot", "redundancy"]
        style.pager = PagerSpec(prompt: " --More-- ", erase: "\r          \r")
        return style.build()
    }()
}
