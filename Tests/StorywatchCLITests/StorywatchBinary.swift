import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What one run of the binary printed and how it ended.
struct CommandResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The built `storywatch` executable and a way to run it with a time limit.
enum StorywatchBinary {
    /// The package root: three levels above this file (Tests/StorywatchCLITests/…).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The newest of `.build-tests/debug/storywatch` and `.build/debug/storywatch`; nil when neither is built.
    static let path: String? = {
        let candidates = [".build-tests/debug/storywatch", ".build/debug/storywatch"]
            .map { packageRoot.appendingPathComponent($0).path }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        func modified(_ path: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return candidates.max { modified($0) < modified($1) }
    }()

    /// Runs the binary with `arguments` (in `directory` when given, so relative paths print as
    /// given); kills it and records an issue after `timeout` seconds.
    ///
    /// Waits without blocking a thread: the tests share the cooperative pool (two threads here)
    /// with tests whose async work must keep running meanwhile.
    static func run(_ arguments: [String], timeout: TimeInterval = 60, in directory: String? = nil,
                    sourceLocation: SourceLocation = #_sourceLocation) async throws -> CommandResult {
        let executable = try #require(path, "storywatch is not built", sourceLocation: sourceLocation)
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outputs) }
        let stdoutURL = outputs.appendingPathComponent("stdout")
        let stderrURL = outputs.appendingPathComponent("stderr")
        try Data().write(to: stdoutURL)
        try Data().write(to: stderrURL)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["STATE_DIRECTORY"] = nil // every test names its state folder
        environment["JOURNAL_STREAM"] = nil // plain log lines, not journal records
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = Exited()
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if await !exited.wait(seconds: timeout) {
            kill(process.processIdentifier, SIGKILL)
            _ = await exited.wait(seconds: 10)
            Issue.record("storywatch \(arguments.joined(separator: " ")) ran over \(Int(timeout)) s and was killed",
                         sourceLocation: sourceLocation)
        }
        try stdout.close()
        try stderr.close()
        return CommandResult(status: process.terminationStatus,
                             stdout: String(decoding: try Data(contentsOf: stdoutURL), as: UTF8.self),
                             stderr: String(decoding: try Data(contentsOf: stderrURL), as: UTF8.self))
    }
}

/// A fresh folder under the system temp folder for one test; `remove()` deletes it.
struct TempDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` under the folder (folders created as needed); returns the absolute path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let full = path + "/" + name
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        return full
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A process's end, awaited: the termination handler signals it from any thread.
private final class Exited: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var waiter: CheckedContinuation<Bool, Never>?

    func signal() {
        lock.lock()
        done = true
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(returning: true)
    }

    /// True when the process ended within `seconds`, false on time-out.
    func wait(seconds: TimeInterval) async -> Bool {
        let timer = Task { [weak self] in
            try? await Task.sleep(for: .seconds(seconds))
            self?.timeOut()
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { continuation in
            lock.lock()
            if done {
                lock.unlock()
                continuation.resume(returning: true)
            } else {
                waiter = continuation
                lock.unlock()
            }
        }
    }

    private func timeOut() {
        lock.lock()
        let waiter = self.waiter
        self.waiter = nil
        lock.unlock()
        waiter?.resume(returning: false)
    }
}
