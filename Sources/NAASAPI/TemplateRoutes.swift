import Hummingbird
import NAASCore
import NAASParsing

/// `GET /v2/templates?platform=P`: the commands ntc-templates parses on a
/// platform, looked up under the same names a structured job's commands are.
struct TemplateRoutes: Sendable {
    let catalogue: TemplateCatalogue

    @Sendable func list(_ request: Request, context: NAASRequestContext) async throws -> APIResult {
        let platform = try Self.platform(request.uri.queryParameters)
        guard case .loaded(let library) = catalogue else {
            throw catalogue.unavailableError ?? .internalError
        }
        return .json(["platform": .string(platform), "templates": .array(Self.entries(library, platform: platform))])
    }

    /// The query's `platform`: required, and a name a job may give (autodetect names no platform).
    static func platform(_ query: Hummingbird.Parameters) throws(APIError) -> String {
        guard let name = query.get("platform"), !name.isEmpty else {
            throw .validation(source: "query", [FieldError(
                ["platform"], "Field required: the platform whose templates to list, e.g. platform=cisco_ios", type: "missing")])
        }
        guard name != PlatformSelection.autodetectName, Platform.acceptedNames.contains(name) else {
            let names = Platform.acceptedNames.filter { $0 != PlatformSelection.autodetectName }
            throw .validation(source: "query", [FieldError(
                ["platform"], "Unknown platform \"\(name.prefix(64))\"; use one of: \(names.joined(separator: ", "))")])
        }
        return name
    }

    /// One entry per command, from the first of the platform's index names that has it,
    /// as a job's lookup would find it.
    static func entries(_ library: TemplateLibrary, platform: String) -> [JSONValue] {
        var seen: Set<String> = []
        var entries: [JSONValue] = []
        for name in Platform.templateIndexNames(for: platform) {
            for command in library.commands(platform: name) where seen.insert(command.command).inserted {
                entries.append([
                    "command": .string(command.command),
                    "abbreviation": .string(command.abbreviated),
                    "templates": .array(command.templates.map(JSONValue.string)),
                ])
            }
        }
        return entries
    }
}
