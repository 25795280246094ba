import OpenAPIKit

// How `allOf`, `anyOf` and `oneOf` read as one schema. The aim is a view that
// changes only when the set of allowed values changes, so that moving a schema
// into a component (`allOf: [$ref]`) or wrapping it for nullability reads the same.
extension SchemaView {
    /// `allOf`: a value must satisfy every part, so the merged view takes the
    /// union of properties and requirements and the tightest of each limit. The
    /// allOf's own documentation (already in `self`) wins over the parts'.
    mutating func mergeAll(_ parts: [SchemaView]) {
        for part in parts {
            types = Self.intersection(types, part.types)
            format = format ?? part.format
            enumValues = enumValues ?? part.enumValues
            title = title ?? part.title
            summaryDescription = summaryDescription ?? part.summaryDescription
            examples += part.examples
            deprecated = deprecated || part.deprecated
            readOnly = readOnly || part.readOnly
            writeOnly = writeOnly || part.writeOnly
            extensions.merge(part.extensions) { mine, _ in mine }

            for property in part.properties {
                if let index = properties.firstIndex(where: { $0.name == property.name }) {
                    // A bare `required: [name]` in one part yields an inferred
                    // placeholder; the part that really defines the property wins.
                    if properties[index].schema.inferred && !property.schema.inferred {
                        properties[index] = property
                    }
                } else {
                    properties.append(property)
                }
            }
            requiredProperties.formUnion(part.requiredProperties)
            additionalProperties = Self.stricter(additionalProperties, part.additionalProperties)
            maxProperties = Self.smaller(maxProperties, part.maxProperties)

            items = items ?? part.items
            maxItems = Self.smaller(maxItems, part.maxItems)
            minItems = Swift.max(minItems, part.minItems)
            uniqueItems = uniqueItems || part.uniqueItems

            maxLength = Self.smaller(maxLength, part.maxLength)
            minLength = Swift.max(minLength, part.minLength)
            pattern = pattern ?? part.pattern

            maximum = Self.tighter(maximum, part.maximum, lower: true)
            minimum = Self.tighter(minimum, part.minimum, lower: false)
            multipleOf = multipleOf ?? part.multipleOf
            if variants.isEmpty { variants = part.variants }
        }
    }

    /// `anyOf`/`oneOf`: `null` branches become `nullable`; a single remaining
    /// branch reads as that branch; several stay as variants whose types are the
    /// union of theirs.
    mutating func readAlternatives(_ schemas: [DereferencedJSONSchema]) {
        let branches = schemas.filter {
            if case .null = $0 { return false }
            return true
        }
        if branches.count < schemas.count { nullable = true }

        if branches.count == 1 {
            var inner = SchemaView(branches[0])
            inner.nullable = inner.nullable || nullable
            inner.title = title ?? inner.title
            inner.summaryDescription = summaryDescription ?? inner.summaryDescription
            inner.deprecated = inner.deprecated || deprecated
            inner.extensions.merge(extensions) { _, mine in mine }
            if !examples.isEmpty { inner.examples = examples }
            self = inner
            return
        }

        let views = branches.map(SchemaView.init)
        types = views.reduce(Set<JSONKind>()) { union, view in
            guard let union, let kinds = view.types else { return nil }
            return union.union(kinds)
        }
        nullable = nullable || views.contains { $0.nullable }
        variants = branches
    }

    // MARK: Merging helpers

    private static func intersection(_ lhs: Set<JSONKind>?, _ rhs: Set<JSONKind>?) -> Set<JSONKind>? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        var result = lhs.intersection(rhs)
        // Every integer is a number, so integer ∩ number is integer.
        if (lhs.contains(.number) && rhs.contains(.integer)) || (lhs.contains(.integer) && rhs.contains(.number)) {
            result.insert(.integer)
        }
        return result
    }

    private static func smaller(_ lhs: Int?, _ rhs: Int?) -> Int? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        return Swift.min(lhs, rhs)
    }

    private static func tighter(_ lhs: Bound?, _ rhs: Bound?, lower: Bool) -> Bound? {
        guard let lhs else { return rhs }
        guard let rhs else { return lhs }
        if lhs.value == rhs.value { return lhs.exclusive ? lhs : rhs }
        return (lhs.value < rhs.value) == lower ? lhs : rhs
    }

    private static func stricter(_ lhs: AdditionalProperties, _ rhs: AdditionalProperties) -> AdditionalProperties {
        switch (lhs, rhs) {
        case (.forbidden, _), (_, .forbidden): .forbidden
        case (.schema, _): lhs
        case (_, .schema): rhs
        case (.allowed, _), (_, .allowed): .allowed
        case (.unspecified, .unspecified): .unspecified
        }
    }
}
