import CCurl
import Foundation

/// Sends requests with libcurl from one dedicated thread that owns a multi handle: connections
/// are pooled and kept alive across requests, HTTP/2 is used where TLS offers it, signals are
/// off, TLS is verified, redirects are not followed, http(s)_proxy / no_proxy from the
/// environment are honoured (libcurl's default), and response bodies are capped.
///
/// `@unchecked Sendable`: the curl handles are touched only by the transport thread; other
/// threads only append to `pending` under `lock` and call `curl_multi_wakeup`, which libcurl
/// documents as safe from any thread.
package final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Limits and switches of the transport.
    package struct Options: Sendable {
        /// Bytes of a response body kept (for the log and `test-webhook`).
        package var bodyCap = 64 * 1024
        /// Connect phase limit, seconds (the request's total timeout applies too).
        package var connectTimeoutSeconds = 10.0
        /// Connections kept open for reuse.
        package var maxConnections = 64
        /// CURLOPT_NOPROXY: hosts never reached through a proxy (nil = the environment's no_proxy).
        package var noProxy: String?
        package init() {}
    }

    private static let globalInit: CURLcode = curl_global_init(sw_curl_global_default)

    private let options: Options
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var pending: [(HTTPRequest, CheckedContinuation<HTTPResult, Never>)] = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the transport thread. Throws when libcurl cannot be initialised.
    package init(options: Options = Options()) throws(DeliveryError) {
        guard Self.globalInit == CURLE_OK else { throw .curlInit("curl_global_init failed") }
        guard let multi = curl_multi_init() else { throw .curlInit("curl_multi_init failed") }
        self.options = options
        self.multi = multi
        _ = sw_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, options.maxConnections)
        _ = sw_multi_setopt_long(multi, CURLMOPT_PIPELINING, sw_curlpipe_multiplex)
        let thread = Thread { [self] in self.loop() }
        thread.name = "storywatch-curl"
        thread.start()
    }

    /// Runs `body` with a started transport and stops it afterwards (waiting for transfers in flight).
    package static func with<T>(options: Options = Options(),
                                _ body: (CurlTransport) async throws -> T) async throws -> T {
        let transport = try CurlTransport(options: options)
        do {
            let value = try await body(transport)
            transport.shutdown()
            return value
        } catch {
            transport.shutdown()
            throw error
        }
    }

    /// Sends one request; always completes (failures and timeouts are results).
    package func send(_ request: HTTPRequest) async -> HTTPResult {
        await withCheckedContinuation { continuation in
            let accepted = lock.withLock {
                guard !stopping else { return false }
                pending.append((request, continuation))
                return true
            }
            if accepted {
                curl_multi_wakeup(multi)
            } else {
                continuation.resume(returning: HTTPResult(
                    outcome: .failure(TransportFailure(kind: .other, message: "the transport is shut down")), durationMs: 0))
            }
        }
    }

    /// Stops accepting requests, lets transfers in flight finish, and frees libcurl's handles.
    /// Idempotent; blocks until the thread is done.
    package func shutdown() {
        let first = lock.withLock {
            defer { stopping = true }
            return !stopping
        }
        guard first else { return }
        curl_multi_wakeup(multi)
        finished.wait()
    }

    // MARK: The transport thread

    private func loop() {
        var active = 0
        var idle: [UnsafeMutableRawPointer] = []
        while true {
            let (batch, stop) = lock.withLock { () -> ([(HTTPRequest, CheckedContinuation<HTTPResult, Never>)], Bool) in
                defer { pending.removeAll(keepingCapacity: true) }
                return (pending, stopping)
            }
            for (request, continuation) in batch {
                if start(request, continuation, idle: &idle) { active += 1 }
            }
            if stop && active == 0 { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var queued: Int32 = 0
            while let message = curl_multi_info_read(multi, &queued) {
                guard sw_msg_is_done(message) != 0, let easy = sw_msg_easy(message) else { continue }
                finish(easy, code: sw_msg_result(message), idle: &idle)
                active -= 1
            }
            // Idle, nothing but `send` and `shutdown` (which call curl_multi_wakeup) can give work:
            // sleep long, so an idle daemon does not wake every second.
            curl_multi_poll(multi, nil, 0, active > 0 ? 1_000 : 60_000, nil)
        }
        for easy in idle { curl_easy_cleanup(easy) }
        curl_multi_cleanup(multi)
        finished.signal()
    }

    /// Configures an easy handle for `request` and adds it to the multi handle.
    private func start(_ request: HTTPRequest, _ continuation: CheckedContinuation<HTTPResult, Never>,
                       idle: inout [UnsafeMutableRawPointer]) -> Bool {
        guard let easy = idle.popLast() ?? curl_easy_init() else {
            continuation.resume(returning: HTTPResult(
                outcome: .failure(TransportFailure(kind: .other, message: "curl_easy_init failed")), durationMs: 0))
            return false
        }
        let transfer = CurlTransfer(continuation: continuation, bodyCap: options.bodyCap)
        var list: UnsafeMutablePointer<curl_slist>?
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        list = curl_slist_append(list, "Expect:") // no 100-continue round trip for bodies over 1 KiB
        transfer.headerList = list

        let timeoutMs = max(1, Int((request.timeoutSeconds * 1_000).rounded()))
        _ = sw_easy_setopt_string(easy, CURLOPT_URL, request.url)
        _ = sw_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https")
        _ = sw_easy_setopt_long(easy, CURLOPT_POST, 1)
        _ = sw_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
        var body = request.body
        if body.isEmpty { body = Data([0]) } // a valid pointer; POSTFIELDSIZE 0 sends nothing
        body.withUnsafeBytes { bytes in
            if let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) {
                _ = sw_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, base) // copied now
            }
        }
        _ = sw_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list)
        _ = sw_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1)
        _ = sw_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, timeoutMs)
        _ = sw_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS,
                                min(timeoutMs, Int(options.connectTimeoutSeconds * 1_000)))
        _ = sw_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0)
        _ = sw_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1)
        _ = sw_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2)
        _ = sw_easy_setopt_long(easy, CURLOPT_HTTP_VERSION, sw_curl_http_version_2tls)
        _ = sw_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1)
        if let noProxy = options.noProxy { _ = sw_easy_setopt_string(easy, CURLOPT_NOPROXY, noProxy) }
        _ = sw_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(transfer.errorBuffer))
        let user = Unmanaged.passRetained(transfer).toOpaque() // released in finish(_:code:idle:)
        _ = sw_easy_setopt_callback(easy, CURLOPT_WRITEFUNCTION, CurlTransfer.write)
        _ = sw_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, user)
        _ = sw_easy_setopt_callback(easy, CURLOPT_HEADERFUNCTION, CurlTransfer.header)
        _ = sw_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, user)
        _ = sw_easy_setopt_pointer(easy, CURLOPT_PRIVATE, user)
        let added = curl_multi_add_handle(multi, easy)
        guard added == CURLM_OK else {
            Unmanaged<CurlTransfer>.fromOpaque(user).release()
            curl_easy_cleanup(easy)
            let reason = String(cString: curl_multi_strerror(added))
            continuation.resume(returning: HTTPResult(
                outcome: .failure(TransportFailure(kind: .other, message: reason)), durationMs: 0))
            return false
        }
        return true
    }

    /// Completes a finished transfer and returns its handle to the idle pool.
    private func finish(_ easy: UnsafeMutableRawPointer, code: CURLcode, idle: inout [UnsafeMutableRawPointer]) {
        var user: UnsafeMutableRawPointer?
        _ = sw_easy_getinfo_pointer(easy, CURLINFO_PRIVATE, &user)
        var status = 0
        _ = sw_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        curl_multi_remove_handle(multi, easy)
        guard let user else {
            curl_easy_cleanup(easy)
            return
        }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeRetainedValue()
        let outcome: Result<HTTPResponse, TransportFailure>
        if code == CURLE_OK {
            outcome = .success(HTTPResponse(status: status, headers: transfer.headers, body: transfer.body,
                                            bodyTruncated: transfer.truncated))
        } else {
            let text = transfer.errorText
            let message = text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
            outcome = .failure(TransportFailure(kind: TransportFailure.Kind(curl: code), code: Int(code.rawValue),
                                                message: message))
        }
        let result = HTTPResult(outcome: outcome, durationMs: transfer.elapsedMs)
        curl_easy_reset(easy)
        if idle.count < options.maxConnections { idle.append(easy) } else { curl_easy_cleanup(easy) }
        transfer.continuation.resume(returning: result)
    }
}
