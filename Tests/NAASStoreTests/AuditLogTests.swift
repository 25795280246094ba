import Logging
import NAASStore
import Synchronization
import Testing

/// The audit trail writes the same fields whether its handler takes ordered fields or swift-log metadata.
@Suite struct AuditLogTests {
    struct Line: Equatable {
        var level: Logger.Level
        var message: String
        var requestID: String?
        var fields: [String]
    }

    /// Records lines as a plain swift-log handler receives them, in the shape of an ordered-fields line.
    class MetadataRecorder: LogHandler, @unchecked Sendable {
        let lines = Mutex<[Line]>([])
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            var fields = event.metadata ?? [:]
            let requestID = fields.removeValue(forKey: "request_id").map { "\($0)" }
            lines.withLock {
                $0.append(Line(
                    level: event.level, message: "\(event.message)", requestID: requestID,
                    fields: fields.map { "\($0.key)=\($0.value)" }.sorted()))
            }
        }
    }

    /// Records lines as an ordered-fields handler receives them, and fails a test that sends it metadata.
    final class OrderedRecorder: MetadataRecorder, OrderedFieldsLogging, @unchecked Sendable {
        override func log(event: LogEvent) { Issue.record("the audit log took the metadata path: \(event.message)") }
        func log(level: Logger.Level, message: String, requestID: String?, sortedFields fields: [(key: String, value: String)]) {
            lines.withLock { $0.append(Line(level: level, message: message, requestID: requestID, fields: fields.map { "\($0.key)=\($0.value)" })) }
        }
    }

    private static func recordSome(_ audit: AuditLog) {
        audit.record(.authSuccess, identity: "basic:ops", requestID: "r-1", ["role": "operator", "operation": "send_command.submit"])
        audit.record(.jobSubmitted, identity: "key:k1", requestID: nil, ["job_id": "j-1", "context": "default", "device": "10.0.0.1:22"])
        // A detail names a field the log sets itself: the detail wins, as it always has.
        audit.record(.keyCreated, identity: "admin", requestID: "r-2", ["identity": "key:k2", "request_id": "r-3"])
    }

    @Test func anOrderedFieldsHandlerGetsTheSameLinesAsSwiftLogMetadataGives() {
        let ordered = OrderedRecorder()
        Self.recordSome(AuditLog(logger: Logger(label: AuditLog.label) { _ in ordered }))
        let plain = MetadataRecorder()
        Self.recordSome(AuditLog(logger: Logger(label: AuditLog.label) { _ in plain }))

        let lines = ordered.lines.withLock { $0 }
        #expect(lines == plain.lines.withLock { $0 })
        #expect(lines == [
            Line(level: .info, message: "auth.success", requestID: "r-1",
                 fields: ["event=auth.success", "identity=basic:ops", "operation=send_command.submit", "role=operator"]),
            Line(level: .notice, message: "job.submitted", requestID: nil,
                 fields: ["context=default", "device=10.0.0.1:22", "event=job.submitted", "identity=key:k1", "job_id=j-1"]),
            Line(level: .notice, message: "apikey.created", requestID: "r-3", fields: ["event=apikey.created", "identity=key:k2"]),
        ])
    }

    @Test func linesBelowTheLevelAreNotWritten() {
        let ordered = OrderedRecorder()
        ordered.logLevel = .notice
        Self.recordSome(AuditLog(logger: Logger(label: AuditLog.label) { _ in ordered }))
        #expect(ordered.lines.withLock { $0 }.map(\.message) == ["job.submitted", "apikey.created"])
    }
}
