extension Platform {
    /// The platform names to look a command up under in the ntc-templates
    /// index, in order: the name the job gave (or the one autodetect found),
    /// then the platform's catalogue name, then its aliases. This generalises
    /// Netmiko's retry of `cisco_xe` as `cisco_ios`: ntc-templates files a
    /// platform under one of its names only (`huawei_vrp`, `brocade_fastiron`),
    /// and knows no `_telnet` names at all.
    public static func templateIndexNames(for name: String) -> [String] {
        var names = [name]
        if case .platform(let platform, _)? = PlatformSelection(name: name) {
            names += [platform.name] + platform.aliases
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
