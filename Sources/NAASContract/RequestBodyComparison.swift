import OpenAPIKit

/// Compares the request body of one operation in two documents: whether one is
/// expected at all, which media types are accepted, and the schema of each.
struct RequestBodyComparison {
    let operation: String
    let context: ComparisonContext

    func compare(_ old: DereferencedRequest?, _ new: DereferencedRequest?, into log: inout ChangeLog) {
        let body = FieldLocation(operation: operation, field: "request.body")
        switch (old, new) {
        case (nil, nil):
            return
        case (nil, let added?):
            if added.required {
                log.record(.requestBodyMadeRequired, at: body,
                           "\(body) was added as required; clients that send no body are rejected")
            } else {
                log.record(.requestBodyAdded, at: body, "\(body) was added as optional")
            }
        case (_?, nil):
            log.record(.requestBodyRemoved, at: body,
                       "\(body) was removed; what clients send is no longer read")
        case (let before?, let after?):
            compare(before, after, at: body, into: &log)
        }
    }

    private func compare(
        _ old: DereferencedRequest, _ new: DereferencedRequest, at body: FieldLocation, into log: inout ChangeLog
    ) {
        switch (old.required, new.required) {
        case (false, true):
            log.record(.requestBodyMadeRequired, at: body,
                       "\(body) became required; clients that send no body are rejected")
        case (true, false):
            log.record(.requestBodyMadeOptional, at: body, "\(body) became optional")
        default:
            break
        }
        if old.description != new.description {
            log.record(.descriptionChanged, at: body, "description of \(body) changed")
        }
        ContentComparison(side: .request, context: context).compare(old.content, new.content, at: body, into: &log)
    }
}
