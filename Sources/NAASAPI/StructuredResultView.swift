import NAASCore

/// How a job's output looks through the structured result routes: per
/// command, its records (objects with lower-case keys), or its raw output
/// where parsing gave none; and, on v2, what went wrong where a parse failed.
enum StructuredResultView {
    static func results(_ output: JobOutput?) -> JSONValue {
        switch output {
        case .structured(let outputs, _)?:
            .object(Dictionary(outputs.map { ($0.command, result($0)) }, uniquingKeysWith: { _, last in last }))
        // A plain job read here parsed nothing: its output is shown as the plain routes show it.
        case .commands?, .config?, nil: JobView.results(output)
        }
    }

    /// Command → message for each command whose parse failed; empty when none did (or nothing was parsed).
    static func parseErrors(_ output: JobOutput?) -> JSONValue {
        guard case .structured(let outputs, _)? = output else { return [:] }
        var errors: [String: JSONValue] = [:]
        for output in outputs {
            if case .parseFailed(let message) = output.structure { errors[output.command] = .string(message) }
        }
        return .object(errors)
    }

    private static func result(_ output: StructuredCommandOutput) -> JSONValue {
        switch output.structure {
        case .records(let records): .array(records.map(object))
        case .unstructured, .parseFailed: .string(output.output)
        }
    }

    private static func object(_ fields: [RecordField]) -> JSONValue {
        .object(Dictionary(fields.map { ($0.name, value($0.value)) }, uniquingKeysWith: { _, last in last }))
    }

    private static func value(_ value: RecordValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .null: .null
        case .list(let items): .array(items.map(Self.value))
        case .group(let fields): object(fields)
        }
    }
}
