import Logging

/// A log handler that can take an event's fields as plain text pairs already
/// in key order. The audit trail writes two lines per submission; building
/// swift-log's metadata dictionary for each, only for the handler to take it
/// apart and sort it again, cost more than writing the line.
public protocol OrderedFieldsLogging: LogHandler {
    /// Logs `message` with `fields`, sorted by key, none of them `request_id`; the
    /// handler adds its own metadata where `fields` lack a key.
    func log(level: Logger.Level, message: String, requestID: String?, sortedFields fields: [(key: String, value: String)])
}
