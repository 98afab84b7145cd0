import Foundation
import StorywatchDeliver
import StorywatchTesting
import Testing

struct SignatureTests {
    private static let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    private static let body = Data(#"{"test": 2432232314}"#.utf8)
    private static let published = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

    @Test func signature_whenPublishedVector_matchesSpecification() throws {
        // Given the Standard Webhooks specification's published vector
        let signer = try WebhookSigner(secrets: [Fixtures.secret], webhook: "spec")

        // When the body is signed
        let signature = signer.signature(id: Self.id, timestamp: 1_614_265_330, body: Self.body)

        // Then it is the published signature
        #expect(signature == Self.published)
    }

    @Test func signature_whenSecretsRotated_givesOneSignatureEach() throws {
        // Given a new secret and the published one
        let other = "whsec_" + Data("another secret key".utf8).base64EncodedString()
        let signer = try WebhookSigner(secrets: [other, Fixtures.secret], webhook: "spec")

        // When the body is signed
        let signature = try #require(signer.signature(id: Self.id, timestamp: 1_614_265_330, body: Self.body))

        // Then both signatures are there, space-separated, in order, the published one last
        let parts = signature.split(separator: " ").map(String.init)
        #expect(parts.count == 2)
        #expect(parts[0].hasPrefix("v1,") && parts[0] != Self.published)
        #expect(parts[1] == Self.published)
    }

    @Test func signature_whenSecretHasNoPrefix_decodesBase64() throws {
        // Given the published secret without its whsec_ prefix
        let signer = try WebhookSigner(secrets: ["MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], webhook: "spec")

        // Then it signs the same
        #expect(signer.signature(id: Self.id, timestamp: 1_614_265_330, body: Self.body) == Self.published)
    }

    @Test func init_whenSecretIsNotBase64_throwsWithoutTheSecret() {
        // Given a secret that is not base64
        // Then the error names the webhook and the secret's position, not its text
        #expect(throws: DeliveryError.badSecret(webhook: "ops", index: 2)) {
            try WebhookSigner(secrets: [Fixtures.secret, "whsec_not*base64!"], webhook: "ops")
        }
        let message = DeliveryError.badSecret(webhook: "ops", index: 2).description
        #expect(!message.contains("not*base64"))
    }

    @Test func signature_whenNoSecret_isNil() throws {
        let signer = try WebhookSigner(secrets: [], webhook: "ops")
        #expect(signer.signature(id: "a", timestamp: 1, body: Data()) == nil)
    }
}
