import OpenAPIKit

/// Compares the parameters of one operation in two documents.
///
/// Parameters are matched by where they go and their name; header names
/// ignore case (HTTP does), and path parameters are matched by their position
/// in the template, since renaming `{id}` to `{job_id}` changes no URL.
struct ParameterComparison {
    let operation: String
    let oldPath: PathTemplate
    let newPath: PathTemplate
    let context: ComparisonContext

    func compare(_ old: [DereferencedParameter], _ new: [DereferencedParameter], into log: inout ChangeLog) {
        let oldByKey = Dictionary(old.map { (key($0, in: oldPath), $0) }, uniquingKeysWith: { first, _ in first })
        let newKeys = Set(new.map { key($0, in: newPath) })

        for parameter in old where !newKeys.contains(key(parameter, in: oldPath)) {
            let field = location(parameter)
            log.record(.parameterRemoved, at: field, "\(field) was removed")
        }

        for parameter in new {
            let field = location(parameter)
            guard let before = oldByKey[key(parameter, in: newPath)] else {
                recordAdded(parameter, at: field, into: &log)
                continue
            }
            compare(before, parameter, at: field, into: &log)
        }
    }

    private func compare(
        _ old: DereferencedParameter, _ new: DereferencedParameter, at field: FieldLocation, into log: inout ChangeLog
    ) {
        switch (old.required, new.required) {
        case (false, true):
            log.record(.parameterMadeRequired, at: field,
                       "\(field) became required; clients that leave it out are rejected")
        case (true, false):
            log.record(.parameterMadeOptional, at: field, "\(field) became optional")
        default:
            break
        }
        if old.description != new.description {
            log.record(.descriptionChanged, at: field, "description of \(field) changed")
        }
        if old.deprecated != new.deprecated {
            log.record(.deprecationChanged, at: field,
                       new.deprecated ? "\(field) is now deprecated" : "\(field) is no longer deprecated")
        }
        AvailabilityComparison(context: context)
            .compare(Self.extensions(of: old), Self.extensions(of: new), at: field, into: &log)
        if let before = Self.schema(of: old), let after = Self.schema(of: new) {
            SchemaComparison(side: .request, context: context).compare(before, after, at: field, into: &log)
        }
    }

    private func recordAdded(_ parameter: DereferencedParameter, at field: FieldLocation, into log: inout ChangeLog) {
        let extensions = Self.extensions(of: parameter)
        if context.isBehindNewMicroversion(extensions) {
            let version = ComparisonContext.minVersion(in: extensions).map(\.description) ?? ""
            log.record(.parameterAddedBehindMicroversion, at: field, "\(field) was added from microversion \(version)")
        } else if parameter.required {
            log.record(.parameterAddedRequired, at: field,
                       "\(field) was added as required; clients that do not send it are rejected")
        } else {
            log.record(.parameterAddedOptional, at: field, "\(field) was added as optional")
        }
    }

    private func key(_ parameter: DereferencedParameter, in path: PathTemplate) -> String {
        switch parameter.location {
        case .path:
            if let position = path.parameterNames.firstIndex(of: parameter.name) {
                return "path#\(position)"
            }
            return "path:\(parameter.name)"
        case .header:
            return "header:\(parameter.name.lowercased())"
        default:
            return "\(parameter.location.rawValue):\(parameter.name)"
        }
    }

    private func location(_ parameter: DereferencedParameter) -> FieldLocation {
        FieldLocation(operation: operation, field: "parameter.\(parameter.location.rawValue).\(parameter.name)")
    }

    /// The parameter's vendor extensions merged with its schema's: a
    /// microversion range may be written on either.
    static func extensions(of parameter: DereferencedParameter) -> [String: AnyCodable] {
        parameter.vendorExtensions.merging(schema(of: parameter)?.vendorExtensions ?? [:]) { own, _ in own }
    }

    /// The parameter's schema, whether given directly or through `content`.
    static func schema(of parameter: DereferencedParameter) -> DereferencedJSONSchema? {
        switch parameter.schemaOrContent {
        case .a(let context): context.schema
        case .b(let content): content.values.first?.schema
        }
    }
}
