import Foundation
import StorywatchDeliver
import StorywatchTesting
import Testing

/// libcurl against a local receiver on 127.0.0.1.
struct CurlTransportTests {
    private static var options: CurlTransport.Options {
        var options = CurlTransport.Options()
        options.noProxy = "*"
        return options
    }

    private static func request(_ url: String, timeout: Double = 5, body: String = #"{"a":1}"#) -> HTTPRequest {
        HTTPRequest(url: url, headers: [(name: "Content-Type", value: "application/json"), (name: "webhook-id", value: "m1")],
                    body: Data(body.utf8), timeoutSeconds: timeout)
    }

    @Test func send_when200_returnsStatusHeadersAndBody() async throws {
        // Given a receiver answering 200 with a header and a body
        let receiver = try await Receiver(fallback: Reply(status: 200, headers: ["X-Seen": "yes"], body: "thanks"))
        defer { receiver.stop() }

        // When a request is sent
        let result = try await CurlTransport.with(options: Self.options) { await $0.send(Self.request(receiver.url)) }

        // Then the answer and the request's headers and body went through
        let response = try result.outcome.get()
        #expect(response.status == 200)
        #expect(response.headers["x-seen"] == "yes")
        #expect(String(decoding: response.body, as: UTF8.self) == "thanks")
        let seen = receiver.requests()
        #expect(seen.count == 1)
        #expect(seen.first?.headers["webhook-id"] == "m1")
        #expect(seen.first?.headers["content-type"] == "application/json")
        #expect(seen.first?.headers["expect"] == nil)
        #expect(seen.first?.body == #"{"a":1}"#)
    }

    @Test func send_whenManyRequests_reusesConnection() async throws {
        // Given a keep-alive receiver
        let receiver = try await Receiver()
        defer { receiver.stop() }

        // When ten requests are sent one after another
        try await CurlTransport.with(options: Self.options) { transport in
            for _ in 0..<10 { _ = await transport.send(Self.request(receiver.url)) }
        }

        // Then they all came over one connection (one client port)
        let ports = Set(receiver.requests().map(\.clientPort))
        #expect(receiver.requests().count == 10)
        #expect(ports.count == 1)
    }

    @Test func send_whenRedirect_doesNotFollow() async throws {
        let receiver = try await Receiver(fallback: Reply(status: 302, headers: ["Location": "http://127.0.0.1:1/elsewhere"]))
        defer { receiver.stop() }
        let result = try await CurlTransport.with(options: Self.options) { await $0.send(Self.request(receiver.url)) }
        let response = try result.outcome.get()
        #expect(response.status == 302)
        #expect(response.headers["location"] == "http://127.0.0.1:1/elsewhere")
        #expect(receiver.requests().count == 1)
    }

    @Test func send_whenServerIsSlow_timesOut() async throws {
        // Given a receiver that answers after 5 s and a 0.5 s timeout
        let receiver = try await Receiver(fallback: Reply(delay: 5))
        defer { receiver.stop() }
        let result = try await CurlTransport.with(options: Self.options) {
            await $0.send(Self.request(receiver.url, timeout: 0.5))
        }
        // Then a timeout comes back well before the answer would have
        guard case .failure(let failure) = result.outcome else {
            Issue.record("expected a timeout, got \(result.outcome)")
            return
        }
        #expect(failure.kind == .timeout)
        #expect(failure.code == 28)
        #expect(!failure.message.isEmpty)
        #expect(result.durationMs >= 400 && result.durationMs < 2_500) // measured by the transport thread
    }

    @Test func send_whenServerClosesMidResponse_isInterrupted() async throws {
        let receiver = try await Receiver(fallback: Reply(body: "partial body", closeMidResponse: true))
        defer { receiver.stop() }
        let result = try await CurlTransport.with(options: Self.options) { await $0.send(Self.request(receiver.url)) }
        guard case .failure(let failure) = result.outcome else {
            Issue.record("expected a failure, got \(result.outcome)")
            return
        }
        #expect(failure.kind == .interrupted)
        #expect(failure.isRetryable)
    }

    @Test func send_whenNothingListens_failsToConnect() async throws {
        // Given a port with no listener (a receiver started and stopped)
        let receiver = try await Receiver()
        let url = receiver.url
        receiver.stop()
        let result = try await CurlTransport.with(options: Self.options) { await $0.send(Self.request(url)) }
        guard case .failure(let failure) = result.outcome else {
            Issue.record("expected a failure, got \(result.outcome)")
            return
        }
        #expect(failure.kind == .connect)
    }

    @Test func send_whenBodyIsLarge_capsIt() async throws {
        let receiver = try await Receiver(fallback: Reply(body: String(repeating: "x", count: 200_000)))
        defer { receiver.stop() }
        var options = Self.options
        options.bodyCap = 1_000
        let result = try await CurlTransport.with(options: options) { await $0.send(Self.request(receiver.url)) }
        let response = try result.outcome.get()
        #expect(response.status == 200)
        #expect(response.body.count == 1_000)
        #expect(response.bodyTruncated)
    }

    @Test func send_whenUnsupportedScheme_isInvalidRequest() async throws {
        let result = try await CurlTransport.with(options: Self.options) { await $0.send(Self.request("ftp://127.0.0.1/x")) }
        guard case .failure(let failure) = result.outcome else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == .invalidRequest)
    }
}
