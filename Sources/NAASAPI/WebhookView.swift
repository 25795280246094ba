import Foundation
import NAASCore
import NAASStore

/// How a job's webhook shows on its result (2.13), and the body a delivery posts.
public enum WebhookView {
    /// `webhook` on a result: null when the submission asked for none.
    static func state(_ state: WebhookState?) -> JSONValue {
        guard let state else { return .null }
        return [
            "url": .string(state.url),
            "status": .string(state.status.rawValue),
            "attempts": .int(state.attempts),
            "last_error": state.lastError.map(JSONValue.string) ?? .null,
            "last_attempt_at": JSONValue(state.lastAttemptAt),
            "delivered_at": JSONValue(state.deliveredAt),
        ]
    }

    /// The bytes a delivery posts: the job's result as its result route shows it at the
    /// microversion it was submitted with (the delivery's own state left out: it is being decided).
    public static func payload(of job: JobRecord, microversion: String) -> [UInt8] {
        let version = Microversion(microversion) ?? APIContract.webhooksSince
        let body = JobRoutes.result(of: job, at: version).removingKeys(["webhook"])
        return JSONWriter.bytes(body)
    }
}
