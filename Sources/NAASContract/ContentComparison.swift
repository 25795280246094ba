import OpenAPIKit

/// Compares the media types of a request or response body and the schema each
/// carries. Locations leave the media type out (`request.body.host`): a field is
/// the same field in JSON or YAML, so two media types sharing a schema report
/// one change.
struct ContentComparison {
    let side: ContractSide
    let context: ComparisonContext

    func compare(
        _ old: DereferencedContent.Map, _ new: DereferencedContent.Map, at body: FieldLocation,
        into log: inout ChangeLog
    ) {
        for (type, _) in old where new[type] == nil {
            let field = body.qualified(type.rawValue)
            switch side {
            case .request:
                log.record(.requestMediaTypeRemoved, at: field,
                           "\(body) no longer accepts \(type.rawValue); clients sending it are rejected")
            case .response:
                log.record(.responseMediaTypeRemoved, at: field,
                           "\(body) is no longer offered as \(type.rawValue)")
            }
        }
        for (type, after) in new {
            guard let before = old[type] else {
                let field = body.qualified(type.rawValue)
                switch side {
                case .request:
                    log.record(.requestMediaTypeAdded, at: field, "\(body) now also accepts \(type.rawValue)")
                case .response:
                    log.record(.responseMediaTypeAdded, at: field, "\(body) is now also offered as \(type.rawValue)")
                }
                continue
            }
            if Self.examples(of: before) != Self.examples(of: after) {
                log.record(.exampleChanged, at: body, "example of \(body) changed")
            }
            if let oldSchema = before.schema, let newSchema = after.schema {
                SchemaComparison(side: side, context: context).compare(oldSchema, newSchema, at: body, into: &log)
            }
        }
    }

    /// The media type's own examples (not the schema's), as comparable text.
    private static func examples(of content: DereferencedContent) -> [String] {
        var texts = content.example.map { [SchemaView.canonical($0)] } ?? []
        for (name, example) in content.examples ?? [:] {
            let value = example.dataOrLegacyValue.map(SchemaView.canonical)
                ?? example.serializedValue ?? example.externalValue?.absoluteString ?? ""
            texts.append("\(name)=\(example.summary ?? "")|\(example.description ?? "")|\(value)")
        }
        return texts
    }
}
