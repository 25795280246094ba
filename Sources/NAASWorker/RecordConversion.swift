import NAASCore
import TextFSM

// The engine's cells, translated into the core's, which the store and the
// API know without depending on the engine.

extension RecordValue {
    init(_ value: FieldValue) {
        switch value {
        case .string(let text): self = .string(text)
        case .null: self = .null
        case .list(let items): self = .list(items.map(RecordValue.init))
        case .group(let fields): self = .group(fields.map(RecordField.init))
        }
    }
}

extension RecordField {
    init(_ field: Field) {
        self.init(name: field.name, value: RecordValue(field.value))
    }
}
