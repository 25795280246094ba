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
        let scheme = header.utf8.prefix(6)
        guard scheme.count == 6, scheme.elementsEqual("basic ".utf8, by: { $0 | 0x20 == $1 | 0x20 }),
              let data = Data(base64Encoded: String(header.dropFirst(6).trimmingOptionalWhitespace())),
              let decoded = String(validating: data, as: UTF8.self),
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
