import Foundation
import Yams

/// A document as a YAML node tree, before OpenAPIKit decodes it.
///
/// The gate reads documents through OpenAPIKit, but two facts would be lost on
/// the way, so they are taken from the raw tree here:
/// - YAML reads an unquoted `2.10` as the number 2.1. Version-like values under
///   `x-naas-…` keys are turned into quoted strings, so microversions keep their digits.
/// - OpenAPIKit drops every sibling of a schema `$ref` except `description`, so
///   `{$ref: …, x-naas-min-version: "2.3"}` would lose its microversion. Such a
///   schema is rewritten as `{allOf: [{$ref: …}], x-naas-min-version: "2.3"}`,
///   which OpenAPIKit keeps and which means the same in JSON Schema.
struct RawDocument {
    let root: Node

    init(data: Data, role: String) throws {
        guard let text = String(data: data, encoding: .utf8) else {
            throw ContractDocumentError(document: role, problem: .unreadable, detail: "not UTF-8 text")
        }
        let composed: Node?
        do {
            // The same resolver YAMLDecoder uses when it parses text itself: with
            // the default one, mapping keys such as "200" resolve to integers and
            // OpenAPIKit's lookups by string no longer find them.
            composed = try Yams.compose(yaml: text, Resolver.basic.appending(Resolver.Rule.merge))
        } catch {
            throw ContractDocumentError(document: role, problem: .unreadable, detail: "\(error)")
        }
        guard let composed, composed.mapping != nil else {
            throw ContractDocumentError(document: role, problem: .unreadable, detail: "the document is not a mapping")
        }
        root = Self.normalized(composed, at: .other)
    }

    /// `info.x-naas-microversions`, or nil when the document declares none (v1).
    func microversions(role: String) throws -> MicroversionRange? {
        guard let declared = root["info"]?["x-naas-microversions"] else { return nil }
        func malformed(_ detail: String) -> ContractDocumentError {
            ContractDocumentError(document: role, problem: .malformedMicroversions, detail: detail)
        }
        guard declared.mapping != nil else { throw malformed("expected a mapping with min and max") }
        guard let maxText = declared["max"]?.string else { throw malformed("max is missing") }
        guard let max = ContractMicroversion(maxText) else { throw malformed("max \(maxText) is not X.Y") }
        var min: ContractMicroversion?
        if let minText = declared["min"]?.string {
            guard let parsed = ContractMicroversion(minText) else { throw malformed("min \(minText) is not X.Y") }
            min = parsed
        }
        return MicroversionRange(min: min, max: max)
    }

    // MARK: Normalisation

    /// Where a node sits, so `$ref` rewriting only touches schemas: a parameter or
    /// response `$ref` must stay a plain reference.
    private enum Position {
        case schema, schemaMap, schemaList, other
    }

    private static let schemaKeys: Set<String> = [
        "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties",
    ]
    private static let schemaMapKeys: Set<String> = ["properties", "patternProperties", "$defs", "dependentSchemas"]
    private static let schemaListKeys: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    private static func normalized(_ node: Node, at position: Position) -> Node {
        switch node {
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = mapping.map { pair in
                let key = pair.key.string ?? ""
                if key.hasPrefix("x-naas-") {
                    return (pair.key, versionsAsStrings(pair.value))
                }
                return (pair.key, normalized(pair.value, at: childPosition(of: key, in: position)))
            }
            if position == .schema {
                pairs = wrappingReferenceWithSiblings(pairs)
            }
            return Node(pairs, mapping.tag, mapping.style)
        case .sequence(let sequence):
            let element: Position = position == .schemaList ? .schema : .other
            return Node(sequence.map { normalized($0, at: element) }, sequence.tag, sequence.style)
        case .scalar, .alias:
            return node
        }
    }

    private static func childPosition(of key: String, in position: Position) -> Position {
        switch position {
        case .schemaMap:
            return .schema
        case .schema:
            if schemaKeys.contains(key) { return .schema }
            if schemaMapKeys.contains(key) { return .schemaMap }
            if schemaListKeys.contains(key) { return .schemaList }
            return .other
        case .schemaList, .other:
            if key == "schema" || key == "itemSchema" { return .schema }
            if key == "schemas" { return .schemaMap }
            return .other
        }
    }

    private static func wrappingReferenceWithSiblings(_ pairs: [(Node, Node)]) -> [(Node, Node)] {
        guard let reference = pairs.first(where: { $0.0.string == "$ref" }),
              pairs.contains(where: { $0.0.string?.hasPrefix("x-") == true })
        else { return pairs }
        let wrapped = Node([Node([reference])])
        return [(Node("allOf"), wrapped)] + pairs.filter { $0.0.string != "$ref" }
    }

    private static func versionsAsStrings(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar) where scalar.style == .plain && ContractMicroversion(scalar.string) != nil:
            // Quoted, because Yams decodes any plain scalar that looks like a number as one.
            return Node(scalar.string, Tag(.str), .doubleQuoted)
        case .mapping(let mapping):
            return Node(mapping.map { ($0.key, versionsAsStrings($0.value)) }, mapping.tag, mapping.style)
        case .sequence(let sequence):
            return Node(sequence.map(versionsAsStrings), sequence.tag, sequence.style)
        case .scalar, .alias:
            return node
        }
    }
}
