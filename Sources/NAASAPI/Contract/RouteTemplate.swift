/// OpenAPI path templates (`/v2/jobs/{job_id}`): matching and filling.
enum RouteTemplate {
    /// The template's parameters taken from `path`, or nil if it does not match.
    static func match(_ template: String, _ path: String) -> [String: String]? {
        let templateParts = components(template)
        let pathParts = components(path)
        guard templateParts.count == pathParts.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(templateParts, pathParts) {
            if expected.hasPrefix("{"), expected.hasSuffix("}") {
                parameters[String(expected.dropFirst().dropLast())] = String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }

    /// `target` filled with the parameters `path` gives `template`; a target without
    /// parameters (most successors) is returned as it is, without matching.
    static func carry(_ path: String, matching template: String, into target: String) -> String {
        guard target.utf8.contains(UInt8(ascii: "{")) else { return target }
        return fill(target, with: match(template, path) ?? [:])
    }

    static func fill(_ template: String, with parameters: [String: String]) -> String {
        var result = template
        for (name, value) in parameters { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    /// The Hummingbird router form: `{job_id}` becomes `:job_id`.
    static func routerPath(_ template: String) -> String {
        "/" + components(template).map { part in
            part.hasPrefix("{") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    private static func components(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }
}
