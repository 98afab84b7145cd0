import ArgumentParser
import Foundation
import Logging
import StorywatchService

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (TOML). Default: /etc/storywatch/storywatch.toml for `run`; none otherwise.")
    var config: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(name: .long, help: "Log line format on stderr: text (with <N> priorities under journald) or json (one object a line, for log shippers).")
    var logFormat: LogFormat = .text

    /// The config the command asked for: --config, else the default file when `required`, else
    /// the built-in defaults; --corpus and --state on top.
    func request(required: Bool = false, corpus: String? = nil, state: String? = nil) -> ConfigRequest {
        ConfigRequest(path: config, required: required, corpus: corpus.map(absolute), state: state.map(absolute))
    }

    func makeLogger(label: String = "storywatch") -> Logger {
        let journal = StderrLogHandler.stderrIsJournal(environment: ProcessInfo.processInfo.environment)
        let format = logFormat
        var logger = Logger(label: label) { StderrLogHandler(label: $0, journal: journal, format: format) }
        logger.logLevel = logLevel
        return logger
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LogFormat: ExpressibleByArgument {}

/// Runs a use case; a failure it declares is printed as one line and ends the command with its
/// exit status (`ExitStatus`).
func reporting<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch {
        guard let status = ExitStatus.of(error) else { throw error }
        printError("\(error)")
        throw ExitCode(status)
    }
}

/// `reporting` for synchronous commands.
func reporting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch {
        guard let status = ExitStatus.of(error) else { throw error }
        printError("\(error)")
        throw ExitCode(status)
    }
}

/// Under journald each line gets `<3>` (error), so `journalctl -p warning` shows why a start failed.
func printError(_ message: String) {
    let prefix = StderrLogHandler.stderrIsJournal(environment: ProcessInfo.processInfo.environment) ? "<3>" : ""
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + "storywatch: " + $0 }
    FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
}

/// Writes a line to stdout without buffering surprises when piped.
func printLine(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Resolves a command-line path against the working directory.
func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    return FileManager.default.currentDirectoryPath + "/" + path
}
