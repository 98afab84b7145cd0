import ArgumentParser
import StorywatchModel
import StorywatchService

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
        let useCase = try reporting { try ExtractUseCase(global.request(), logger: global.makeLogger()) }
        let inputs = files.isEmpty ? ["-"] : files
        for input in inputs {
            guard let batches = useCase.events(path: input == "-" ? nil : input, perLine: lines) else {
                printError("cannot read \(input)")
                throw ExitCode(1)
            }
            let name = input == "-" ? "stdin" : input
            for batch in batches {
                emit(batch.events, line: batch.line, file: inputs.count > 1 ? name : nil)
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
