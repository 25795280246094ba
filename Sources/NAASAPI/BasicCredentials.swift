import Foundation
import HTTPTypes
import NAASCore

/// HTTP Basic credentials: in NAAS v1 they are the device's own login.
struct BasicCredentials {
    let username: String
    let password: String

    /// Reads `Authorization: Basic …`; any other scheme or a malformed value is no credentials.
    init?(_ headers: HTTPFields) {
        guard let header = headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1].trimmingOptionalWhitespace())),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":")
        else { return nil }
        username = String(decoded[..<colon])
        password = String(decoded[decoded.index(after: colon)...])
        guard !username.isEmpty else { return nil }
    }

    func deviceCredentials(enableSecret: String?) -> Credentials {
        Credentials(username: username, password: password, enableSecret: enableSecret)
    }
}
