extension SimulatedOS {
    /// Ruckus (Brocade) FastIron 08.0.95 on an ICX7250.
    public static let ruckusFastIron: SimulatedOS = {
        var style = CiscoStyle(name: "ruckus_fastiron", versionText: """
              Copyright (c) Ruckus Networks, Inc. All rights reserved.
                UNIT 1: compiled on Oct 19 2022 at 08:23:15 labeled as SPR08095h
                  (33554432 bytes) from Primary SPR08095h.bin (UFI)
                    SW: Version 08.0.95hT213
                  Compressed Primary Boot Code size = 786944, Version:10.1.24T215 (spz10124)
                   Compiled on Mon Feb 10 13:11:45 2020

              HW: Stackable ICX7250-48P-POE
            ==========================================================================
            UNIT 1: SL 1: ICX7250-48P POE 48-port Management Module
                  Serial  #:DUK3834N0AB
                  Software Package: ICX7250_L3_SOFT_PACKAGE   (LID: fwmINJOpFls)
                  Current License: l3-prem-8X10G
                  P-ASIC  0: type B344, rev 01  Chip BCM56344_A0
            ==========================================================================
             1000 MHz ARM processor ARMv7 88 MHz bus
             8192 KB boot flash memory
             2048 MB code flash memory
             2048 MB DRAM
            STACKID 1  system uptime is 84 day(s) 4 hour(s) 17 minute(s) 3 second(s)
            The system started at 05:24:11 GMT+00 Tue Dec 10 2024
            """,
            logLine: "Mar  4 09:{m}:{s}:I:System: Interface ethernet 1/1/{i}, state up")
        style.invalidCommand = "Invalid input -> {line}\nType ? for a list"
        style.commands = [
            CommandSpec("skip-page-display", .pagingOff("Disable page display mode")),
            CommandSpec("show interfaces brief", .text("""

                Port       Link    State   Dupl Speed Trunk Tag Pvid Pri MAC             Name
                1/1/1      Up      Forward Full 1G    None  Yes N/A  0   609c.9f1d.2a00  uplink
                1/1/2      Disable None    None None  None  No  1    0   609c.9f1d.2a01
                1/1/3      Up      Forward Full 1G    None  No  10   0   609c.9f1d.2a02
                1/1/4      Down    None    None None  None  No  10   0   609c.9f1d.2a03
                1/1/5      Down    None    None None  None  No  1    0   609c.9f1d.2a04
                1/2/1      Up      Forward Full 10G   None  Yes N/A  0   609c.9f1d.2a31
                1/2/2      Down    None    None None  None  No  1    0   609c.9f1d.2a32
                mgmt1      Up      None    Full 1G    None  No  None 0   609c.9f1d.2a00
                """)),
        ]
        style.saveCommands = ["write memory"]
        style.save = SaveSpec(done: "Write startup-config done.\n\nCopy Done.")
        style.prompts = ("SSH@{host}>", "SSH@{host}#", "SSH@{host}(config)#", "SSH@{host}(config-if-e1000-{ctx})#")
        style.header = "Current configuration:\n!\nver 08.0.95hT213\n!\nstack unit 1\n  module 1 icx7250-48p-poe-port-management-module\n  module 2 icx7250-sfp-plus-8port-80g-module\n!"
        style.initial = [
            "global-stp", "vlan 1 name DEFAULT-VLAN by port", "aaa authentication login default local",
            "enable super-user-password .....", "hostname {host}", "ip address 10.0.0.9 255.255.255.0",
            "ip default-gateway 10.0.0.1", "username admin password .....",
            "interface ethernet 1/1/1", " port-name uplink", "interface ethernet 1/1/2", " disable",
        ]
        style.keywords += ["port-name", "disable", "global-stp", "stack"]
        style.pager = PagerSpec(prompt: "--More--, next page: Space, next line: Return key, quit: Control-c",
                                erase: "\r                                                                  \r")
        var os = style.build()
        os.subModes = [SubModeSpec("interface ethernet *", mode: "config-if", from: ["config", "config-if"], context: .argumentsJoined)]
        return os
    }()
}
