import Foundation
import Logging

/// Security-relevant acts, one JSON log line each under the `naas.audit`
/// logger. Callers pass identities, ids and names only: never a password,
/// token, enable secret or device output.
public struct AuditLog: Sendable {
    public enum Event: String, Sendable, CaseIterable {
        case authSuccess = "auth.success"
        case authFailure = "auth.failure"
        case rbacDenied = "auth.rbac_denied"
        case contextDenied = "auth.context_denied"
        case keyCreated = "apikey.created"
        case keyRevoked = "apikey.revoked"
        case keyRotated = "apikey.rotated"
        case jobSubmitted = "job.submitted"
        case jobCompleted = "job.completed"
        case jobCancelled = "job.cancelled"
        case deviceLockedOut = "device.locked_out"
        case userLockedOut = "user.locked_out"
        case circuitOpened = "circuit.opened"
        case circuitClosed = "circuit.closed"
        case webhookFailed = "webhook.failed"
    }

    /// The logger label: the server gives it a level of its own.
    public static let label = "naas.audit"

    private let logger: Logger
    /// The logger's handler, when it takes ordered fields.
    private let orderedFields: (any OrderedFieldsLogging)?

    public init(logger: Logger = Logger(label: AuditLog.label)) {
        self.logger = logger
        self.orderedFields = logger.handler as? any OrderedFieldsLogging
    }

    public func record(_ event: Event, identity: String, requestID: String?, _ details: [String: String] = [:]) {
        let level: Logger.Level = event == .authSuccess ? .info : .notice
        guard level >= logger.logLevel else { return }
        if let orderedFields {
            // As in the metadata below, a detail wins over the field it names.
            var fields = details.filter { $0.key != "request_id" }.map { (key: $0.key, value: $0.value) }
            if details["event"] == nil { fields.append(("event", event.rawValue)) }
            if details["identity"] == nil { fields.append(("identity", identity)) }
            fields.sort { $0.key < $1.key }
            orderedFields.log(level: level, message: event.rawValue, requestID: details["request_id"] ?? requestID, sortedFields: fields)
            return
        }
        var metadata: Logger.Metadata = ["event": .string(event.rawValue), "identity": .string(identity)]
        if let requestID { metadata["request_id"] = .string(requestID) }
        for (key, value) in details { metadata[key] = .string(value) }
        logger.log(level: level, "\(event.rawValue)", metadata: metadata)
    }

    /// The audit line of a protection that changed state.
    public func record(_ event: ProtectionEvent, requestID: String?) {
        switch event {
        case .circuitOpened(let device, let failures, let retryAt):
            record(.circuitOpened, identity: "system", requestID: requestID, [
                "device": device, "failures": "\(failures)", "retry_at": retryAt.formatted(.iso8601),
            ])
        case .circuitClosed(let device):
            record(.circuitClosed, identity: "system", requestID: requestID, ["device": device])
        case .deviceLockedOut(let device, let failures, let until):
            record(.deviceLockedOut, identity: "system", requestID: requestID, [
                "device": device, "failures": "\(failures)", "until": until.formatted(.iso8601),
            ])
        case .userLockedOut(let subject, let failures, let until):
            record(.userLockedOut, identity: "system", requestID: requestID, [
                "login_fingerprint": subject, "failures": "\(failures)", "until": until.formatted(.iso8601),
            ])
        }
    }
}
