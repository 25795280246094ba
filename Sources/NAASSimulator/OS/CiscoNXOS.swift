extension SimulatedOS {
    /// Cisco NX-OS 9.3 on a Nexus 9300.
    public static let ciscoNXOS: SimulatedOS = {
        var style = CiscoStyle(name: "cisco_nxos", versionText: """
            Cisco Nexus Operating System (NX-OS) Software
            TAC support: http://www.cisco.com/tac
            Documents: http://www.cisco.com/en/US/products/ps9372/tsd_products_support_series_home.html
            Copyright (c) 2002-2023, Cisco Systems, Inc. All rights reserved.
            The copyrights to certain works contained herein are owned by
            other third parties and are used and distributed under license.
            Some parts of this software are covered under the GNU Public
            License. A copy of the license is available at
            http://www.gnu.org/licenses/gpl.html.

            Software
              BIOS: version 05.47
              NXOS: version 9.3(11)
              BIOS compile time:  04/28/2022
              NXOS image file is: bootflash:///nxos.9.3.11.bin
              NXOS compile time:  3/23/2023 12:00:00 [03/24/2023 02:27:31]

            Hardware
              cisco Nexus9000 C93180YC-EX chassis
              Intel(R) Xeon(R) CPU  @ 1.80GHz with 24569452 kB of memory.
              Processor Board ID FDO21120U8M

              Device name: {host}
              bootflash:   53298520 kB
            Kernel uptime is 84 day(s), 4 hour(s), 17 minute(s), 3 second(s)

            Last reset
              Reason: Unknown
              System version: 9.3(11)
            """,
            logLine: "2025 Mar  4 09:{m}:{s} {host} %ETHPORT-5-IF_UP: Interface Ethernet1/{i} is up in mode access")
        style.invalidCommand = "{caret}\n% Invalid command at '^' marker."
        style.commands = [
            CommandSpec("terminal width *", .text("")),
            CommandSpec("terminal length *", .pagingOff("")),
            CommandSpec("show interface status", .text("""

                --------------------------------------------------------------------------------
                Port          Name               Status    Vlan      Duplex  Speed   Type
                --------------------------------------------------------------------------------
                mgmt0         --                 connected routed    full    1000    --
                Eth1/1        uplink             connected trunk     full    25G     SFP-H25GB-CU3M
                Eth1/2        --                 connected trunk     full    25G     SFP-H25GB-CU3M
                Eth1/3        esx-07 vmnic0      connected 10        full    10G     10Gbase-SR
                Eth1/4        esx-07 vmnic1      connected 10        full    10G     10Gbase-SR
                Eth1/5        --                 notconnec 1         auto    auto    10Gbase-SR
                Eth1/6        --                 disabled  1         auto    auto    10Gbase-SR
                Eth1/7        --                 xcvrAbsen 1         auto    auto    --
                Eth1/8        --                 xcvrAbsen 1         auto    auto    --
                Eth1/49       --                 xcvrAbsen routed    auto    auto    --
                Eth1/50       --                 xcvrAbsen routed    auto    auto    --
                Vlan1         --                 down      routed    auto    auto    --
                """)),
        ]
        style.longCommand = "show logging logfile"
        style.saveCommands = ["copy running-config startup-config"]
        style.save = SaveSpec(done: "[########################################] 100%\nCopy complete, now saving to disk (please wait)...\nCopy complete.")
        style.header = "\n!Command: show running-config\n!Running configuration last done at: Tue Mar  4 09:41:58 2025\n!Time: Tue Mar  4 09:42:17 2025\n\nversion 9.3(11) Bios:version 05.47"
        style.footer = ""
        style.initial = [
            "hostname {host}", "feature ssh", "feature interface-vlan", "feature lldp",
            "username admin password 5 $5$KIAGPM$Vb0 role network-admin", "ip domain-lookup",
            "vlan 1", "vrf context management", "  ip route 0.0.0.0/0 10.0.0.1",
            "interface Ethernet1/1", "  description uplink", "interface Ethernet1/2",
            "interface mgmt0", "  vrf member management", "  ip address 10.0.0.4/24",
            "line console", "line vty", "boot nxos bootflash:/nxos.9.3.11.bin",
        ]
        style.keywords += ["vrf", "boot", "line"]
        return style.build()
    }()
}
