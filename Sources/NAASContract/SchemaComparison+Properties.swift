import OpenAPIKit

// Object properties: which appeared, which went away, which changed whether
// they must be present, and what changed inside the ones that stayed.
extension SchemaComparison {
    func compareProperties(
        _ old: SchemaView, _ new: SchemaView, at location: FieldLocation, depth: Int, into log: inout ChangeLog
    ) {
        let oldProperties = carried(old)
        let newProperties = carried(new)

        for (name, oldProperty) in oldProperties {
            let field = location.child(name)
            guard let newProperty = newProperties.first(where: { $0.name == name })?.view else {
                recordRemoved(field, closed: new.additionalProperties.isForbidden, into: &log)
                continue
            }
            compareRequirement(
                was: old.requiredProperties.contains(name), is: new.requiredProperties.contains(name),
                at: field, into: &log)
            AvailabilityComparison(context: context)
                .compare(oldProperty.extensions, newProperty.extensions, at: field, into: &log)
            compare(oldProperty, newProperty, at: field, depth: depth + 1, into: &log)
        }

        for (name, newProperty) in newProperties where !oldProperties.contains(where: { $0.name == name }) {
            recordAdded(
                location.child(name), property: newProperty, required: new.requiredProperties.contains(name),
                into: &log)
        }
    }

    /// The properties that travel on this side, as views.
    private func carried(_ view: SchemaView) -> [(name: String, view: SchemaView)] {
        view.properties
            .map { ($0.name, SchemaView($0.schema)) }
            .filter { side.carries($0.1) }
    }

    private func recordRemoved(_ field: FieldLocation, closed: Bool, into log: inout ChangeLog) {
        switch side {
        case .response:
            log.record(.responsePropertyRemoved, at: field, "\(field) was removed; clients reading it break")
        case .request where closed:
            log.record(.requestPropertyRemoved, at: field,
                       "\(field) was removed and additionalProperties is false; clients still sending it are rejected")
        case .request:
            log.record(.requestPropertyRemovedIgnored, at: field,
                       "\(field) was removed; clients still sending it are accepted and the value is ignored")
        }
    }

    private func recordAdded(
        _ field: FieldLocation, property: SchemaView, required: Bool, into log: inout ChangeLog
    ) {
        let behind = context.isBehindNewMicroversion(property.extensions)
        let version = ComparisonContext.minVersion(in: property.extensions).map(\.description) ?? ""
        switch (side, behind, required) {
        case (.request, true, _):
            log.record(.requestPropertyAddedBehindMicroversion, at: field,
                       "\(field) was added from microversion \(version)")
        case (.request, false, true):
            log.record(.requestPropertyAddedRequired, at: field,
                       "\(field) was added as required; clients that do not send it are rejected")
        case (.request, false, false):
            log.record(.requestPropertyAddedOptional, at: field, "\(field) was added as optional")
        case (.response, true, _):
            log.record(.responsePropertyAddedBehindMicroversion, at: field,
                       "\(field) was added from microversion \(version)")
        case (.response, false, _):
            log.record(.responsePropertyAdded, at: field, "\(field) was added")
        }
    }

    private func compareRequirement(was: Bool, is now: Bool, at field: FieldLocation, into log: inout ChangeLog) {
        switch (side, was, now) {
        case (.request, false, true):
            log.record(.requestPropertyMadeRequired, at: field,
                       "\(field) became required; clients that leave it out are rejected")
        case (.request, true, false):
            log.record(.requestPropertyMadeOptional, at: field, "\(field) became optional")
        case (.response, true, false):
            log.record(.responsePropertyMadeOptional, at: field,
                       "\(field) may now be missing; clients that rely on it break")
        case (.response, false, true):
            log.record(.responsePropertyMadeRequired, at: field, "\(field) is now always present")
        default:
            return
        }
    }
}
