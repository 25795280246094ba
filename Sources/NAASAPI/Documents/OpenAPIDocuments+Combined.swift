import NAASCore

extension OpenAPIDocuments {
    /// What v1 names carry in the combined document, so that they never meet a v2 name.
    static let v1Prefix = "v1."

    /// The document served at `/apidoc/openapi.json`, where NAAS tooling looks for the v1 routes:
    /// the v2 document at `microversion` plus every v1 path it lacks. The v1 paths' components are
    /// added as `v1.<name>` and their operation ids become `v1.<id>`; the paths both documents
    /// have (the permanent unversioned ones) are v2's, and so is each security scheme of the same name.
    public func combined(at microversion: Microversion) -> JSONValue {
        let current = v2(at: microversion)
        guard case .object(var document) = current, case .object(var paths)? = document["paths"],
              case .object(let older) = v1, case .object(let olderPaths)? = older["paths"] else { return current }
        let olderSecurity = older["security"] ?? .array([])
        for (path, item) in olderPaths where paths[path] == nil {
            paths[path] = Self.withExplicitSecurity(Self.renamingV1(item), olderSecurity)
        }
        document["paths"] = .object(paths)
        if case .object(var components)? = document["components"], case .object(let olderComponents)? = older["components"] {
            for (kind, entries) in olderComponents {
                guard case .object(let named) = entries else { continue }
                var merged: [String: JSONValue] = { if case .object(let existing)? = components[kind] { existing } else { [:] } }()
                for (name, value) in named {
                    if kind == "securitySchemes" {
                        // Security requirements name their scheme; a v1 scheme keeps its name unless v2 has it already.
                        if merged[name] == nil { merged[name] = value }
                    } else {
                        merged[Self.v1Prefix + name] = Self.renamingV1(value)
                    }
                }
                components[kind] = .object(merged)
            }
            document["components"] = .object(components)
        }
        return .object(document)
    }

    /// `node` with its component references and operation ids moved to the v1 names.
    static func renamingV1(_ node: JSONValue) -> JSONValue {
        switch node {
        case .array(let items):
            return .array(items.map(renamingV1))
        case .object(let fields):
            var renamed: [String: JSONValue] = [:]
            for (key, value) in fields {
                switch (key, value) {
                case ("$ref", .string(let target)) where target.hasPrefix("#/components/"):
                    var parts = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
                    parts[parts.count - 1] = v1Prefix + parts[parts.count - 1]
                    renamed[key] = .string(parts.joined(separator: "/"))
                case ("operationId", .string(let id)):
                    renamed[key] = .string(v1Prefix + id)
                default:
                    renamed[key] = renamingV1(value)
                }
            }
            return .object(renamed)
        default:
            return node
        }
    }

    /// A v1 path item whose operations state the v1 document's default security themselves,
    /// since the combined document's default is v2's.
    static func withExplicitSecurity(_ item: JSONValue, _ security: JSONValue) -> JSONValue {
        guard case .object(var operations) = item else { return item }
        for (method, operation) in operations where HTTPMethodNames.all.contains(method) {
            guard case .object(var fields) = operation, fields["security"] == nil else { continue }
            fields["security"] = security
            operations[method] = .object(fields)
        }
        return .object(operations)
    }
}
