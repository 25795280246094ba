import OpenAPIKit

/// Compares two versions of the schema of one value (a request body, a
/// parameter, a response body) and records what changed for the clients on
/// `side`, walking into properties, array items and alternatives.
///
/// Both schemas are already dereferenced, so a change made inside a shared
/// component is found again under every operation that uses it.
struct SchemaComparison {
    let side: ContractSide
    let context: ComparisonContext

    /// Deep enough for any real document; a guard, since a dereferenced schema has no cycles.
    private static let maximumDepth = 64

    func compare(
        _ old: DereferencedJSONSchema, _ new: DereferencedJSONSchema,
        at location: FieldLocation, into log: inout ChangeLog
    ) {
        compare(SchemaView(old), SchemaView(new), at: location, depth: 0, into: &log)
    }

    func compare(
        _ old: SchemaView, _ new: SchemaView,
        at location: FieldLocation, depth: Int, into log: inout ChangeLog
    ) {
        guard depth < Self.maximumDepth else { return }
        compareDocumentation(old, new, at: location, into: &log)
        // After an incompatible type change the rest (limits of a string that is
        // now an object) is noise: one finding says it all.
        guard compareTypes(old, new, at: location, into: &log) else { return }
        compareNullability(old, new, at: location, into: &log)
        compareEnums(old, new, at: location, into: &log)
        compareConstraints(old, new, at: location, into: &log)
        compareProperties(old, new, at: location, depth: depth, into: &log)
        compareNested(old, new, at: location, depth: depth, into: &log)
        compareVariants(old, new, at: location, depth: depth, into: &log)
    }

    // MARK: Types

    /// Returns false when the type changed incompatibly.
    private func compareTypes(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, into log: inout ChangeLog
    ) -> Bool {
        // Two sets of alternatives are compared branch by branch instead.
        if !old.variants.isEmpty && !new.variants.isEmpty { return true }
        guard old.types != new.types else { return true }
        let change = "type of \(location) changed from \(Self.describe(old.types)) to \(Self.describe(new.types))"
        // The reader must accept everything the writer may produce: on a request
        // the new server reads what old clients write; on a response old clients
        // read what the new server writes.
        let compatible = switch side {
        case .request: Self.covers(new.types, old.types)
        case .response: Self.covers(old.types, new.types)
        }
        if compatible {
            log.record(side.typeCompatible, at: location, change)
            return true
        }
        log.record(side.typeChanged, at: location, change)
        return false
    }

    /// Whether every value of the `inner` types is also of the `outer` types (nil: any type).
    static func covers(_ outer: Set<SchemaView.JSONKind>?, _ inner: Set<SchemaView.JSONKind>?) -> Bool {
        guard let outer else { return true }
        guard let inner else { return false }
        return inner.allSatisfy { outer.contains($0) || ($0 == .integer && outer.contains(.number)) }
    }

    static func describe(_ types: Set<SchemaView.JSONKind>?) -> String {
        guard let types else { return "any" }
        if types.isEmpty { return "null" }
        return types.sorted().map(\.rawValue).joined(separator: "|")
    }

    // MARK: Null and enum

    private func compareNullability(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, into log: inout ChangeLog
    ) {
        guard old.nullable != new.nullable else { return }
        switch (side, new.nullable) {
        case (.request, true): log.record(side.nullableAdded, at: location, "\(location) now accepts null")
        case (.request, false):
            log.record(side.nullableRemoved, at: location, "\(location) no longer accepts null; clients sending null are rejected")
        case (.response, true):
            log.record(side.nullableAdded, at: location, "\(location) may now be null; clients that expect a value fail")
        case (.response, false): log.record(side.nullableRemoved, at: location, "\(location) is no longer null")
        }
    }

    private func compareEnums(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, into log: inout ChangeLog
    ) {
        switch (old.enumValues, new.enumValues) {
        case (nil, nil):
            return
        case (nil, let values?):
            log.record(side.constraintTightened, at: location,
                       "\(location) is now restricted to \(Self.list(values))")
        case (let values?, nil):
            log.record(side.constraintLoosened, at: location,
                       "\(location) is no longer restricted to \(Self.list(values))")
        case (let oldValues?, let newValues?):
            let removed = oldValues.filter { !newValues.contains($0) }
            let added = newValues.filter { !oldValues.contains($0) }
            if !removed.isEmpty {
                let consequence = side == .request
                    ? "clients sending it are rejected" : "clients waiting for or sending it back break"
                log.record(side.enumValueRemoved, at: location,
                           "\(location) lost enum value \(Self.list(removed)); \(consequence)")
            }
            if !added.isEmpty {
                let consequence = side == .request
                    ? "" : "; clients that switch over the old values may not handle it"
                log.record(side.enumValueAdded, at: location,
                           "\(location) gained enum value \(Self.list(added))\(consequence)")
            }
        }
    }

    static func list(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }

    // MARK: Documentation

    private func compareDocumentation(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, into log: inout ChangeLog
    ) {
        if old.title != new.title || old.summaryDescription != new.summaryDescription {
            log.record(.descriptionChanged, at: location, "description of \(location) changed")
        }
        if old.examples != new.examples {
            log.record(.exampleChanged, at: location, "example of \(location) changed")
        }
        if old.deprecated != new.deprecated {
            log.record(.deprecationChanged, at: location,
                       new.deprecated ? "\(location) is now deprecated" : "\(location) is no longer deprecated")
        }
    }
}
