// `make bench`: delivery throughput and memory. Starts nginx (Debian's package) on 127.0.0.1
// answering 200 to POST, queues 100,000 alerts in an on-disk outbox, drains it with the real
// worker (libcurl, keep-alive, signatures, batched records) and prints deliveries/s and RSS growth.
import Foundation
import Logging
import StorywatchDeliver
import StorywatchModel
import StorywatchService
import StorywatchStore
#if canImport(Glibc)
import Glibc
#endif

let alertCount = Int(ProcessInfo.processInfo.environment["BENCH_ALERTS"] ?? "") ?? 100_000
let inFlight = Int(ProcessInfo.processInfo.environment["BENCH_IN_FLIGHT"] ?? "") ?? 4

/// VmRSS or VmHWM of this process, in KiB.
func memory(_ field: String) -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
    return 0
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("storywatch-deliver-bench: \(message)\n".utf8))
    exit(1)
}

/// nginx on a free loopback port, answering 200 to every POST; stopped by `stop()`.
struct Nginx {
    let process: Process
    let port: Int
    let prefix: String

    static func start(directory: String) -> Nginx {
        guard let binary = ["/usr/sbin/nginx", "/usr/bin/nginx"].first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else { fail("nginx is not installed: apt-get install nginx-light (make bench does)") }
        let port = 20_000 + Int(getpid() % 20_000)
        let prefix = directory + "/nginx"
        try? FileManager.default.createDirectory(atPath: prefix + "/logs", withIntermediateDirectories: true)
        let conf = """
            worker_processes 1;
            pid \(prefix)/nginx.pid;
            error_log \(prefix)/logs/error.log error;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path \(prefix)/body;
                keepalive_requests 1000000;
                keepalive_timeout 60s;
                server {
                    listen 127.0.0.1:\(port);
                    location / { client_max_body_size 1m; return 200 "ok\\n"; }
                }
            }
            """
        try? Data(conf.utf8).write(to: URL(fileURLWithPath: prefix + "/nginx.conf"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-p", prefix, "-c", prefix + "/nginx.conf", "-g", "daemon off;"]
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { fail("cannot start nginx: \(error)") }
        for _ in 0..<100 { // wait until it listens (5 s at most)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return Nginx(process: process, port: port, prefix: prefix) }
            usleep(50_000)
        }
        kill(process.processIdentifier, SIGKILL)
        fail("nginx did not start listening on 127.0.0.1:\(port)")
    }

    func stop() {
        kill(process.processIdentifier, SIGQUIT)
        process.waitUntilExit()
    }
}

/// Queues `count` alerts for `webhook` in chunks (one document commit each).
func queueAlerts(store: Store, count: Int, webhook: String) throws {
    let chunk = 2_000
    let union = Actor(code: "JPNLAB", name: "the union")
    let company = Actor(code: "JPNBUS", name: "the port operator")
    for start in stride(from: 0, to: count, by: chunk) {
        let records = (start..<min(count, start + chunk)).map { i in
            let event = Event(source: union, target: company, type: .reject, mode: "offer", status: .refused,
                              date: Day(year: 2026, month: 4, day: 18), document: "bench/\(i).txt",
                              quote: "The union rejected the port operator's offer, a spokesman said on Friday.")
            let development = Development(id: "bench-\(i)", kind: .reversal, summary: "The union reversed its stance on the offer",
                                          storyline: StorylineRef(id: "JPN-JPN", title: "JPN – JPN", actors: ["JPN"]),
                                          event: event, previous: nil)
            let alert = Alert(development: development, source: "storywatch://bench/corpus", time: Date())
            return (development: development, alert: alert.jsonData(), webhooks: [webhook])
        }
        let document = StoredDocument(path: "bench/\(start).txt", size: 1, mtimeNanos: 1, inode: 1, hash: "\(start)")
        try store.commit(DocumentCommit(document: document, layout: "wire", newItems: [], storylines: [],
                                        developments: records), allItems: [])
    }
}

let directory = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-deliver-bench-\(getpid())").path
try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: directory) }

let nginx = Nginx.start(directory: directory)
defer { nginx.stop() }
var logger = Logger(label: "bench") { StderrLogHandler(label: $0, journal: false) }
logger.logLevel = .warning

do {
    let store = try Store.open(directory: directory + "/state")
    let queueStart = Date()
    try queueAlerts(store: store, count: alertCount, webhook: "nginx")
    let queueSeconds = Date().timeIntervalSince(queueStart)
    let endpoint = WebhookEndpoint(name: "nginx", url: "http://127.0.0.1:\(nginx.port)/hook",
                                   secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"], maxInFlight: inFlight)
    var options = CurlTransport.Options()
    options.noProxy = "127.0.0.1"
    let rssBefore = memory("VmRSS")
    let start = Date()
    let stats = try await CurlTransport.with(options: options) { transport in
        let worker = try DeliveryWorker(endpoints: [endpoint], queue: StoreOutboxQueue(store: store), transport: transport,
                                        logger: logger)
        return try await worker.run(.drain(linger: 0))
    }
    let seconds = Date().timeIntervalSince(start)
    let rssAfter = memory("VmRSS")
    let peak = memory("VmHWM")
    let counts = try store.outboxCountsByWebhook().first
    print("delivery: \(stats.delivered) of \(alertCount) alerts delivered to nginx on 127.0.0.1 " +
          "(\(inFlight) in flight, signed, keep-alive) in \(String(format: "%.2f", seconds)) s: " +
          "\(Int(Double(stats.delivered) / seconds)) deliveries/s")
    print("delivery: outbox after: \(counts?.pending ?? -1) pending, \(counts?.dead ?? -1) dead, " +
          "\(counts?.delivered ?? -1) delivered; queueing took \(String(format: "%.1f", queueSeconds)) s")
    print("delivery: RSS \(rssBefore / 1024) MB before draining, \(rssAfter / 1024) MB after " +
          "(growth \(String(format: "%.1f", Double(rssAfter - rssBefore) / 1024)) MB), peak \(peak / 1024) MB")
    if stats.delivered != alertCount { fail("not every alert was delivered") }
} catch {
    fail("\(error)")
}
