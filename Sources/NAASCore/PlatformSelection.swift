/// How a job reaches its device.
public enum DeviceTransportKind: String, Sendable, Codable {
    case ssh
    case telnet

    /// The port used when a job names none.
    public var defaultPort: Int {
        switch self {
        case .ssh: 22
        case .telnet: 23
        }
    }
}

/// What a job's `platform` name selects: a platform and its transport, or
/// autodetection over SSH.
public enum PlatformSelection: Sendable, Equatable {
    case platform(Platform, DeviceTransportKind)
    case autodetect

    /// The name that asks for autodetection, as in NAAS and Netmiko.
    public static let autodetectName = "autodetect"
    /// Added to a platform's name (or alias) to drive it over Telnet, as Netmiko's device types are.
    public static let telnetSuffix = "_telnet"

    /// The selection for `name`, or nil when no platform has that name.
    public init?(name: String) {
        if name == Self.autodetectName {
            self = .autodetect
            return
        }
        if let platform = Platform.named(name) {
            self = .platform(platform, .ssh)
            return
        }
        if name.hasSuffix(Self.telnetSuffix),
           let platform = Platform.named(String(name.dropLast(Self.telnetSuffix.count))), platform.telnet {
            self = .platform(platform, .telnet)
            return
        }
        return nil
    }

    public var transport: DeviceTransportKind {
        switch self {
        case .platform(_, let transport): transport
        case .autodetect: .ssh
        }
    }
}

extension Platform {
    /// The platform for `name` or one of its aliases (SSH names only).
    public static func named(_ name: String) -> Platform? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// Every name and alias, each also with `_telnet` where the platform takes Telnet.
    public var acceptedNames: [String] {
        let names = [name] + aliases
        return telnet ? names + names.map { $0 + PlatformSelection.telnetSuffix } : names
    }

    /// Every name a client may send, aliases, Telnet names and `autodetect` included, sorted.
    public static var acceptedNames: [String] {
        (all.flatMap(\.acceptedNames) + [PlatformSelection.autodetectName]).sorted()
    }
}
