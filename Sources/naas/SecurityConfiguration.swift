import Foundation
import NAASAPI
import NAASCore
import NAASStore

/// Reads the security and protection settings from the environment.
enum SecurityConfiguration {
    static func settings() throws -> SecuritySettings {
        let environment = ProcessInfo.processInfo.environment
        let contexts = try contextList(environment["NAAS_CONTEXTS"] ?? "", variable: "NAAS_CONTEXTS")
        return SecuritySettings(
            contexts: contexts.isEmpty ? [ContextName.defaultName] : contexts,
            adminSecret: environment["NAAS_ADMIN_SECRET"],
            keyDefaultLifetime: try setting(nil, ["API_KEY_DEFAULT_TTL"], default: SecuritySettings.standardKeyLifetime),
            keyMaxLifetime: try setting(nil, ["API_KEY_MAX_TTL"], default: 0.0),
            rateLimits: .init(
                window: try setting(nil, ["RATE_LIMIT_WINDOW"], default: 60.0),
                perCaller: try setting(nil, ["RATE_LIMIT_PER_CALLER"], default: 600),
                perDevice: try setting(nil, ["RATE_LIMIT_PER_DEVICE"], default: 60),
                basicCallers: switchSetting(false, "RATE_LIMIT_BASIC")),
            maxQueueDepth: try setting(nil, ["MAX_QUEUE_DEPTH"], default: 0))
    }

    /// The contexts this process's workers serve: `--contexts`, else all configured ones.
    static func workerContexts(_ flag: String?, of settings: SecuritySettings) throws -> Set<String> {
        let raw = try setting(flag, ["NAAS_WORKER_CONTEXTS"], default: "")
        let names = try contextList(raw, variable: "--contexts")
        guard !names.isEmpty else { return Set(settings.contexts) }
        let unknown = names.filter { !settings.contexts.contains($0) }
        guard unknown.isEmpty else {
            throw ValidationError("--contexts names \(unknown.joined(separator: ", ")), not in NAAS_CONTEXTS (\(settings.contexts.joined(separator: ", ")))")
        }
        return Set(names)
    }

    static func protection() throws -> ProtectionPolicy {
        func lockout(_ prefix: String) throws -> ProtectionPolicy.Lockout {
            ProtectionPolicy.Lockout(
                threshold: try setting(nil, ["\(prefix)_LOCKOUT_THRESHOLD"], default: 10),
                window: try setting(nil, ["\(prefix)_LOCKOUT_WINDOW"], default: 600.0),
                duration: try setting(nil, ["\(prefix)_LOCKOUT_DURATION"], default: 600.0))
        }
        return ProtectionPolicy(
            circuitThreshold: try setting(nil, ["CIRCUIT_BREAKER_THRESHOLD"], default: 5),
            circuitTimeout: try setting(nil, ["CIRCUIT_BREAKER_TIMEOUT"], default: 300.0),
            deviceLockout: try lockout("DEVICE"), userLockout: try lockout("USER"))
    }

    private static func contextList(_ raw: String, variable: String) throws -> [String] {
        let names = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for name in names where !ContextName.isValid(name) {
            throw ValidationError("\(variable): \"\(name)\" is not a context name (lowercase letters, digits, - and _, up to 63)")
        }
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }
}
