import Foundation
import NAASCore
import NAASStore
import NIOCore

/// One try at one delivery: judge the receiver's address again, POST the
/// job's result signed with the delivery's secret, and read the status.
struct WebhookAttempt: Sendable {
    let settings: WebhookSettings
    let client: ReceiverClient
    let resolver: ReceiverResolver
    let payload: WebhookDeliverer.Payload

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The receiver's 2xx status, or why the attempt failed.
    func make(_ delivery: WebhookDelivery, of job: JobRecord, number: Int) async -> Result<Int, Failure> {
        let url: ReceiverURL
        do {
            // The settings may have tightened since the job was submitted: the delivery follows today's.
            url = try ReceiverURL(checking: delivery.url, allowsHTTP: settings.allowsHTTP)
        } catch {
            return .failure(Failure(description: error.description))
        }
        let body = payload(job, delivery.microversion)
        var headers = [
            ("User-Agent", "naas-webhooks"),
            ("X-NAAS-Delivery", delivery.jobID),
            ("X-NAAS-Attempt", String(number)),
            ("X-NAAS-Event", "job.ended"),
        ]
        if !delivery.secret.isEmpty {
            let timestamp = Int(Date().timeIntervalSince1970)
            headers.append((WebhookSignature.headerName, WebhookSignature.headerValue(secret: delivery.secret, timestamp: timestamp, body: body)))
        }
        let address: SocketAddress
        do {
            address = try await resolver.address(of: url)
        } catch {
            return .failure(Failure(description: error.description))
        }
        do {
            let status = try await client.post(body, headers: headers, to: url, at: address, timeout: settings.timeout)
            guard (200..<300).contains(status) else {
                return .failure(Failure(description: "the receiver answered HTTP \(status)"))
            }
            return .success(status)
        } catch {
            return .failure(Failure(description: "\(error)"))
        }
    }
}
