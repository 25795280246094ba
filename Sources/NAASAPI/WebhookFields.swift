import NAASCore
import NAASStore
import NAASWebhooks

/// `webhook_url` and `webhook_secret` on a submission (2.13): the receiver
/// is checked as the deliverer will check it, so a refused URL is a 422 now
/// rather than a delivery that can never succeed.
struct WebhookFields: Sendable {
    let settings: WebhookSettings
    let resolver: ReceiverResolver

    init(settings: WebhookSettings) {
        self.settings = settings
        self.resolver = ReceiverResolver(allowsPrivateAddresses: settings.allowsPrivateAddresses)
    }

    static let maxSecretLength = 1024

    /// The webhook a body asks for, if any, for a job submitted at `microversion`; problems are appended to `errors`.
    func submitted(_ body: JSONValue, microversion: Microversion, _ errors: inout [FieldError]) async -> WebhookRequest? {
        guard case .object(let fields) = body else { return nil }
        let url = fields["webhook_url"] ?? .null
        let secret = fields["webhook_secret"] ?? .null
        var secretText = ""
        switch secret {
        case .null: break
        case .string(let text) where !text.isEmpty && text.utf8.count <= Self.maxSecretLength: secretText = text
        case .string:
            errors.append(FieldError(["webhook_secret"], "webhook_secret must be 1 to \(Self.maxSecretLength) characters"))
        default:
            errors.append(FieldError(["webhook_secret"], "webhook_secret must be a string, not \(secret.typeName)", type: "type_error"))
        }
        switch url {
        case .null:
            if secret != .null {
                errors.append(FieldError(["webhook_secret"], "webhook_secret signs webhook deliveries: send it with webhook_url"))
            }
            return nil
        case .string(let text):
            do {
                let receiver = try ReceiverURL(checking: text, allowsHTTP: settings.allowsHTTP)
                _ = try await resolver.address(of: receiver)
                return WebhookRequest(url: receiver.text, secret: secretText, microversion: microversion.description)
            } catch {
                errors.append(FieldError(["webhook_url"], error.description))
                return nil
            }
        default:
            errors.append(FieldError(["webhook_url"], "webhook_url must be a string, not \(url.typeName)", type: "type_error"))
            return nil
        }
    }
}
