import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

// Timing, memory and reporting helpers shared by the phases.

/// One line of the results table.
struct Row: Sendable {
    var issue: String
    var figure: String
    var value: String
    var target: String
    var note: String = ""
    /// "yes", "NO", or "" when the figure has no target.
    var met: String = ""

    /// Rows travel from a phase child process to the parent as tab-separated lines.
    static let marker = "BENCHROW"

    var wire: String { [Self.marker, issue, figure, value, target, met, note].joined(separator: "\t") }

    init(issue: String, figure: String, value: String, target: String = "", met: Bool? = nil, note: String = "") {
        self.issue = issue
        self.figure = figure
        self.value = value
        self.target = target
        self.met = met.map { $0 ? "yes" : "NO" } ?? ""
        self.note = note
    }

    init?(wire line: Substring) {
        let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 7, parts[0] == Self.marker else { return nil }
        self.init(issue: parts[1], figure: parts[2], value: parts[3], target: parts[4], note: parts[6])
        met = parts[5]
    }
}

/// Writes a finished row to stdout at once, so a parent sees it even if a later phase dies.
func emit(_ row: Row) {
    FileHandle.standardOutput.write(Data((row.wire + "\n").utf8))
}

/// Progress goes to stderr, results to stdout.
func progress(_ message: String) {
    FileHandle.standardError.write(Data("[bench] \(message)\n".utf8))
}

extension Duration {
    var seconds: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) / 1e18
    }
}

/// Times `body` with ContinuousClock; returns seconds and its result.
func timed<T>(_ body: () throws -> T) rethrows -> (seconds: Double, result: T) {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try body()
    return ((clock.now - start).seconds, result)
}

func median(_ values: [Double]) -> Double {
    precondition(!values.isEmpty)
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func fmt(_ v: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", v) }

func mb(_ bytes: Int) -> Double { Double(bytes) / 1_000_000 }

/// Peak resident set (VmHWM) and current resident set (VmRSS) in MB, from /proc/self/status.
func memoryMB() -> (peak: Double, current: Double) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func field(_ name: String) -> Double {
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
    return (field("VmHWM"), field("VmRSS"))
}

/// Resets VmHWM to the current RSS (Linux ≥ 4.0), so a peak can be measured for one step.
@discardableResult
func resetPeakRSS() -> Bool {
    let fd = open("/proc/self/clear_refs", O_WRONLY)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return write(fd, "5", 1) == 1
}

/// A logger that keeps quiet unless something is wrong (warnings and above, to stderr).
func benchLogger() -> Logger {
    var logger = Logger(label: "storywatch-bench") { label in StreamLogHandler.standardError(label: label) }
    logger.logLevel = .warning
    return logger
}


/// Writes `bytes` to `path`, creating or truncating it.
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw BenchError("cannot create \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        offset += n
    }
}

func makeDirectory(_ path: String) throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
}

func removeTree(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
