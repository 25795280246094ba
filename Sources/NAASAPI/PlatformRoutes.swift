import Hummingbird
import NAASCore

/// `GET /v2/platforms`: the platforms a job may name, read from the platform
/// table itself so the list and what submissions accept cannot differ.
struct PlatformRoutes: Sendable {
    /// The table does not change while the process runs: build the body once.
    static let body: JSONValue = ["platforms": .array(Platform.all.sorted { $0.name < $1.name }.map(entry))]

    @Sendable func list(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        .json(Self.body)
    }

    static func entry(_ platform: Platform) -> JSONValue {
        let capabilities = platform.capabilities
        let telnetNames = platform.telnet ? ([platform.name] + platform.aliases).map { $0 + PlatformSelection.telnetSuffix } : []
        return [
            "name": .string(platform.name),
            "aliases": .array(platform.aliases.map(JSONValue.string)),
            "telnet_names": .array(telnetNames.map(JSONValue.string)),
            "capabilities": [
                "enable": .bool(capabilities.enable),
                "config": .bool(capabilities.config),
                "save": .bool(capabilities.save),
                "commit": .bool(capabilities.commit),
                "telnet": .bool(capabilities.telnet),
                "autodetect": .bool(capabilities.autodetect),
            ],
        ]
    }
}
