/// Why a webhook could not be set up or a request could not be built; each says what to fix.
/// Never carries a secret's text.
package enum DeliveryError: Error, Sendable, CustomStringConvertible, Equatable {
    case badSecret(webhook: String, index: Int)
    case unreadableSecret(webhook: String, path: String)
    case emptySecretFile(webhook: String, path: String)
    case unknownWebhook(String)
    case curlInit(String)

    package var description: String {
        switch self {
        case .badSecret(let webhook, let index):
            "webhook \(webhook): secret #\(index) is not a Standard Webhooks secret (whsec_ followed by base64)"
        case .unreadableSecret(let webhook, let path):
            "webhook \(webhook): cannot read the secret file \(path); check the path and its permissions"
        case .emptySecretFile(let webhook, let path):
            "webhook \(webhook): the secret file \(path) holds no secret; write one whsec_ secret a line"
        case .unknownWebhook(let name):
            "no webhook named \(name) in the config"
        case .curlInit(let reason):
            "cannot start libcurl: \(reason)"
        }
    }
}
