extension SimulatedOS {
    /// Arista EOS 4.28 on a 7050SX3.
    public static let aristaEOS: SimulatedOS = {
        var style = CiscoStyle(name: "arista_eos", versionText: """
            Arista DCS-7050SX3-48YC8-R
            Hardware version: 11.10
            Serial number: JPE19281234
            Hardware MAC address: 2899.3a8e.1234
            System MAC address: 2899.3a8e.1234

            Software image version: 4.28.3M
            Architecture: x86_64
            Internal build version: 4.28.3M-28362817.4283M
            Internal build ID: 8b2d8f64-3ccb-4d2f-9bd2-3f7d9e4a1b2c
            Image format version: 3.0
            Image optimization: Strata-4GB

            Uptime: 12 weeks, 3 days, 4 hours and 17 minutes
            Total memory: 8098984 kB
            Free memory: 5733212 kB
            """,
            logLine: "Mar  4 09:{m}:{s} {host} Ebra: %LINEPROTO-5-UPDOWN: Line protocol on Interface Ethernet{i}, changed state to up")
        style.invalidCommand = "% Invalid input"
        style.commands = [
            CommandSpec("terminal width *", .text("Width set to {args} columns.")),
            CommandSpec("terminal length *", .pagingOff("Pagination disabled.")),
            CommandSpec("copy running-config startup-config", in: ["enable"], .save),
            CommandSpec("show interfaces status", .text("Port       Name   Status       Vlan     Duplex Speed  Type            Flags Encapsulation\n"
                + (1...48).map { "Et\($0)".padding(to: 11) + "       connected    1        full   25G    25GBASE-SR" }.joined(separator: "\n"))),
        ]
        style.saveCommands = ["write memory"]
        style.save = SaveSpec(done: "Copy completed successfully.")
        style.header = "! Command: show running-config\n! device: {host} (DCS-7050SX3-48YC8-R, EOS-4.28.3M)\n!\n! boot system flash:/EOS-4.28.3M.swi\n!"
        style.footer = "!\nend"
        style.initial = [
            "no aaa root", "username admin privilege 15 role network-admin secret sha512 $6$abc$def",
            "transceiver qsfp default-mode 4x10G", "service routing protocols model multi-agent",
            "hostname {host}", "spanning-tree mode mstp",
            "interface Ethernet1", " description to-spine1", "interface Ethernet2", " description to-spine2",
            "interface Management1", " ip address 10.0.0.3/24",
            "ip routing", "ip route 0.0.0.0/0 10.0.0.1", "management api http-commands", " no shutdown",
        ]
        style.logHeader = "Syslog logging: enabled\n    Buffer logging: level debugging\n    Console logging: level errors\n    Persistent logging: disabled\n    Monitor logging: level errors\n"
        return style.build()
    }()
}
