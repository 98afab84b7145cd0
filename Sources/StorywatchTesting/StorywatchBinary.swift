import Foundation
import Glibc
import Testing

/// What one run of the binary printed and how it ended.
package struct CommandResult: Sendable {
    package var status: Int32
    package var stdout: String
    package var stderr: String
}

/// The built `storywatch` executable, run as a user runs it.
package enum StorywatchBinary {
    /// The package root: three levels above this file (Sources/StorywatchTesting/…).
    package static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The newest of `.build-tests/debug/storywatch` and `.build/debug/storywatch`; nil when neither is built.
    package static let path: String? = {
        let candidates = [".build-tests/debug/storywatch", ".build/debug/storywatch"]
            .map { packageRoot.appendingPathComponent($0).path }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        func modified(_ path: String) -> Date {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date) ?? .distantPast
        }
        return candidates.max { modified($0) < modified($1) }
    }()

    /// Runs the binary with `arguments` (in `directory` when given, so relative paths print as
    /// given) to its end; kills it and records an issue after `timeout` seconds.
    package static func run(_ arguments: [String], timeout: TimeInterval = 60, in directory: String? = nil,
                            environment: [String: String] = [:],
                            sourceLocation: SourceLocation = #_sourceLocation) async throws -> CommandResult {
        let running = try start(arguments, in: directory, environment: environment, sourceLocation: sourceLocation)
        return try await running.finish(timeout: timeout, sourceLocation: sourceLocation)
    }

    /// Starts the binary and returns at once, for a test that acts on it while it runs.
    /// `environment` is added to this process's, without $STATE_DIRECTORY and $JOURNAL_STREAM
    /// (every test names its state folder; log lines stay plain).
    package static func start(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                              sourceLocation: SourceLocation = #_sourceLocation) throws -> RunningCommand {
        let executable = try #require(path, "storywatch is not built", sourceLocation: sourceLocation)
        var merged = ProcessInfo.processInfo.environment
        merged["STATE_DIRECTORY"] = nil
        merged["JOURNAL_STREAM"] = nil
        merged.merge(environment) { $1 }
        return try RunningCommand(executable: executable, arguments: arguments, in: directory, environment: merged)
    }
}

/// A started process whose output goes to files; its end is awaited without holding a thread,
/// since the tests share the cooperative pool (two threads here) with tests whose async work
/// must keep running meanwhile.
package final class RunningCommand: Sendable {
    package let arguments: [String]
    private let process: Process
    private let outputs: URL
    private let exited = Exited()

    init(executable: String, arguments: [String], in directory: String?, environment: [String: String]) throws {
        self.arguments = arguments
        outputs = FileManager.default.temporaryDirectory.appendingPathComponent("storywatch-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        try Data().write(to: outputs.appendingPathComponent("stdout"))
        try Data().write(to: outputs.appendingPathComponent("stderr"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: outputs.appendingPathComponent("stdout"))
        process.standardError = try FileHandle(forWritingTo: outputs.appendingPathComponent("stderr"))
        let exited = self.exited
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
    }

    package var processIdentifier: Int32 { process.processIdentifier }

    /// SIGKILL, as a crash or `kill -9` would end it.
    package func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the end (killed and recorded as an issue after `timeout` seconds); answers what it printed.
    package func finish(timeout: TimeInterval = 60,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws -> CommandResult {
        if await !exited.wait(seconds: timeout) {
            kill()
            _ = await exited.wait(seconds: 10)
            Issue.record("storywatch \(arguments.joined(separator: " ")) ran over \(Int(timeout)) s and was killed",
                         sourceLocation: sourceLocation)
        }
        defer { try? FileManager.default.removeItem(at: outputs) }
        return CommandResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outputs.appendingPathComponent("stdout")), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: outputs.appendingPathComponent("stderr")), as: UTF8.self))
    }
}

/// A process's end, awaited: the termination handler signals it from any thread.
private final class Exited: @unchecked Sendable { // guarded by `lock`
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
