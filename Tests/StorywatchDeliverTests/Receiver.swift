import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What the receiver answers to request number n (0-based); past the list, `fallback`.
struct Reply: Codable {
    var status = 200
    var headers: [String: String] = [:]
    var body = ""
    /// Seconds to wait before answering.
    var delay: Double = 0
    /// Send the status line and half the body, then close the connection.
    var closeMidResponse = false
    /// Hold the answer until this file exists (at most 30 s): lets a test kill the sender meanwhile.
    var holdUntilFile: String?
}

/// One request as the receiver saw it.
struct ReceivedRequest: Decodable {
    var n: Int
    var path: String
    /// Lowercased names.
    var headers: [String: String]
    var body: String
    var clientPort: Int
    var time: Double
}

/// A scripted HTTP/1.1 server on 127.0.0.1 (python3's http.server in a child process): answers
/// POSTs per its plan and logs each request as a JSON line. Exits on its own after `lifetime`.
// @unchecked: the test that owns it only reads its log file; `stop` runs after the waits.
final class Receiver: @unchecked Sendable {
    let port: Int
    let directory: String
    private let process: Process

    init(replies: [Reply] = [], fallback: Reply = Reply(), lifetime: Double = 60) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-rx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let plan: [String: Any] = [
            "replies": try replies.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) },
            "fallback": try JSONSerialization.jsonObject(with: JSONEncoder().encode(fallback)),
            "lifetime": lifetime,
        ]
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: directory + "/plan.json"))
        try Data(Self.script.utf8).write(to: URL(fileURLWithPath: directory + "/receiver.py"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", directory + "/receiver.py", directory]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var found: Int?
        for _ in 0..<200 { // 10 s at most
            if let text = try? String(contentsOfFile: directory + "/port", encoding: .utf8), let p = Int(text) {
                found = p
                break
            }
            usleep(50_000)
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ReceiverError.didNotStart
        }
        port = found
    }

    enum ReceiverError: Error { case didNotStart }

    var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The requests logged so far, in arrival order.
    func requests() -> [ReceivedRequest] {
        guard let text = try? String(contentsOfFile: directory + "/requests.jsonl", encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return text.split(separator: "\n").compactMap { try? decoder.decode(ReceivedRequest.self, from: Data($0.utf8)) }
    }

    /// Waits (at most `timeout` seconds) until `count` requests arrived; returns them.
    func waitForRequests(_ count: Int, timeout: Double = 10) -> [ReceivedRequest] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let seen = requests()
            if seen.count >= count { return seen }
            usleep(20_000)
        }
        return requests()
    }

    /// `waitForRequests` off the cooperative thread pool: a blocking wait there can starve the
    /// very worker task it is waiting for (the pool has one thread per core: two here).
    func waitForRequestsOffPool(_ count: Int, timeout: Double = 10) async -> [ReceivedRequest] {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: self.waitForRequests(count, timeout: timeout)) }
        }
    }

    func stop() {
        if process.isRunning {
            // SIGKILL: a SIGTERM may be ignored when the test runner's children inherit SIG_IGN.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }

    static let script = #"""
    import http.server, json, os, signal, socket, sys, threading, time

    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    directory = sys.argv[1]
    plan = json.load(open(os.path.join(directory, "plan.json")))
    lock = threading.Lock()
    counter = [0]
    log = open(os.path.join(directory, "requests.jsonl"), "a")

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            with lock:
                n = counter[0]
                counter[0] += 1
                record = {"n": n, "path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                          "body": body.decode("utf-8", "replace"), "client_port": self.client_address[1],
                          "time": time.time()}
                log.write(json.dumps(record) + "\n")
                log.flush()
            replies = plan["replies"]
            reply = replies[n] if n < len(replies) else plan["fallback"]
            hold = reply.get("holdUntilFile")
            if hold:
                for _ in range(600):
                    if os.path.exists(hold):
                        break
                    time.sleep(0.05)
            if reply.get("delay"):
                time.sleep(reply["delay"])
            payload = reply.get("body", "").encode()
            if reply.get("closeMidResponse"):
                self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % (len(payload) + 100))
                self.wfile.write(payload[: len(payload) // 2])
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            self.send_response(reply.get("status", 200))
            for k, v in reply.get("headers", {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    tmp = os.path.join(directory, "port.tmp")
    with open(tmp, "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(tmp, os.path.join(directory, "port"))
    threading.Timer(plan.get("lifetime", 60), server.shutdown).start()
    server.serve_forever()
    """#
}

/// Checks received requests with the public `standardwebhooks` and `cloudevents` Python packages.
enum PythonVerifier {
    /// nil when the packages are not installed (the test is then skipped with a message).
    static var available: Bool {
        run(script: "import standardwebhooks, cloudevents", input: "").status == 0
    }

    /// Verifies each request's signature with `secret` and parses its body as a structured-mode
    /// CloudEvent; returns one line per request ("ok <type> <id>" or the error).
    static func verify(_ requests: [ReceivedRequest], secret: String) -> [String] {
        let input = requests.map { r in
            String(decoding: (try? JSONSerialization.data(withJSONObject: ["headers": r.headers, "body": r.body])) ?? Data(),
                   as: UTF8.self)
        }.joined(separator: "\n")
        let script = """
            import json, sys
            from standardwebhooks import Webhook
            try:
                from cloudevents.v1.http import from_http, is_structured
            except ImportError:
                from cloudevents.http import from_http, is_structured
            wh = Webhook(\(String(decoding: (try? JSONSerialization.data(withJSONObject: [secret])) ?? Data(), as: UTF8.self))[0])
            for line in sys.stdin:
                if not line.strip():
                    continue
                r = json.loads(line)
                try:
                    wh.verify(r["body"], r["headers"])
                    if not is_structured(r["headers"]):
                        raise ValueError("not structured mode")
                    event = from_http(r["headers"], r["body"])
                    print("ok", event["type"], event["id"])
                except Exception as e:
                    print("fail", type(e).__name__, e)
            """
        return run(script: script, input: input).output.split(separator: "\n").map(String.init)
    }

    private static func run(script: String, input: String) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (127, "") }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
