import Crypto
import Foundation
import NAASCore

/// The signature of a delivery: HMAC-SHA256 with the job's `webhook_secret`
/// over the timestamp, a dot and the exact bytes of the body sent. A receiver
/// recomputes it over the bytes it read (never a re-serialised body) and
/// rejects old timestamps, so a captured delivery cannot be replayed later.
public enum WebhookSignature {
    public static let headerName = "X-NAAS-Signature"

    /// `t=<unix seconds>,v1=<hex digest>`.
    public static func headerValue(secret: String, timestamp: Int, body: [UInt8]) -> String {
        var message = Array("\(timestamp).".utf8)
        message.append(contentsOf: body)
        let digest = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Array(secret.utf8)))
        return "t=\(timestamp),v1=" + HexText.lowercase(digest)
    }
}
