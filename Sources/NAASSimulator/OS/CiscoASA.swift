extension SimulatedOS {
    /// Cisco ASA 9.16 on an ASA 5516-X.
    public static let ciscoASA: SimulatedOS = {
        var style = CiscoStyle(name: "cisco_asa", versionText: """

            Cisco Adaptive Security Appliance Software Version 9.16(4)
            SSP Operating System Version 2.10(1.162)
            Device Manager Version 7.18(1)

            Compiled on Thu 11-May-23 05:34 GMT by builders
            System image file is "disk0:/asa9-16-4-lfbff-k8.SPA"
            Config file at boot was "startup-config"

            {host} up 84 days 4 hours

            Hardware:   ASA5516, 8192 MB RAM, CPU Atom C2000 series 2416 MHz, 1 CPU (8 cores)
            Internal ATA Compact Flash, 8192MB
            BIOS Flash M25P64 @ 0xfed01000, 16384KB

             0: Int: Internal-Data0/0    : address is 00a7.42c5.1a21, irq 11
             1: Ext: GigabitEthernet1/1  : address is 00a7.42c5.1a22, irq 5
             2: Ext: GigabitEthernet1/2  : address is 00a7.42c5.1a23, irq 5
             3: Ext: Management1/1       : address is 00a7.42c5.1a2a, irq 0

            Licensed features for this platform:
            Maximum Physical Interfaces       : Unlimited      perpetual
            Maximum VLANs                     : 150            perpetual
            Inside Hosts                      : Unlimited      perpetual
            Failover                          : Active/Active  perpetual

            Serial Number: JAD2129075A
            Configuration register is 0x1
            Configuration last modified by enable_15 at 09:41:58.132 UTC Tue Mar 4 2025
            """,
            logLine: "Mar 04 2025 09:{m}:{s}: %ASA-6-302013: Built outbound TCP connection {n} for outside:203.0.113.{i}/443 (203.0.113.{i}/443) to inside:10.0.0.{i}/5{n} (198.51.100.7/5{n})")
        style.invalidCommand = "{caret}\nERROR: % Invalid input detected at '^' marker."
        style.commands = [
            CommandSpec("show curpriv", .text("Username : enable_1\nCurrent privilege level : 1\nCurrent Mode/s : P_UNPR")),
            CommandSpec("terminal pager *", .pagingOff("")),
            CommandSpec("terminal width *", .text("")),
            CommandSpec("show interface ip brief", .text("""
                Interface                  IP-Address      OK? Method Status                Protocol
                Virtual0                   127.1.0.1       YES unset  up                    up
                GigabitEthernet1/1         203.0.113.2     YES CONFIG up                    up
                GigabitEthernet1/2         10.0.0.1        YES CONFIG up                    up
                GigabitEthernet1/3         unassigned      YES unset  administratively down down
                GigabitEthernet1/4         unassigned      YES unset  administratively down down
                GigabitEthernet1/5         unassigned      YES unset  administratively down down
                GigabitEthernet1/6         unassigned      YES unset  administratively down down
                GigabitEthernet1/7         unassigned      YES unset  administratively down down
                GigabitEthernet1/8         unassigned      YES unset  administratively down down
                Internal-Control1/1        127.0.1.1       YES unset  up                    up
                Internal-Data1/1           unassigned      YES unset  up                    up
                Internal-Data1/2           unassigned      YES unset  down                  down
                Internal-Data1/3           unassigned      YES unset  up                    up
                Internal-Data1/4           169.254.1.1     YES unset  up                    up
                Management1/1              unassigned      YES unset  up                    up
                """)),
            CommandSpec("write memory", in: ["enable", "config"], .save),
        ]
        style.saveCommands = ["copy running-config startup-config"]
        style.save = SaveSpec(done: "Building configuration...\nCryptochecksum: 3f2a8c1e 9b7d4e05 61c2a9f0 8d3e1b77 \n\n7213 bytes copied in 0.150 secs\n[OK]")
        style.pager = PagerSpec(prompt: "<--- More --->", erase: "\r              \r")
        style.header = ": Saved\n\n:\n: Serial Number: JAD2129075A\n: Hardware:   ASA5516, 8192 MB RAM, CPU Atom C2000 series 2416 MHz, 1 CPU (8 cores)\n:\nASA Version 9.16(4)\n!"
        style.footer = "!\nCryptochecksum:3f2a8c1e9b7d4e0561c2a9f08d3e1b77\n: end"
        style.keywords += ["nameif", "security-level", "object", "object-group", "access-group", "route", "nat",
                           "subnet", "host", "domain-name", "dns", "pager", "mtu", "icmp", "ssh", "http", "timeout"]
        style.initial = [
            "hostname {host}", "domain-name lab.example.net", "enable password ***** pbkdf2", "names",
            "interface GigabitEthernet1/1", " nameif outside", " security-level 0", " ip address 203.0.113.2 255.255.255.0",
            "interface GigabitEthernet1/2", " nameif inside", " security-level 100", " ip address 10.0.0.1 255.255.255.0",
            "object network inside-net", " subnet 10.0.0.0 255.255.255.0", "pager lines 24", "mtu outside 1500",
            "mtu inside 1500", "route outside 0.0.0.0 0.0.0.0 203.0.113.1 1", "ssh 10.0.0.0 255.255.255.0 inside",
            "ssh version 2", "timeout 3:00:00",
        ]
        style.interfacePattern = "interface +"
        var os = style.build()
        os.subModes.append(SubModeSpec("object +", mode: "config-if", from: ["config", "config-if"]))
        return os
    }()
}
