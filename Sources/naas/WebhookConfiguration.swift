import Foundation
import NAASWebhooks

/// The `WEBHOOK_*` settings, read once for the API's checks and the deliverer alike.
enum WebhookConfiguration {
    static func settings() throws -> WebhookSettings {
        let defaults = WebhookSettings()
        let attempts = try setting(nil, ["WEBHOOK_MAX_RETRIES"], default: defaults.maxAttempts)
        guard attempts >= 1 else { throw ValidationError("WEBHOOK_MAX_RETRIES must be 1 or more (attempts in all)") }
        let timeout = try setting(nil, ["WEBHOOK_TIMEOUT"], default: 10.0)
        guard timeout >= 0.1 else { throw ValidationError("WEBHOOK_TIMEOUT must be at least 0.1 seconds") }
        let delay = try setting(nil, ["WEBHOOK_RETRY_DELAY"], default: 5.0)
        guard delay >= 0 else { throw ValidationError("WEBHOOK_RETRY_DELAY must be 0 or more seconds") }
        let caFile = try setting(nil, ["WEBHOOK_CA_FILE"], default: "")
        if !caFile.isEmpty, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("WEBHOOK_CA_FILE=\(caFile) cannot be read")
        }
        return WebhookSettings(
            allowsHTTP: switchSetting(false, "WEBHOOK_ALLOW_HTTP"),
            allowsPrivateAddresses: switchSetting(false, "WEBHOOK_ALLOW_PRIVATE"),
            maxAttempts: attempts, timeout: .milliseconds(Int64(timeout * 1000)),
            firstRetryDelay: .milliseconds(Int64(delay * 1000)), extraTrustRootsFile: caFile.isEmpty ? nil : caFile)
    }
}
