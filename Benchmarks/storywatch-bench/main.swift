import Foundation
import StorywatchTesting

// storywatch-bench: throughput figures in release mode (`make bench`); never run by the tests.
//
//   storywatch-bench [--quick] [--dir DIR] [PHASE...]
//
// PHASE is ingest, extract, rescan or track (or sample: print a few generated articles); with none, every phase runs, each group in a
// child process of its own so one phase's memory never shows in another's peak RSS.
// Generated data goes under DIR (default: $STORYWATCH_BENCH_DIR, else a fresh folder in the
// temporary directory) and is deleted at the end. Results go to stdout, progress to stderr.

/// Collects rows; a child process also writes each one to stdout for its parent.
final class Reporter {
    var rows: [Row] = []
    let child: Bool

    init(child: Bool) { self.child = child }

    func add(_ row: Row) {
        rows.append(row)
        if child { emit(row) }
    }

    func printTable(title: String) {
        let header = Row(issue: "issue", figure: "figure", value: "measured", target: "target", note: "notes")
        var all = [header] + rows
        all[0].met = "met"
        func width(_ column: (Row) -> String) -> Int { all.map { column($0).count }.max() ?? 0 }
        let w: [Int] = [width(\.issue), width(\.figure), width(\.value), width(\.target), width(\.met)]
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        print("\n" + title)
        for (i, r) in all.enumerated() {
            let cells: [String] = [pad(r.issue, w[0]), pad(r.figure, w[1]), pad(r.value, w[2]), pad(r.target, w[3]),
                                   pad(r.met, w[4]), r.note]
            print(cells.joined(separator: "  "))
            if i == 0 { print(String(repeating: "-", count: w.reduce(0, +) + 15)) }
        }
    }
}

let knownPhases = ["ingest", "extract", "rescan", "track", "sample"]
var phases: [String] = []
var quick = false
var dirArgument: String?
var arguments = CommandLine.arguments.dropFirst()
while let arg = arguments.popFirst() {
    switch arg {
    case "--quick": quick = true
    case "--dir":
        guard let d = arguments.popFirst() else { fatalError("--dir needs a folder") }
        dirArgument = d
    case "-h", "--help":
        print("usage: storywatch-bench [--quick] [--dir DIR] [\(knownPhases.joined(separator: "|"))...]")
        exit(0)
    default:
        guard knownPhases.contains(arg) else {
            FileHandle.standardError.write(Data("unknown argument \(arg); phases are \(knownPhases.joined(separator: ", "))\n".utf8))
            exit(2)
        }
        phases.append(arg)
    }
}

let environment = ProcessInfo.processInfo.environment
let isChild = environment["STORYWATCH_BENCH_CHILD"] == "1"
let ownsRoot = dirArgument == nil && environment["STORYWATCH_BENCH_DIR"] == nil
let root = dirArgument ?? environment["STORYWATCH_BENCH_DIR"]
    ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("storywatch-bench-\(getpid())")
do {
    try makeDirectory(root)
} catch {
    FileHandle.standardError.write(Data("cannot create \(root): \(error)\n".utf8))
    exit(1)
}
let reporter = Reporter(child: isChild)
let logger = benchLogger()
var failed = false

@MainActor func runPhases(_ phases: [String]) {
    do {
        if phases.contains("sample") {
            // Prints a few generated articles, to see what the corpus looks like.
            guard let examples = CorpusGenerator.locateExamples() else { throw BenchError("cannot find examples/corpus") }
            let generator = try CorpusGenerator(examplesDirectory: examples)
            var rng = SplitMix64(seed: UInt64(environment["SEED"] ?? "") ?? 7)
            let b = CorpusGenerator.bindings(&rng)
            for text in [generator.liveBlog(b, &rng), generator.timeline(b, &rng), generator.wire(b, &rng), generator.wire(b, &rng)] {
                print(text)
                print("=====")
            }
        }
        if phases.contains("rescan") {
            try RescanBench(root: root, quick: quick, logger: logger).run(report: reporter)
        }
        if phases.contains("ingest") || phases.contains("extract") {
            try IngestExtractBench(root: root, quick: quick, logger: logger)
                .run(ingest: phases.contains("ingest"), extract: phases.contains("extract"), report: reporter)
        }
        if phases.contains("track") {
            try TrackBench(root: root, quick: quick, logger: logger).run(report: reporter)
        }
    } catch {
        FileHandle.standardError.write(Data("storywatch-bench: \(error)\n".utf8))
        failed = true
    }
}

let clock = ContinuousClock()
let started = clock.now
if !isChild { progress("data under \(root)\(quick ? " (quick mode: smaller sizes)" : "")") }
if !phases.isEmpty {
    runPhases(phases)
} else {
    // Each group in a child process: a clean VmHWM, and the re-scan first of all.
    for group in [["rescan"], ["ingest", "extract"], ["track"]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = (quick ? ["--quick"] : []) + ["--dir", root] + group
        var env = environment
        env["STORYWATCH_BENCH_CHILD"] = "1"
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("cannot start a phase: \(error)\n".utf8))
            failed = true
            continue
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            if let row = Row(wire: line) { reporter.rows.append(row) }
        }
        if process.terminationStatus != 0 {
            FileHandle.standardError.write(Data("phase \(group.joined(separator: "+")) exited with \(process.terminationStatus)\n".utf8))
            failed = true
        }
    }
}
if ownsRoot { removeTree(root) }
if !isChild {
    reporter.printTable(title: "storywatch-bench — release build, \(ProcessInfo.processInfo.activeProcessorCount) cores, " +
                               "\(fmt((clock.now - started).seconds, 0)) s in all; targets are the issues', not enforced")
}
exit(failed ? 1 : 0)
