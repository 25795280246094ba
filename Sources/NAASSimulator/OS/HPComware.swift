extension SimulatedOS {
    /// HPE Comware 7 on an HPE 5130 EI: `<host>` / `[host]`, `save force`.
    public static let hpComware: SimulatedOS = {
        var os = SimulatedOS.huawei
        os.name = "hp_comware"
        os.commands = [
            CommandSpec("screen-length disable", in: ["user", "system"], .pagingOff("")),
            CommandSpec("display version", .version),
            CommandSpec("display current-configuration ...", .runningConfig),
            CommandSpec("display logbuffer", .longOutput),
            CommandSpec("display interface brief", .text("""
                Brief information on interfaces in route mode:
                Link: ADM - administratively down; Stby - standby
                Protocol: (s) - spoofing
                Interface            Link Protocol Primary IP      Description
                InLoop0              UP   UP(s)    --
                NULL0                UP   UP(s)    --
                REG0                 UP   --       --
                Vlan1                UP   UP       10.0.0.13

                Brief information on interfaces in bridge mode:
                Link: ADM - administratively down; Stby - standby
                Speed: (a) - auto
                Duplex: (a)/A - auto; H - half; F - full
                Type: A - access; T - trunk; H - hybrid
                Interface            Link Speed   Duplex Type PVID Description
                GE1/0/1              UP   1G(a)   F(a)   A    1    uplink
                GE1/0/2              UP   1G(a)   F(a)   A    1
                GE1/0/3              DOWN auto    A      A    1
                GE1/0/4              DOWN auto    A      A    1
                GE1/0/5              ADM  auto    A      A    1
                XGE1/0/25            UP   10G(a)  F(a)   T    1
                XGE1/0/26            DOWN auto    A      A    1
                """)),
            CommandSpec("display device manuinfo", .text("""
                Slot 1 CPU 0:
                DEVICE_NAME          : HPE 5130 24G 4SFP+ EI JG932A
                DEVICE_SERIAL_NUMBER : CN63GZT0K5
                MAC_ADDRESS          : 9CDC-714A-2B00
                MANUFACTURING_DATE   : 2016-05-12
                VENDOR_NAME          : HPE
                """)),
            CommandSpec("system-view", in: ["user"], .enter("system", text: "System View: return to User View with Ctrl+Z.")),
            CommandSpec("return", in: ["system", "system-if"], .endConfig),
            CommandSpec("quit", .exitMode),
            CommandSpec("save force", .save),
            CommandSpec("save", .save),
        ]
        os.invalidCommand = "{caret}\n % Unrecognized command found at '^' position."
        os.config.invalidLine = os.invalidCommand
        os.config.accepted += startingWith(["link-mode", "combo", "local-user", "password", "service-type", "authorization-attribute", "line", "ssh"])
        os.config.save = SaveSpec(done: "Validating file. Please wait...\nSaved the current configuration to mainboard device successfully.")
        os.config.rendering = .indented(header: "#\n version 7.1.070, Release 3208P10\n#", footer: "#\nreturn", indent: " ", separator: "#")
        os.config.initial = [
            "sysname {host}", "irf mac-address persistent timer", "lldp global enable", "vlan 1",
            "interface GigabitEthernet1/0/1", " port link-mode bridge", " description uplink",
            "interface Vlan-interface1", " ip address 10.0.0.13 255.255.255.0",
            "ip route-static 0.0.0.0 0 10.0.0.1", "ssh server enable",
            "local-user admin class manage", " password hash $h$6$x", " service-type ssh", " authorization-attribute user-role network-admin",
            "line vty 0 63", " authentication-mode scheme", " user-role network-operator",
        ]
        os.config.accepted += startingWith(["irf", "user-role"])
        os.versionText = """
            HPE Comware Software, Version 7.1.070, Release 3208P10
            Copyright (c) 2010-2023 Hewlett Packard Enterprise Development LP
            HPE 5130 24G 4SFP+ EI Switch uptime is 12 weeks, 3 days, 4 hours, 17 minutes
            Last reboot reason : Cold reboot

            Boot image: flash:/5130ei-cmw710-boot-r3208p10.bin
            Boot image version: 7.1.070, Release 3208P10
              Compiled Jun 14 2023 11:00:00
            System image: flash:/5130ei-cmw710-system-r3208p10.bin
            System image version: 7.1.070, Release 3208P10
              Compiled Jun 14 2023 11:00:00

            Slot 1:
            Uptime is 12 weeks,3 days,4 hours,17 minutes
            5130 24G 4SFP+ EI Switch with 1 Processor
            BOARD TYPE:         5130 24G 4SFP+ EI Switch
            DRAM:               1024M bytes
            FLASH:              512M bytes
            PCB 1 Version:      VER.B
            Bootrom Version:    151
            CPLD 1 Version:     002
            Release Version:    HPE 5130EI-3208P10
            Patch Version  :    None
            Reboot Cause  :     ColdReboot
            [SubSlot 0] 24GE+4SFP Plus
            """
        os.logLine = "%Mar  4 09:{m}:{s}:{n} 2025 {host} IFNET/3/PHY_UPDOWN: Physical state on the interface GigabitEthernet1/0/{i} changed to up."
        os.login.banner = "\n******************************************************************************\n* Copyright (c) 2010-2023 Hewlett Packard Enterprise Development LP          *\n* Without the owner's prior written consent,                                 *\n* no decompiling or reverse-engineering shall be allowed.                    *\n******************************************************************************\n"
        return os
    }()
}
