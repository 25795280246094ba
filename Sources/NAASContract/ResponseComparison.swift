import OpenAPIKit

/// Compares the responses of one operation in two documents: which statuses it
/// answers with, and the headers and body of each status both documents have.
struct ResponseComparison {
    let operation: String
    let context: ComparisonContext

    func compare(_ old: DereferencedResponse.Map, _ new: DereferencedResponse.Map, into log: inout ChangeLog) {
        compareSuccessStatuses(old, new, into: &log)
        compareErrorStatuses(old, new, into: &log)
        for (status, after) in new {
            guard let before = old[status] else { continue }
            compare(before, after, at: FieldLocation(operation: operation, field: "response.\(status.rawValue)"),
                    into: &log)
        }
    }

    /// A client decides "it worked" from the 2xx status, so any change to the
    /// set of success statuses breaks someone.
    private func compareSuccessStatuses(
        _ old: DereferencedResponse.Map, _ new: DereferencedResponse.Map, into log: inout ChangeLog
    ) {
        var removed = old.keys.filter { $0.isSuccess && new[$0] == nil }
        var added = new.keys.filter { $0.isSuccess && old[$0] == nil }
        // A status that went while another came is one replacement (202 → 200).
        while !removed.isEmpty && !added.isEmpty {
            let before = removed.removeFirst()
            let after = added.removeFirst()
            log.record(.successStatusChanged, at: statusLocation(before),
                       "\(operation) answers \(after.rawValue) where it answered \(before.rawValue)")
        }
        for status in removed {
            log.record(.successStatusRemoved, at: statusLocation(status),
                       "\(operation) no longer answers \(status.rawValue)")
        }
        let expected = old.keys.filter(\.isSuccess).map(\.rawValue).joined(separator: ", ")
        for status in added {
            log.record(.successStatusAdded, at: statusLocation(status),
                       "\(operation) may now answer \(status.rawValue); clients expecting only \(expected) "
                           + "treat it as a failure")
        }
    }

    private func compareErrorStatuses(
        _ old: DereferencedResponse.Map, _ new: DereferencedResponse.Map, into log: inout ChangeLog
    ) {
        for status in old.keys where !status.isSuccess && new[status] == nil {
            log.record(.errorStatusRemoved, at: statusLocation(status),
                       "\(operation) no longer documents \(status.rawValue)")
        }
        for status in new.keys where !status.isSuccess && old[status] == nil {
            log.record(.errorStatusAdded, at: statusLocation(status),
                       "\(operation) now documents \(status.rawValue)")
        }
    }

    private func compare(
        _ old: DereferencedResponse, _ new: DereferencedResponse, at response: FieldLocation,
        into log: inout ChangeLog
    ) {
        if old.description != new.description {
            log.record(.descriptionChanged, at: response, "description of \(response) changed")
        }
        compareHeaders(old.headers ?? [:], new.headers ?? [:], at: response, into: &log)
        ContentComparison(side: .response, context: context)
            .compare(old.content, new.content, at: response.child("body"), into: &log)
    }

    /// Header names are matched without regard to case, as HTTP does.
    private func compareHeaders(
        _ old: DereferencedHeader.Map, _ new: DereferencedHeader.Map, at response: FieldLocation,
        into log: inout ChangeLog
    ) {
        func find(_ name: String, in headers: DereferencedHeader.Map) -> DereferencedHeader? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
        for (name, _) in old where find(name, in: new) == nil {
            let field = response.child("header").child(name)
            log.record(.responseHeaderRemoved, at: field, "\(field) was removed; clients reading it break")
        }
        for (name, after) in new {
            let field = response.child("header").child(name)
            guard let before = find(name, in: old) else {
                log.record(.responseHeaderAdded, at: field, "\(field) was added")
                continue
            }
            if let oldSchema = Self.schema(of: before), let newSchema = Self.schema(of: after) {
                SchemaComparison(side: .response, context: context).compare(oldSchema, newSchema, at: field, into: &log)
            }
        }
    }

    private func statusLocation(_ status: OpenAPI.Response.StatusCode) -> FieldLocation {
        FieldLocation(operation: operation, field: "response.\(status.rawValue)")
    }

    private static func schema(of header: DereferencedHeader) -> DereferencedJSONSchema? {
        switch header.schemaOrContent {
        case .a(let context): context.schema
        case .b(let content): content.values.first?.schema
        }
    }
}
