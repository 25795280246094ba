import OpenAPIKit

/// Compares one operation that exists in both documents: its documentation,
/// parameters, request body and responses.
struct OperationComparison {
    let old: ResolvedEndpoint
    let new: ResolvedEndpoint
    let context: ComparisonContext

    func compare(into log: inout ChangeLog) {
        let operation = new.displayName
        let here = FieldLocation(operation: operation)

        if old.operationId != new.operationId {
            log.record(.operationIdChanged, at: here,
                       "operationId of \(operation) changed from \(old.operationId ?? "none") to "
                           + "\(new.operationId ?? "none"); generated clients rename the method")
        }
        if old.endpointSummary != new.endpointSummary || old.endpointDescription != new.endpointDescription {
            log.record(.descriptionChanged, at: here, "summary or description of \(operation) changed")
        }
        if old.deprecated != new.deprecated {
            log.record(.deprecationChanged, at: here,
                       new.deprecated ? "\(operation) is now deprecated" : "\(operation) is no longer deprecated")
        }

        AvailabilityComparison(context: context).compare(
            Self.extensions(of: old), Self.extensions(of: new), at: here, into: &log)

        ParameterComparison(
            operation: operation, oldPath: PathTemplate(old.path.rawValue), newPath: PathTemplate(new.path.rawValue),
            context: context
        ).compare(old.parameters, new.parameters, into: &log)
        RequestBodyComparison(operation: operation, context: context)
            .compare(old.requestBody, new.requestBody, into: &log)
        ResponseComparison(operation: operation, context: context)
            .compare(old.responses, new.responses, into: &log)
    }

    /// An operation's microversion range may be written on the operation or on its path item.
    private static func extensions(of endpoint: ResolvedEndpoint) -> [String: AnyCodable] {
        endpoint.endpointVendorExtensions.merging(endpoint.routeVendorExtensions) { own, _ in own }
    }
}
