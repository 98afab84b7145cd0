import Crypto
import Foundation

/// Signs payloads the Standard Webhooks way: `webhook-signature: v1,<base64 HMAC-SHA256>` over
/// `"<id>.<timestamp>.<body>"`, keyed by the base64-decoded text after `whsec_`. Several secrets
/// (rotation) give several space-separated signatures. Never logs or prints a key.
package struct WebhookSigner: Sendable {
    private let keys: [SymmetricKey]

    /// Decodes each secret; throws `DeliveryError.badSecret` (naming its position, not its text)
    /// for one that is not base64 after the optional `whsec_` prefix.
    package init(secrets: [String], webhook: String) throws(DeliveryError) {
        var keys: [SymmetricKey] = []
        for (index, secret) in secrets.enumerated() {
            var text = Substring(secret.trimmingCharacters(in: .whitespacesAndNewlines))
            if text.hasPrefix("whsec_") { text = text.dropFirst(6) }
            guard !text.isEmpty, let data = Data(base64Encoded: String(text)), !data.isEmpty else {
                throw .badSecret(webhook: webhook, index: index + 1)
            }
            keys.append(SymmetricKey(data: data))
        }
        self.keys = keys
    }

    /// True when no secret is configured: requests go out unsigned.
    package var isEmpty: Bool { keys.isEmpty }

    /// The `webhook-signature` header value, or nil without secrets.
    package func signature(id: String, timestamp: Int, body: Data) -> String? {
        guard !keys.isEmpty else { return nil }
        var message = Data("\(id).\(timestamp).".utf8)
        message.append(body)
        return keys.map { key in
            "v1," + Data(HMAC<SHA256>.authenticationCode(for: message, using: key)).base64EncodedString()
        }.joined(separator: " ")
    }
}
