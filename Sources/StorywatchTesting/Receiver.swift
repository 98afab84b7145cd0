import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the receiver answers to request number n (0-based); past the list, `fallback`.
package struct Reply: Codable, Sendable {
    package var status = 200
    package var headers: [String: String] = [:]
    package var body = ""
    /// Seconds to wait before answering.
    package var delay: Double = 0
    /// Send the status line and half the body, then close the connection.
    package var closeMidResponse = false
    /// Hold the answer until this file exists (at most 30 s): lets a test kill the sender meanwhile.
    package var holdUntilFile: String?

    package init(status: Int = 200, headers: [String: String] = [:], body: String = "", delay: Double = 0,
                 closeMidResponse: Bool = false, holdUntilFile: String? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
        self.closeMidResponse = closeMidResponse
        self.holdUntilFile = holdUntilFile
    }
}

/// One request as the receiver saw it.
package struct ReceivedRequest: Decodable, Sendable {
    package var n: Int
    package var path: String
    /// Lowercased names.
    package var headers: [String: String]
    package var body: String
    package var clientPort: Int
    package var time: Double
}

/// A scripted HTTP/1.1 server on 127.0.0.1 (receiver.py, python3's http.server in a child
/// process): answers POSTs per its plan and logs each request as a JSON line. Exits on its own
/// after `lifetime`, a bound for a test that fails to stop it: long enough for a whole suite on
/// a loaded machine, where tests run in parallel and each waits its turn.
// @unchecked: the test that owns it only reads its log file; `stop` runs after the waits.
package final class Receiver: @unchecked Sendable {
    package let port: Int
    package let directory: String
    private let process: Process

    /// The script, beside this file in the package.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("receiver.py").path

    /// Starts the receiver and waits (at most 10 s, without holding a thread) for its port.
    package init(replies: [Reply] = [], fallback: Reply = Reply(), lifetime: Double = 300) async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-rx-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let plan: [String: Any] = [
            "replies": try replies.map { try JSONSerialization.jsonObject(with: JSONEncoder().encode($0)) },
            "fallback": try JSONSerialization.jsonObject(with: JSONEncoder().encode(fallback)),
            "lifetime": lifetime,
        ]
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: directory + "/plan.json"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, directory]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var found: Int?
        for _ in 0..<200 { // 10 s at most
            if let text = try? String(contentsOfFile: directory + "/port", encoding: .utf8), let p = Int(text) {
                found = p
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw ReceiverError.didNotStart
        }
        port = found
    }

    package enum ReceiverError: Error { case didNotStart }

    package var url: String { "http://127.0.0.1:\(port)/hook" }

    /// The requests logged so far, in arrival order.
    package func requests() -> [ReceivedRequest] {
        guard let text = try? String(contentsOfFile: directory + "/requests.jsonl", encoding: .utf8) else { return [] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return text.split(separator: "\n").compactMap { try? decoder.decode(ReceivedRequest.self, from: Data($0.utf8)) }
    }

    /// Waits (at most `timeout` seconds, polling with `Task.sleep`) until `count` requests
    /// arrived; returns them.
    package func waitForRequests(_ count: Int, timeout: Double = 10) async -> [ReceivedRequest] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let seen = requests()
            if seen.count >= count { return seen }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return requests()
    }

    package func stop() {
        if process.isRunning {
            // SIGKILL: a SIGTERM may be ignored when the test runner's children inherit SIG_IGN.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }
}

/// Checks received requests with the public `standardwebhooks` and `cloudevents` Python packages.
package enum PythonVerifier {
    /// nil when the packages are not installed (the test is then skipped with a message).
    package static var available: Bool {
        run(script: "import standardwebhooks, cloudevents", input: "").status == 0
    }

    /// Verifies each request's signature with `secret` and parses its body as a structured-mode
    /// CloudEvent; returns one line per request ("ok <type> <id>" or the error).
    package static func verify(_ requests: [ReceivedRequest], secret: String) -> [String] {
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
