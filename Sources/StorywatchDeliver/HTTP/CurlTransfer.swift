import CCurl
import Foundation

/// The state of one transfer, reached from libcurl's C callbacks through the user pointer
/// (CURLOPT_WRITEDATA, CURLOPT_HEADERDATA, CURLOPT_PRIVATE). Lives on the transport's thread only.
final class CurlTransfer {
    let continuation: CheckedContinuation<HTTPResult, Never>
    let started = DispatchTime.now()
    let bodyCap: Int
    var body = Data()
    var truncated = false
    var headers: [String: String] = [:]
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(continuation: CheckedContinuation<HTTPResult, Never>, bodyCap: Int) {
        self.continuation = continuation
        self.bodyCap = bodyCap
        errorBuffer = .allocate(capacity: Int(sw_curl_error_size))
        errorBuffer.initialize(repeating: 0, count: Int(sw_curl_error_size))
    }

    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    var elapsedMs: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000 }

    /// libcurl's message for the last failure, if it wrote one.
    var errorText: String {
        let text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        return text
    }

    /// CURLOPT_WRITEFUNCTION: keeps up to `bodyCap` bytes and drops the rest (without failing the
    /// transfer, so a chatty receiver's 200 still counts).
    static let write: sw_curl_data_callback = { data, size, count, user in
        let length = size * count
        guard let data, let user else { return length }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
        let room = transfer.bodyCap - transfer.body.count
        if room > 0 {
            data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
                transfer.body.append(bytes, count: min(room, length))
            }
        }
        if length > room { transfer.truncated = true }
        return length
    }

    /// CURLOPT_HEADERFUNCTION: one header line per call; a status line starts a new header set
    /// (after an interim 100 Continue).
    static let header: sw_curl_data_callback = { data, size, count, user in
        let length = size * count
        guard let data, let user else { return length }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
        let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
            String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
        }
        if line.hasPrefix("HTTP/") {
            transfer.headers = [:]
        } else if let colon = line.firstIndex(of: ":"), transfer.headers.count < 64 {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
            transfer.headers[name] = value
        }
        return length
    }
}

extension TransportFailure.Kind {
    /// Classifies a libcurl result code.
    init(curl code: CURLcode) {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: self = .timeout
        case CURLE_COULDNT_CONNECT: self = .connect
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: self = .resolve
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE:
            self = .tls
        case CURLE_GOT_NOTHING, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_PARTIAL_FILE, CURLE_HTTP2, CURLE_HTTP2_STREAM,
             CURLE_WEIRD_SERVER_REPLY:
            self = .interrupted
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT, CURLE_BAD_FUNCTION_ARGUMENT:
            self = .invalidRequest
        default: self = .other
        }
    }
}
