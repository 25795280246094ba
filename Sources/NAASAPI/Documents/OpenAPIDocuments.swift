import NAASCore
import Foundation
import Yams

/// The committed OpenAPI documents (`openapi/v1.yaml`, `openapi/v2.yaml`),
/// served as JSON. The v2 document records microversion ranges
/// (`x-naas-min-version`, `x-naas-max-version`, and for enum values
/// `x-naas-enum-min-versions`), so the contract as it stood at any
/// microversion is a filtered view of it.
public struct OpenAPIDocuments: Sendable {
    public let v1: JSONValue
    public let v2: JSONValue

    public init(v1: JSONValue, v2: JSONValue) {
        self.v1 = v1
        self.v2 = v2
    }

    /// The documents compiled into the API module (`Documents/v1.yaml` and `v2.yaml`, links to `openapi/`).
    public static func bundled() throws -> OpenAPIDocuments {
        OpenAPIDocuments(v1: try YAMLTree.json(fromYAML: embeddedText.v1), v2: try YAMLTree.json(fromYAML: embeddedText.v2))
    }

    /// The YAML text of the documents as the build embedded it.
    static var embeddedText: (v1: String, v2: String) {
        (String(decoding: PackageResources.v1_yaml, as: UTF8.self), String(decoding: PackageResources.v2_yaml, as: UTF8.self))
    }

    /// The v2 document without what did not exist yet (or no longer existed) at `microversion`.
    public func v2(at microversion: Microversion) -> JSONValue {
        guard case .object(var document) = Self.view(v2, at: microversion) else { return v2 }
        if case .object(var info)? = document["info"] {
            info["version"] = .string(microversion.description)
            document["info"] = .object(info)
        }
        // A path whose every operation came later is not a path at this microversion.
        if case .object(let paths)? = document["paths"] {
            document["paths"] = .object(paths.filter { _, item in
                guard case .object(let members) = item else { return true }
                return members.keys.contains { HTTPMethodNames.all.contains($0) }
            })
        }
        return .object(document)
    }

    static func view(_ node: JSONValue, at microversion: Microversion) -> JSONValue {
        switch node {
        case .array(let items):
            return .array(items.filter { exists($0, at: microversion) }.map { view($0, at: microversion) })
        case .object(let fields):
            var kept: [String: JSONValue] = [:]
            for (key, value) in fields where exists(value, at: microversion) {
                kept[key] = view(value, at: microversion)
            }
            // Enum values sent only from some microversion on (`x-naas-enum-min-versions: {VALUE: "2.5"}`).
            if case .array(let values)? = kept["enum"], case .object(let since)? = fields["x-naas-enum-min-versions"] {
                kept["enum"] = .array(values.filter { value in
                    guard case .string(let name) = value, case .string(let raw)? = since[name], let first = Microversion(raw)
                    else { return true }
                    return microversion >= first
                })
            }
            // A property that is gone at this microversion is not required either.
            if case .object(let declared)? = fields["properties"], case .object(let remaining)? = kept["properties"],
               case .array(let required)? = kept["required"] {
                let gone = Set(declared.keys).subtracting(remaining.keys)
                kept["required"] = .array(required.filter { if case .string(let name) = $0 { !gone.contains(name) } else { true } })
            }
            return .object(kept)
        default:
            return node
        }
    }

    private static func exists(_ node: JSONValue, at microversion: Microversion) -> Bool {
        guard case .object(let fields) = node else { return true }
        if case .string(let raw)? = fields["x-naas-min-version"], let since = Microversion(raw), microversion < since {
            return false
        }
        if case .string(let raw)? = fields["x-naas-max-version"], let until = Microversion(raw), microversion > until {
            return false
        }
        return true
    }
}

enum HTTPMethodNames {
    static let all: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]
}

/// YAML to JSON through Yams' node tree, keeping scalar types as YAML resolves them.
enum YAMLTree {
    static func json(fromYAML text: String) throws -> JSONValue {
        guard let node = try Yams.compose(yaml: text) else { return .null }
        return json(node)
    }

    static func json(_ node: Node) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.rawValue) {
            case .null: return .null
            case .bool: return node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: return node.int.map(JSONValue.int) ?? .string(scalar.string)
            case .float: return node.float.map(JSONValue.double) ?? .string(scalar.string)
            default: return .string(scalar.string)
            }
        case .mapping(let mapping):
            var fields: [String: JSONValue] = [:]
            for (key, value) in mapping { fields[key.string ?? "\(key)"] = json(value) }
            return .object(fields)
        case .sequence(let sequence):
            return .array(sequence.map(json))
        case .alias:
            return .null
        }
    }
}
