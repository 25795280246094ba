/// Which way a value travels, which decides whether a schema change that
/// narrows or widens it breaks clients: narrowing what the server accepts
/// breaks senders, widening what it returns breaks readers.
enum ContractSide {
    /// Request bodies and parameters: the client writes, the server validates.
    case request
    /// Response bodies: the server writes, the client reads.
    case response

    var typeChanged: ContractRule { self == .request ? .requestTypeChanged : .responseTypeChanged }
    /// A type change that keeps every old value valid for this side's reader.
    var typeCompatible: ContractRule { self == .request ? .requestTypeWidened : .responseTypeNarrowed }
    var enumValueRemoved: ContractRule { self == .request ? .requestEnumValueRemoved : .responseEnumValueRemoved }
    var enumValueAdded: ContractRule { self == .request ? .requestEnumValueAdded : .responseEnumValueAdded }
    var nullableAdded: ContractRule { self == .request ? .requestNullableAdded : .responseNullableAdded }
    var nullableRemoved: ContractRule { self == .request ? .requestNullableRemoved : .responseNullableRemoved }
    var constraintTightened: ContractRule {
        self == .request ? .requestConstraintTightened : .responseConstraintTightened
    }
    var constraintLoosened: ContractRule {
        self == .request ? .requestConstraintLoosened : .responseConstraintLoosened
    }

    /// Whether a property takes part on this side: read-only properties are never
    /// sent by clients, write-only ones never returned.
    func carries(_ view: SchemaView) -> Bool {
        switch self {
        case .request: !view.readOnly
        case .response: !view.writeOnly
        }
    }
}
