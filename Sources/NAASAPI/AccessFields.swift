import NAASCore

/// The parts of a v2 submission body that say where the job runs and which
/// device login it uses, checked against the caller and the microversion.
struct AccessFields {
    var context: String?
    /// The device login from the body (API-key and admin callers).
    var bodyLogin: (username: String, password: String)?
    var errors: [FieldError] = []

    init(_ body: JSONValue, operation: OperationID, microversion: Microversion?, principal: Principal) {
        guard case .object(let fields) = body else { return }
        if let microversion {
            for (field, since) in APIContract.unavailableRequestFields(for: operation, at: microversion).sorted(by: { $0.key < $1.key })
            where fields[field] != nil && fields[field] != .null {
                errors.append(FieldError(
                    [.string(field)], "\(field) exists from microversion \(since): send NAAS-API-Version: \(since) or later",
                    type: "extra_forbidden"))
            }
        }
        context = text(fields, "context")
        let username = text(fields, "username")
        let password = text(fields, "password")
        if principal.deviceLogin != nil {
            for field in ["username", "password"] where fields[field] != nil && fields[field] != .null {
                errors.append(FieldError(
                    [.string(field)], "The device login comes from HTTP Basic: remove \(field), or authenticate with an API key",
                    type: "extra_forbidden"))
            }
            return
        }
        if username == nil, errors.allSatisfy({ $0.location != ["username"] }) {
            errors.append(FieldError(["username"], "Field required: the device username (API-key requests carry no device login)", type: "missing"))
        }
        if password == nil, errors.allSatisfy({ $0.location != ["password"] }) {
            errors.append(FieldError(["password"], "Field required: the device password (API-key requests carry no device login)", type: "missing"))
        }
        if let username, let password { bodyLogin = (username, password) }
    }

    private mutating func text(_ fields: [String: JSONValue], _ name: String) -> String? {
        switch fields[name] {
        case nil, .null?: return nil
        case .string(let value)?:
            if value.isEmpty, name != "password" {
                errors.append(FieldError([.string(name)], "\(name) must not be empty"))
                return nil
            }
            return value
        case let other?:
            errors.append(FieldError([.string(name)], "\(name) must be a string, not \(other.typeName)", type: "type_error"))
            return nil
        }
    }
}
