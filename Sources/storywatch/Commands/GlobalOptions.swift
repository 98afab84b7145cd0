import ArgumentParser
import Foundation
import Logging
import StorywatchConfig
import StorywatchService

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Config file (TOML). Default: /etc/storywatch/storywatch.toml for `run`; none otherwise.")
    var config: String?

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    @Option(name: .long, help: "Log line format on stderr: text (with <N> priorities under journald) or json (one object a line, for log shippers).")
    var logFormat: LogFormat = .text

    /// Loads the config file when one is given or required; exits `code` (1; `run`: 78,
    /// EX_CONFIG, which the unit does not restart) with every problem otherwise.
    func loadConfig(required: Bool = false, exitCode code: Int32 = 1) throws -> StorywatchConfig {
        let environment = ProcessInfo.processInfo.environment
        guard let path = config ?? (required ? "/etc/storywatch/storywatch.toml" : nil) else {
            return StorywatchConfig(environment: environment)
        }
        do {
            return try ConfigLoader(environment: environment).load(path: path)
        } catch {
            throw failure(error, exit: code)
        }
    }

    /// The config file `loadConfig(required: true)` reads.
    var configPath: String { config ?? "/etc/storywatch/storywatch.toml" }

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

/// Prints an operator-facing error; returns the exit status to throw.
func failure(_ error: any CustomStringConvertible, exit code: Int32) -> ExitCode {
    printError(error.description)
    return ExitCode(code)
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
