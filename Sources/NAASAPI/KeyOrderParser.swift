import Foundation
import NAASCore

extension KeyOrder {
    /// Reads `{role, contexts, ttl, name}`, naming every invalid field.
    static func parse(_ body: JSONValue, settings: SecuritySettings) -> Result<KeyOrder, APIError> {
        guard case .object(let fields) = body else {
            return .failure(.validation(source: "json", [FieldError([], "The body must be a JSON object, not \(body.typeName)", type: "type_error")]))
        }
        var errors: [FieldError] = []
        let roles = Role.allCases.map(\.rawValue).joined(separator: ", ")
        var role: Role?
        switch fields["role"] {
        case nil, .null?: errors.append(FieldError(["role"], "Field required: the key's role, one of \(roles)", type: "missing"))
        case .string(let name)? where Role(rawValue: name) != nil: role = Role(rawValue: name)
        case _?: errors.append(FieldError(["role"], "role must be one of \(roles)"))
        }
        var contexts = ContextScope.all
        switch fields["contexts"] {
        case nil, .null?: break
        case .array(let items)? where !items.isEmpty:
            var names: [String] = []
            for (index, item) in items.enumerated() {
                guard case .string(let name) = item, name == ContextScope.wildcard || settings.contexts.contains(name) else {
                    errors.append(FieldError(
                        ["contexts", .int(index)], "Each entry must be \"*\" or a configured context: \(settings.contexts.joined(separator: ", "))"))
                    continue
                }
                names.append(name)
            }
            contexts = ContextScope(names: names)
        case _?: errors.append(FieldError(["contexts"], "contexts must be a non-empty list of context names, or [\"*\"]"))
        }
        // The default never outlives the maximum.
        var lifetime: TimeInterval? = settings.keyDefaultLifetime > 0 ? settings.keyDefaultLifetime : nil
        if settings.keyMaxLifetime > 0 { lifetime = min(lifetime ?? .infinity, settings.keyMaxLifetime) }
        switch fields["ttl"] {
        case nil, .null?: break
        case .int(let seconds)? where seconds >= 0:
            lifetime = seconds == 0 ? nil : TimeInterval(seconds)
            if settings.keyMaxLifetime > 0, seconds == 0 || TimeInterval(seconds) > settings.keyMaxLifetime {
                errors.append(FieldError(["ttl"], "ttl must be between 1 and \(Int(settings.keyMaxLifetime)) seconds (API_KEY_MAX_TTL)"))
            }
        case _?: errors.append(FieldError(["ttl"], "ttl must be a whole number of seconds, 0 for a key that never expires"))
        }
        var name: String?
        switch fields["name"] {
        case nil, .null?: break
        case .string(let text)? where (1...100).contains(text.count): name = text
        case _?: errors.append(FieldError(["name"], "name must be a string of 1 to 100 characters"))
        }
        guard errors.isEmpty, let role else { return .failure(.validation(source: "json", errors)) }
        return .success(KeyOrder(role: role, contexts: contexts, lifetime: lifetime, name: name))
    }
}
