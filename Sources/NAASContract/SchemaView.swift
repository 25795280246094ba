import Foundation
import OpenAPIKit

/// A flat, comparable reading of one dereferenced schema: its types, limits,
/// properties and documentation, with `allOf` merged and a nullable
/// `anyOf`/`oneOf` (`[X, null]`) unwrapped to `X`.
///
/// OpenAPIKit's schema enum has a case per JSON type and per combinator; the
/// rules only care about "what values are allowed", so they read this view.
struct SchemaView {
    /// Allowed JSON types other than null; nil means any type.
    var types: Set<JSONKind>?
    var nullable = false
    var format: String?
    var enumValues: [String]?
    var title: String?
    var summaryDescription: String?
    var examples: [String] = []
    var deprecated = false
    var readOnly = false
    var writeOnly = false
    var extensions: [String: AnyCodable] = [:]

    var properties: [(name: String, schema: DereferencedJSONSchema)] = []
    var requiredProperties: Set<String> = []
    var additionalProperties: AdditionalProperties = .unspecified
    var maxProperties: Int?

    var items: DereferencedJSONSchema?
    var maxItems: Int?
    var minItems = 0
    var uniqueItems = false

    var maxLength: Int?
    var minLength = 0
    var pattern: String?

    var maximum: Bound?
    var minimum: Bound?
    var multipleOf: Double?

    /// The non-null branches of an `anyOf`/`oneOf` that did not collapse to one schema.
    var variants: [DereferencedJSONSchema] = []

    /// A JSON type name, as JSON Schema spells it.
    enum JSONKind: String, Comparable {
        case string, integer, number, boolean, object, array

        static func < (lhs: JSONKind, rhs: JSONKind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What an object does with properties it does not list.
    enum AdditionalProperties {
        case unspecified
        case allowed
        case forbidden
        case schema(DereferencedJSONSchema)

        var isForbidden: Bool {
            if case .forbidden = self { return true }
            return false
        }
    }

    /// A numeric limit; `exclusive` for `exclusiveMaximum`/`exclusiveMinimum`.
    struct Bound: Equatable {
        let value: Double
        let exclusive: Bool
    }

    func property(named name: String) -> DereferencedJSONSchema? {
        properties.first { $0.name == name }?.schema
    }
}

extension SchemaView {
    init(_ schema: DereferencedJSONSchema) {
        switch schema {
        case .null:
            self.init(documentation: schema, types: [])
            nullable = true
        case .boolean:
            self.init(documentation: schema, types: [.boolean])
        case .string(_, let context):
            self.init(documentation: schema, types: [.string])
            maxLength = context.maxLength
            minLength = context.minLength
            pattern = context.pattern
        case .integer(_, let context):
            self.init(documentation: schema, types: [.integer])
            maximum = context.maximum.map { Bound(value: Double($0.value), exclusive: $0.exclusive) }
            minimum = context.minimum.map { Bound(value: Double($0.value), exclusive: $0.exclusive) }
            multipleOf = context.multipleOf.map(Double.init)
        case .number(_, let context):
            self.init(documentation: schema, types: [.number])
            maximum = context.maximum.map { Bound(value: $0.value, exclusive: $0.exclusive) }
            minimum = context.minimum.map { Bound(value: $0.value, exclusive: $0.exclusive) }
            multipleOf = context.multipleOf
        case .array(_, let context):
            self.init(documentation: schema, types: [.array])
            items = context.items
            maxItems = context.maxItems
            minItems = context.minItems
            uniqueItems = context.uniqueItems
        case .object(_, let context):
            self.init(documentation: schema, types: [.object])
            readObject(context)
        case .all(let schemas, _):
            self.init(documentation: schema, types: nil)
            mergeAll(schemas.map(SchemaView.init))
        case .one(let schemas, _), .any(let schemas, _):
            self.init(documentation: schema, types: nil)
            readAlternatives(schemas)
        case .not, .fragment:
            self.init(documentation: schema, types: nil)
        }
    }

    /// The parts every schema has, whatever its type.
    private init(documentation schema: DereferencedJSONSchema, types: Set<JSONKind>?) {
        self.types = types
        nullable = schema.nullable
        format = schema.formatString.flatMap { $0.isEmpty ? nil : $0 }
        enumValues = schema.allowedValues.map { $0.map(Self.canonical) }
        title = schema.title
        summaryDescription = schema.description
        examples = schema.examples.map(Self.canonical)
        deprecated = schema.deprecated
        readOnly = schema.readOnly
        writeOnly = schema.writeOnly
        extensions = schema.vendorExtensions
    }

    /// A stable text form of a JSON value, for comparing enum values and
    /// examples: maps are written with sorted keys, because dictionary order
    /// is not stable between two decodes.
    static func canonical(_ value: AnyCodable) -> String {
        canonical(any: value.value)
    }

    private static func canonical(any value: Any) -> String {
        switch value {
        case let map as [String: Any]:
            return "{" + map.keys.sorted().map { "\($0): \(canonical(any: map[$0] ?? ()))" }.joined(separator: ", ") + "}"
        case let list as [Any]:
            return "[" + list.map { canonical(any: $0) }.joined(separator: ", ") + "]"
        case is Void, is NSNull:
            return "null"
        case let text as String:
            return text
        default:
            return String(describing: value)
        }
    }

    private mutating func readObject(_ context: DereferencedJSONSchema.ObjectContext) {
        for (name, property) in context.properties {
            properties.append((name, property))
            if property.required { requiredProperties.insert(name) }
        }
        maxProperties = context.maxProperties
        switch context.additionalProperties {
        case .a(true): additionalProperties = .allowed
        case .a(false): additionalProperties = .forbidden
        case .b(let schema): additionalProperties = .schema(schema)
        case nil: additionalProperties = .unspecified
        }
    }
}
