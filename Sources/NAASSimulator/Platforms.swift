/// Every simulated OS, in the order they were written.
public enum Platforms {
    /// All profiles.
    public static let all: [SimulatedOS] = [
        .ciscoIOS, .aristaEOS, .juniperJunos, .ciscoNXOS, .ciscoXR, .ciscoASA, .huawei, .hpComware, .dellForce10, .dellOS10, .dellPowerConnect,
        .ubiquitiEdgeSwitch, .ruckusFastIron, .linux, .extremeEXOS, .vyos, .mikroTikRouterOS, .hpProCurve, .paloAltoPANOS,
        .fortinet,
    ]

    /// The profile for a Netmiko device_type (aliases included), if simulated.
    public static func named(_ name: String) -> SimulatedOS? {
        let canonical = aliases[name] ?? name
        return all.first { $0.name == canonical }
    }

    static let aliases: [String: String] = [
        "cisco_xe": "cisco_ios", "juniper": "juniper_junos", "huawei_vrp": "huawei", "h3c_comware": "hp_comware",
        "aruba_procurve": "hp_procurve", "dell_os9": "dell_force10", "vyatta_vyos": "vyos",
        "ubiquiti_edge": "ubiquiti_edgeswitch", "extreme": "extreme_exos", "brocade_fastiron": "ruckus_fastiron",
    ]
}
