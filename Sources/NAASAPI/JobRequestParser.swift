import Foundation
import NAASCore

/// Reads a job submission body into a `JobSpec`, collecting every invalid
/// field rather than stopping at the first, so a client fixes them in one go.
struct JobRequestParser {
    /// The job kind the route submits.
    let kind: JobKind
    /// The contract whose field names apply.
    var major: MajorVersion.ID = .v1
    /// Whether `save_config`/`commit` on a platform without that step is refused (422) rather than
    /// ignored, as v1 and older v2 microversions do.
    var refusesUnsupportedSteps = false

    struct Parsed {
        let spec: JobSpec
        let enableSecret: String?
        /// Deprecated request fields the client used.
        let deprecatedFields: [String]
    }

    func parse(_ body: JSONValue) -> Result<Parsed, APIError> {
        guard case .object(let fields) = body else {
            return .failure(.validation(source: "json", [FieldError([], "The body must be a JSON object, not \(body.typeName)", type: "type_error")]))
        }
        var errors: [FieldError] = []
        var deprecated: [String] = []
        if major == .v2 {
            // v2 renamed these for good: say so rather than silently ignoring them.
            for (old, new) in [("ip", "host"), ("device_type", "platform")] where fields[old] != nil {
                errors.append(FieldError([.string(old)], "\(old) is not part of the v2 contract: use \(new)", type: "extra_forbidden"))
            }
        }

        let host = hostField(fields, &errors)
        var platformName = "cisco_ios"
        if let value = fields["platform"], value != .null {
            platformName = string(value, "platform", &errors) ?? platformName
        } else if major == .v1, let value = fields["device_type"], value != .null {
            deprecated.append("device_type")
            platformName = string(value, "device_type", &errors) ?? platformName
        }
        let platformField = fields["platform"] == nil && fields["device_type"] != nil ? "device_type" : "platform"
        let selection = PlatformSelection(name: platformName)
        if selection == nil {
            errors.append(FieldError([.string(platformField)], "Unknown platform \"\(platformName)\"; use one of: \(Platform.acceptedNames.joined(separator: ", "))"))
        } else if selection == .autodetect, kind == .config {
            errors.append(FieldError([.string(platformField)], "autodetect works for show commands only: name the platform for a configuration job"))
        }
        let defaultPort = selection?.transport.defaultPort ?? DeviceTransportKind.ssh.defaultPort
        let port = integer(fields["port"], "port", default: defaultPort, range: 1...65_535, &errors)
        let lines = linesField(fields, &errors)
        let readTimeout = seconds(fields["read_timeout"], "read_timeout", default: 30, &errors)
        let connectTimeout = seconds(fields["conn_timeout"], "conn_timeout", default: 10, &errors)
        let enable = optionalString(fields["enable"], "enable", &errors)
        // An empty pattern would end every read at once; like Netmiko, it means "use the prompt".
        let expect = optionalString(fields["expect_string"], "expect_string", &errors).flatMap { $0.isEmpty ? nil : $0 }
        if let expect, (try? NSRegularExpression(pattern: expect)) == nil {
            errors.append(FieldError(["expect_string"], "expect_string is not a valid regular expression"))
        }
        let template = kind == .structuredCommand ? templateField(fields, &errors) : nil
        let save = bool(fields["save_config"], "save_config", &errors)
        let commit = bool(fields["commit"], "commit", &errors)
        // Absent means the default (reuse where the platform allows); v1's contract is frozen and ignores it.
        let reuseSession = major == .v2 && fields["reuse_session"] != nil && fields["reuse_session"] != .null
            ? bool(fields["reuse_session"], "reuse_session", &errors) : nil
        if refusesUnsupportedSteps, case .platform(let platform, _)? = selection, kind == .config {
            stepsSupported(by: platform, save: save, commit: commit, &errors)
        }

        guard errors.isEmpty, let host else { return .failure(.validation(source: "json", errors)) }
        let spec = JobSpec(
            kind: kind, target: DeviceTarget(host: host, port: port, platform: platformName), lines: lines,
            readTimeout: readTimeout, connectTimeout: connectTimeout, expectString: expect,
            saveConfig: save, commit: commit, textfsmTemplate: template, reuseSession: reuseSession)
        return .success(Parsed(spec: spec, enableSecret: enable, deprecatedFields: deprecated))
    }

    /// A structured job's own template, compiled here so a broken one is refused now. NAAS's other
    /// parser, TTP, is not offered: v2 says so; v1 ignores the field, as it ignores every unknown one.
    private func templateField(_ fields: [String: JSONValue], _ errors: inout [FieldError]) -> String? {
        if major == .v2, let ttp = fields["ttp_template"], ttp != .null {
            errors.append(FieldError(
                ["ttp_template"], "ttp_template is not supported: this service parses with TextFSM only; "
                    + "send textfsm_template, or neither to use ntc-templates", type: "extra_forbidden"))
        }
        guard let source = optionalString(fields[InlineTemplateCheck.field], InlineTemplateCheck.field, &errors) else {
            return nil
        }
        if let error = InlineTemplateCheck.error(in: source) { errors.append(error) }
        return source
    }

    /// A save or commit the platform has no step for is refused rather than silently skipped.
    private func stepsSupported(by platform: Platform, save: Bool, commit: Bool, _ errors: inout [FieldError]) {
        if save, platform.save == nil {
            let hint = platform.commit != nil ? "its commit is the save: send commit: true" : "it applies configuration as it is typed"
            errors.append(FieldError(["save_config"], "\(platform.name) has no separate save step (\(hint)); leave save_config out"))
        }
        if commit, platform.commit == nil {
            errors.append(FieldError(["commit"], "\(platform.name) has no commit step: its configuration applies as it is typed; leave commit out"))
        }
    }

    private func hostField(_ fields: [String: JSONValue], _ errors: inout [FieldError]) -> String? {
        let name = (fields["host"] != nil && fields["host"] != .null) || major == .v2 ? "host" : "ip"
        guard let value = fields[name], value != .null else {
            errors.append(FieldError(["host"], "Field required: the device address, as host (or ip)", type: "missing"))
            return nil
        }
        guard let host = string(value, name, &errors) else { return nil }
        guard HostAddress.isValid(host) else {
            errors.append(FieldError([.string(name)], "\"\(host.prefix(100))\" is not a valid IPv4 address, IPv6 address or host name"))
            return nil
        }
        return host
    }

    private func linesField(_ fields: [String: JSONValue], _ errors: inout [FieldError]) -> [String] {
        let name = kind == .config && fields["config"] != nil ? "config" : "commands"
        if name == "config", let alias = fields["commands"] {
            // Ignored beside `config`, but still held to its documented shape.
            _ = lines(alias, "commands", &errors)
        }
        guard let value = fields[name], value != .null else {
            let what = kind == .config ? "config: a list of configuration lines (or commands)" : "commands: a list of commands"
            errors.append(FieldError([.string(kind == .config ? "config" : "commands")], "Field required: \(what)", type: "missing"))
            return []
        }
        return lines(value, name, &errors)
    }

    private static func isOneNonBlankLine(_ line: String) -> Bool {
        var blank = true
        for character in line {
            if character.isNewline { return false }
            if !character.isWhitespace { blank = false }
        }
        return !blank
    }

    private func lines(_ value: JSONValue, _ name: String, _ errors: inout [FieldError]) -> [String] {
        guard case .array(let items) = value else {
            errors.append(FieldError([.string(name)], "\(name) must be a list of strings, not \(value.typeName)", type: "type_error"))
            return []
        }
        if items.isEmpty {
            errors.append(FieldError([.string(name)], "\(name) must hold at least one line"))
        }
        var lines: [String] = []
        for (index, item) in items.enumerated() {
            guard case .string(let line) = item else {
                errors.append(FieldError([.string(name), .int(index)], "Each entry must be a string, not \(item.typeName)", type: "type_error"))
                continue
            }
            if !Self.isOneNonBlankLine(line) {
                errors.append(FieldError([.string(name), .int(index)], "Each entry must be one non-blank line"))
                continue
            }
            lines.append(line)
        }
        return lines
    }

    private func string(_ value: JSONValue, _ name: String, _ errors: inout [FieldError]) -> String? {
        guard case .string(let text) = value else {
            errors.append(FieldError([.string(name)], "\(name) must be a string, not \(value.typeName)", type: "type_error"))
            return nil
        }
        return text
    }

    private func optionalString(_ value: JSONValue?, _ name: String, _ errors: inout [FieldError]) -> String? {
        guard let value, value != .null else { return nil }
        return string(value, name, &errors)
    }

    private func integer(_ value: JSONValue?, _ name: String, default fallback: Int, range: ClosedRange<Int>, _ errors: inout [FieldError]) -> Int {
        guard let value, value != .null else { return fallback }
        let number: Int
        switch value {
        case .int(let whole): number = whole
        // JSON Schema counts 22.0 as an integer; so do we.
        case .double(let real) where real == real.rounded() && abs(real) < 1e15: number = Int(real)
        default:
            errors.append(FieldError([.string(name)], "\(name) must be an integer, not \(value.typeName)", type: "type_error"))
            return fallback
        }
        guard range.contains(number) else {
            errors.append(FieldError([.string(name)], "\(name) must be between \(range.lowerBound) and \(range.upperBound)"))
            return fallback
        }
        return number
    }

    private func seconds(_ value: JSONValue?, _ name: String, default fallback: Double, _ errors: inout [FieldError]) -> Double {
        guard let value, value != .null else { return fallback }
        let number: Double
        switch value {
        case .int(let whole): number = Double(whole)
        case .double(let fraction): number = fraction
        default:
            errors.append(FieldError([.string(name)], "\(name) must be a number of seconds, not \(value.typeName)", type: "type_error"))
            return fallback
        }
        guard number > 0, number <= 3600 else {
            errors.append(FieldError([.string(name)], "\(name) must be more than 0 and at most 3600 seconds"))
            return fallback
        }
        return number
    }

    private func bool(_ value: JSONValue?, _ name: String, _ errors: inout [FieldError]) -> Bool {
        guard let value, value != .null else { return false }
        guard case .bool(let flag) = value else {
            errors.append(FieldError([.string(name)], "\(name) must be true or false, not \(value.typeName)", type: "type_error"))
            return false
        }
        return flag
    }
}
