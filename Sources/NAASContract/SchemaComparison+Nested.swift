import OpenAPIKit

// Values nested in a value without a property name: array items, the values
// of a map (`additionalProperties: {schema}`) and the branches of
// `anyOf`/`oneOf`.
extension SchemaComparison {
    func compareNested(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, depth: Int, into log: inout ChangeLog
    ) {
        switch (old.items, new.items) {
        case (let before?, let after?):
            compare(SchemaView(before), SchemaView(after), at: location.items, depth: depth + 1, into: &log)
        case (nil, let after?) where old.types?.contains(.array) == true:
            // Items that were unconstrained now have a schema.
            compare(SchemaView.unconstrained, SchemaView(after), at: location.items, depth: depth + 1, into: &log)
        case (let before?, nil) where new.types?.contains(.array) == true:
            compare(SchemaView(before), SchemaView.unconstrained, at: location.items, depth: depth + 1, into: &log)
        default:
            break
        }
        if case .schema(let before) = old.additionalProperties, case .schema(let after) = new.additionalProperties {
            compare(SchemaView(before), SchemaView(after), at: location.additionalProperties,
                    depth: depth + 1, into: &log)
        }
    }

    /// Branches are paired by the component they come from (OpenAPIKit marks
    /// each dereferenced `$ref` with `x-component-name`); inline ones by position.
    func compareVariants(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, depth: Int, into log: inout ChangeLog
    ) {
        guard !old.variants.isEmpty, !new.variants.isEmpty else { return }
        var unmatchedOld = Array(old.variants.indices)
        var unmatchedNew = Array(new.variants.indices)
        var pairs: [(Int, Int)] = []
        for oldIndex in unmatchedOld {
            guard let name = Self.componentName(old.variants[oldIndex]),
                  let newIndex = unmatchedNew.first(where: { Self.componentName(new.variants[$0]) == name })
            else { continue }
            pairs.append((oldIndex, newIndex))
        }
        unmatchedOld.removeAll { index in pairs.contains { $0.0 == index } }
        unmatchedNew.removeAll { index in pairs.contains { $0.1 == index } }
        // Inline branches have no name; they pair up by position. Two branches
        // from different components are different alternatives, never a pair.
        let anonymousOld = unmatchedOld.filter { Self.componentName(old.variants[$0]) == nil }
        let anonymousNew = unmatchedNew.filter { Self.componentName(new.variants[$0]) == nil }
        for (oldIndex, newIndex) in zip(anonymousOld, anonymousNew) {
            pairs.append((oldIndex, newIndex))
        }
        unmatchedOld.removeAll { index in pairs.contains { $0.0 == index } }
        unmatchedNew.removeAll { index in pairs.contains { $0.1 == index } }

        for (oldIndex, newIndex) in pairs {
            compare(SchemaView(old.variants[oldIndex]), SchemaView(new.variants[newIndex]),
                    at: location, depth: depth + 1, into: &log)
        }
        // A branch gone narrows the value, a branch added widens it.
        for index in unmatchedOld {
            let rule = side == .request ? side.typeChanged : side.typeCompatible
            log.record(rule, at: location,
                       "\(location) no longer has the alternative \(Self.label(old.variants[index], index))")
        }
        for index in unmatchedNew {
            let rule = side == .request ? side.typeCompatible : side.typeChanged
            log.record(rule, at: location,
                       "\(location) has a new alternative \(Self.label(new.variants[index], index))")
        }
    }

    private static func componentName(_ schema: DereferencedJSONSchema) -> String? {
        schema.vendorExtensions[OpenAPI.Components.componentNameExtension]?.value as? String
    }

    private static func label(_ schema: DereferencedJSONSchema, _ index: Int) -> String {
        componentName(schema) ?? "#\(index + 1) (\(describe(SchemaView(schema).types)))"
    }
}

extension SchemaView {
    /// A schema that allows anything: what an absent `items` means.
    static var unconstrained: SchemaView {
        SchemaView(.fragment(.init()))
    }
}
