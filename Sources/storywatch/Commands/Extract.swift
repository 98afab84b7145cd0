import ArgumentParser
import StorywatchConfig
import StorywatchModel
import StorywatchService
import Foundation
import StorywatchExtract
import StorywatchIngest
import StorywatchModel

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the events of articles or lines of text; no state is used.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Treat every input line as its own text; events carry \"line\" (1-based, per file).")
    var lines = false

    @Option(help: "Output format: text or jsonl (one event per line).")
    var format: OutputFormat = .text

    @Argument(help: "Files to read; '-' or none reads standard input.")
    var files: [String] = []

    func run() throws {
        let config = try global.loadConfig()
        let logger = global.makeLogger()
        let extractor = try ExtractorFactory.make(config: config, logger: logger)
        let inputs = files.isEmpty ? ["-"] : files
        for input in inputs {
            guard let data = input == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: input) else {
                printError("cannot read \(input)")
                throw ExitCode(1)
            }
            let text = TextDecoding.decode([UInt8](data)).text
            let name = input == "-" ? "stdin" : input
            if lines {
                for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let events = extractor.extract(text: String(line), document: name)
                    emit(events, line: n + 1, file: inputs.count > 1 ? name : nil)
                }
            } else {
                let document = DocumentParser().parse(text: text, path: name, fallbackDate: Day(Date()))
                emit(extractor.extract(document: document).map(\.event), line: nil, file: inputs.count > 1 ? name : nil)
            }
        }
    }

    private func emit(_ events: [Event], line: Int?, file: String?) {
        for event in events {
            if format == .jsonl {
                printLine(EventJSON.line(event, line: line, file: file))
            } else {
                printLine(EventJSON.text(event, line: line))
            }
        }
    }
}
