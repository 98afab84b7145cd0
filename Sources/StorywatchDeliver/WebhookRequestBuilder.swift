import Foundation
import StorywatchModel

/// Builds the signed POST for one alert and one webhook: the format's body and Content-Type,
/// the webhook's own headers, then `webhook-id` (the development id, the same on every attempt),
/// `webhook-timestamp` (this attempt) and `webhook-signature` when secrets are set.
package struct WebhookRequestBuilder: Sendable {
    package let endpoint: WebhookEndpoint
    private let signer: WebhookSigner
    private let url: String

    /// Throws when a secret is malformed.
    package init(endpoint: WebhookEndpoint) throws(DeliveryError) {
        self.endpoint = endpoint
        signer = try WebhookSigner(secrets: endpoint.secrets, webhook: endpoint.name)
        url = endpoint.format == .ntfy ? NtfyFormat.split(url: endpoint.url).root : endpoint.url
    }

    package static let userAgent = "storywatch/\(StorywatchVersion.current) (+webhook delivery; libcurl)"
    private static let reserved: Set = ["webhook-id", "webhook-timestamp", "webhook-signature", "content-type",
                                        "content-length", "expect", "host"]

    /// The request for `alert` (the stored CloudEvents bytes) with message id `id` at `now`.
    package func request(id: String, alert: Data, now: Date) -> HTTPRequest {
        let payload = PayloadFormatter.payload(alert: alert, for: endpoint)
        let timestamp = Int(now.timeIntervalSince1970)
        var headers: [(name: String, value: String)] = endpoint.headers.sorted { $0.key < $1.key }
            .filter { !Self.reserved.contains($0.key.lowercased()) }
            .map { (name: $0.key, value: $0.value) }
        if !headers.contains(where: { $0.name.lowercased() == "user-agent" }) {
            headers.append((name: "User-Agent", value: Self.userAgent))
        }
        headers.append((name: "Content-Type", value: payload.contentType))
        headers.append((name: "webhook-id", value: id))
        headers.append((name: "webhook-timestamp", value: String(timestamp)))
        if let signature = signer.signature(id: id, timestamp: timestamp, body: payload.body) {
            headers.append((name: "webhook-signature", value: signature))
        }
        return HTTPRequest(url: url, headers: headers, body: payload.body, timeoutSeconds: endpoint.timeoutSeconds)
    }
}
