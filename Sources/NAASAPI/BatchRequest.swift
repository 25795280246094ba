import NAASCore

/// A batch submission body read into one job per device: `devices` (each
/// `host` with optional `platform`, `port`, `username`, `password`, `enable`
/// and `context`) plus the fields every job shares. Each device's job is the
/// shared fields overlaid with the device's, checked exactly as a single
/// submission is, so a batch accepts nothing a single job would refuse.
struct BatchRequest {
    struct Member {
        let spec: JobSpec
        let context: String?
        let login: (username: String, password: String)?
        let enableSecret: String?
    }

    let members: [Member]
    let tags: [String: String]

    /// What a device entry may set; everything else is shared by the whole batch.
    static let deviceFields: Set<String> = ["host", "platform", "port", "username", "password", "enable", "context"]

    static func parse(
        _ body: JSONValue, kind: JobKind, operation: OperationID, microversion: Microversion, principal: Principal,
        settings: BatchSettings
    ) throws(APIError) -> BatchRequest {
        guard case .object(var shared) = body else {
            throw .validation(source: "json", [FieldError([], "The body must be a JSON object, not \(body.typeName)", type: "type_error")])
        }
        var errors: [FieldError] = []
        let devices = deviceList(shared.removeValue(forKey: "devices"), settings, &errors)
        if shared["host"] != nil {
            errors.append(FieldError(["host"], "A batch names its devices in devices: move host into each entry", type: "extra_forbidden"))
            shared["host"] = nil
        }
        for name in ["commands", "config"] {
            if case .array(let lines)? = shared[name], lines.count > settings.maxLines {
                errors.append(FieldError(
                    [.string(name)], "A batch sends at most \(settings.maxLines) lines to each device (BATCH_MAX_COMMANDS); "
                        + "\(lines.count) were sent: split the work into several batches"))
            }
        }
        let tags = JobTagFields.submitted(body, &errors)
        let parser = JobRequestParser(kind: kind, major: .v2, refusesUnsupportedSteps: true)
        var members: [Member] = []
        var seen = Set<FieldError>()
        for (index, device) in devices {
            var merged = shared
            for (name, value) in device { merged[name] = value }
            let access = AccessFields(.object(merged), operation: operation, microversion: microversion, principal: principal)
            var found = access.errors
            switch parser.parse(.object(merged)) {
            case .success(let parsed):
                members.append(Member(spec: parsed.spec, context: access.context, login: access.bodyLogin, enableSecret: parsed.enableSecret))
            case .failure(.validation(_, let fieldErrors)):
                found += fieldErrors
            case .failure(let error):
                throw error
            }
            for error in found {
                // A device's own field is reported at its entry; a shared one once, at the top.
                if case .string(let name)? = error.location.first, device[name] != nil {
                    errors.append(FieldError(["devices", .int(index)] + error.location, error.message, type: error.type))
                } else if seen.insert(error).inserted {
                    errors.append(error)
                }
            }
        }
        guard errors.isEmpty else { throw .validation(source: "json", errors) }
        return BatchRequest(members: members, tags: tags)
    }

    /// The device entries worth reading further, with their indexes in `devices`.
    private static func deviceList(_ value: JSONValue?, _ settings: BatchSettings, _ errors: inout [FieldError])
        -> [(index: Int, fields: [String: JSONValue])]
    {
        guard let value, value != .null else {
            errors.append(FieldError(["devices"], "Field required: devices, a list of {host, platform, port, username, password, enable, context}", type: "missing"))
            return []
        }
        guard case .array(let entries) = value else {
            errors.append(FieldError(["devices"], "devices must be a list of objects, not \(value.typeName)", type: "type_error"))
            return []
        }
        guard !entries.isEmpty else {
            errors.append(FieldError(["devices"], "devices must hold at least one device"))
            return []
        }
        guard entries.count <= settings.maxDevices else {
            errors.append(FieldError(
                ["devices"], "A batch holds at most \(settings.maxDevices) devices (BATCH_MAX_DEVICES); \(entries.count) were sent: "
                    + "split it into several batches"))
            return []
        }
        var devices: [(index: Int, fields: [String: JSONValue])] = []
        for (index, entry) in entries.enumerated() {
            guard case .object(let fields) = entry else {
                errors.append(FieldError(["devices", .int(index)], "Each device must be an object, not \(entry.typeName)", type: "type_error"))
                continue
            }
            for name in fields.keys.sorted() where !deviceFields.contains(name) {
                errors.append(FieldError(
                    ["devices", .int(index), .string(name)],
                    "A device entry takes \(deviceFields.sorted().joined(separator: ", ")); \(name) is shared: move it to the top level",
                    type: "extra_forbidden"))
            }
            guard let host = fields["host"], host != .null else {
                errors.append(FieldError(["devices", .int(index), "host"], "Field required: the device address", type: "missing"))
                continue
            }
            devices.append((index, fields))
        }
        return devices
    }
}
