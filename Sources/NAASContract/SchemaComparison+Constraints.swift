// Limits on a value: each one either lets through fewer values than before
// (tightened) or more (loosened). Whether that breaks anyone depends on the
// side, which `ContractSide` turns into the rule to report.
extension SchemaComparison {
    /// One limit that moved.
    struct ConstraintChange {
        let tightened: Bool
        let detail: String
    }

    func compareConstraints(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, into log: inout ChangeLog
    ) {
        for change in Self.constraintChanges(old, new, side: side) {
            let rule = change.tightened ? side.constraintTightened : side.constraintLoosened
            log.record(rule, at: location, "\(location): \(change.detail)")
        }
    }

    static func constraintChanges(_ old: SchemaView, _ new: SchemaView, side: ContractSide) -> [ConstraintChange] {
        var changes: [ConstraintChange?] = [
            upperLimit("maxLength", old.maxLength, new.maxLength),
            lowerLimit("minLength", old.minLength, new.minLength),
            text("pattern", old.pattern, new.pattern),
            text("format", old.format, new.format),
            bound("maximum", old.maximum, new.maximum, upper: true),
            bound("minimum", old.minimum, new.minimum, upper: false),
            multiple(old.multipleOf, new.multipleOf),
            upperLimit("maxItems", old.maxItems, new.maxItems),
            lowerLimit("minItems", old.minItems, new.minItems),
            flag("uniqueItems", old.uniqueItems, new.uniqueItems),
            upperLimit("maxProperties", old.maxProperties, new.maxProperties),
        ]
        // Clients are expected to ignore response properties they do not know,
        // so closing or opening an object only matters for what the server accepts.
        if side == .request {
            changes.append(closedness(old.additionalProperties, new.additionalProperties))
        }
        return changes.compactMap { $0 }
    }

    private static func upperLimit(_ name: String, _ old: Int?, _ new: Int?) -> ConstraintChange? {
        switch (old, new) {
        case (nil, let limit?): ConstraintChange(tightened: true, detail: "\(name) \(limit) was added")
        case (let limit?, nil): ConstraintChange(tightened: false, detail: "\(name) \(limit) was removed")
        case (let before?, let after?) where before != after:
            ConstraintChange(
                tightened: after < before,
                detail: "\(name) \(after < before ? "decreased" : "increased") from \(before) to \(after)")
        default: nil
        }
    }

    private static func lowerLimit(_ name: String, _ old: Int, _ new: Int) -> ConstraintChange? {
        guard old != new else { return nil }
        return ConstraintChange(
            tightened: new > old, detail: "\(name) \(new > old ? "increased" : "decreased") from \(old) to \(new)")
    }

    private static func text(_ name: String, _ old: String?, _ new: String?) -> ConstraintChange? {
        switch (old, new) {
        case (nil, let value?): ConstraintChange(tightened: true, detail: "\(name) '\(value)' was added")
        case (let value?, nil): ConstraintChange(tightened: false, detail: "\(name) '\(value)' was removed")
        // A changed pattern or format cannot be proven to accept a superset, so it
        // is treated as tighter.
        case (let before?, let after?) where before != after:
            ConstraintChange(tightened: true, detail: "\(name) changed from '\(before)' to '\(after)'")
        default: nil
        }
    }

    private static func bound(
        _ name: String, _ old: SchemaView.Bound?, _ new: SchemaView.Bound?, upper: Bool
    ) -> ConstraintChange? {
        func show(_ bound: SchemaView.Bound) -> String {
            let number = bound.value.rounded() == bound.value ? String(Int(bound.value)) : String(bound.value)
            return bound.exclusive ? "\(number) (exclusive)" : number
        }
        switch (old, new) {
        case (nil, let limit?): return ConstraintChange(tightened: true, detail: "\(name) \(show(limit)) was added")
        case (let limit?, nil): return ConstraintChange(tightened: false, detail: "\(name) \(show(limit)) was removed")
        case (let before?, let after?) where before != after:
            let movedIn = upper ? after.value < before.value : after.value > before.value
            let tightened = movedIn || (after.value == before.value && after.exclusive)
            return ConstraintChange(tightened: tightened, detail: "\(name) changed from \(show(before)) to \(show(after))")
        default: return nil
        }
    }

    private static func multiple(_ old: Double?, _ new: Double?) -> ConstraintChange? {
        switch (old, new) {
        case (nil, let step?): return ConstraintChange(tightened: true, detail: "multipleOf \(step) was added")
        case (let step?, nil): return ConstraintChange(tightened: false, detail: "multipleOf \(step) was removed")
        case (let before?, let after?) where before != after:
            // Every multiple of 10 is a multiple of 5: a new step that divides the
            // old one accepts everything that was accepted.
            let ratio = before / after
            let divides = ratio.rounded() == ratio
            return ConstraintChange(tightened: !divides, detail: "multipleOf changed from \(before) to \(after)")
        default: return nil
        }
    }

    private static func flag(_ name: String, _ old: Bool, _ new: Bool) -> ConstraintChange? {
        guard old != new else { return nil }
        return ConstraintChange(tightened: new, detail: new ? "\(name) is now required" : "\(name) is no longer required")
    }

    private static func closedness(
        _ old: SchemaView.AdditionalProperties, _ new: SchemaView.AdditionalProperties
    ) -> ConstraintChange? {
        switch (old.isForbidden, new.isForbidden) {
        case (false, true):
            ConstraintChange(tightened: true, detail: "additional properties are no longer accepted")
        case (true, false):
            ConstraintChange(tightened: false, detail: "additional properties are now accepted")
        default: nil
        }
    }
}
