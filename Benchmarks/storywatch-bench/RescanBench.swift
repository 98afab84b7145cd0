import Foundation
import Logging
import StorywatchConfig
import StorywatchExtract
import StorywatchService
import StorywatchStore
import StorywatchTesting

/// Issue 2: a no-change re-scan of 100,000 files, and the peak RSS while doing it.
struct RescanBench {
    var root: String
    var quick: Bool
    var logger: Logger

    func run(report: Reporter) throws {
        guard let examples = CorpusGenerator.locateExamples() else {
            throw BenchError("cannot find examples/corpus: run from the repository root or set STORYWATCH_EXAMPLES")
        }
        let generator = try CorpusGenerator(examplesDirectory: examples)
        let dir = root + "/rescan"
        let corpusDir = dir + "/corpus"
        let stateDir = dir + "/state"
        defer {
            removeTree(dir)
            progress("deleted the re-scan corpus and state")
        }
        var config = StorywatchConfig(environment: [:])
        config.corpus = corpusDir
        config.state = stateDir
        let extractor = try ExtractorFactory.make(config: config, logger: logger)

        // The re-scan does not read the files, but the first pass that indexes them does, and
        // tracking events costs milliseconds each once storylines fill up: the briefs are made
        // of our example sentences that yield no event, so indexing 100k files stays bounded.
        var rng = SplitMix64(seed: 100_000)
        let quiet = generator.paragraphs.joined().filter { sentence in
            (0..<3).allSatisfy { _ in
                var text = ""
                CorpusGenerator.render(sentence, CorpusGenerator.bindings(&rng), &rng, into: &text)
                return extractor.extract(text: text, document: "probe.txt").isEmpty
            }
        }
        guard quiet.count >= 3 else { throw BenchError("too few event-free sentences in the examples (\(quiet.count))") }
        progress("\(quiet.count) of \(generator.paragraphs.joined().count) example sentences yield no event")

        let fileCount = quick ? 10_000 : 100_000
        let perDir = 1_000
        progress("writing \(fileCount) small files under \(corpusDir)")
        var bytes = 0
        let (genTime, _) = try timed {
            for n in 0..<fileCount {
                let sub = corpusDir + String(format: "/d%03d", n / perDir)
                if n % perDir == 0 { try makeDirectory(sub) }
                let text = Array(generator.brief(from: quiet, &rng).utf8)
                bytes += text.count
                try writeFile(sub + String(format: "/brief-%06d.txt", n), text)
            }
        }
        progress("wrote \(fileCount) files (\(fmt(mb(bytes))) MB) in \(fmt(genTime)) s")

        let store = try Store.open(directory: stateDir)
        let pass = ScanPass(config: config, store: store, extractor: extractor, logger: logger)

        progress("first pass: indexing \(fileCount) files (ingest, extract, track, one commit per file)")
        let (indexTime, firstAlerts) = try timed { try pass.run() }
        let indexPeak = memoryMB().peak
        let counts = try store.counts()
        progress("indexed \(counts.documents) documents, \(counts.items) items, \(counts.storylines) storylines in \(fmt(indexTime)) s")
        report.add(Row(issue: "#2", figure: "first scan (index) of \(fileCount / 1000)k files", value: "\(fmt(indexTime)) s",
                       note: "\(counts.documents) docs, \(counts.items) items, \(counts.storylines) storylines, \(firstAlerts.count) alerts; " +
                             "\(fmt(1e6 * indexTime / Double(max(1, fileCount)), 0)) µs/file; peak RSS \(fmt(indexPeak, 0)) MB"))

        // Peak RSS of the re-scans alone: reset VmHWM to the current RSS first.
        let reset = resetPeakRSS()
        let before = memoryMB()
        let runs = 5
        var times: [Double] = []
        var alerts = 0
        for run in 1...runs {
            let (t, result) = try timed { try pass.run() }
            times.append(t)
            alerts += result.count
            progress("no-change re-scan \(run)/\(runs): \(fmt(t, 3)) s")
        }
        let after = memoryMB()
        let t = median(times)
        report.add(Row(issue: "#2", figure: "no-change re-scan of \(fileCount / 1000)k files", value: "\(fmt(t, 3)) s",
                       target: quick ? "≤ 2 s (at 100k)" : "≤ 2 s", met: quick ? nil : t <= 2,
                       note: "median of \(runs); min \(fmt(times.min() ?? 0, 3)) s, max \(fmt(times.max() ?? 0, 3)) s; \(alerts) alerts (expect 0)"))
        report.add(Row(issue: "#2", figure: "peak RSS during the re-scans (VmHWM)", value: "\(fmt(after.peak, 0)) MB",
                       target: "≤ 150 MB", met: after.peak <= 150,
                       note: reset ? "VmHWM reset before the re-scans (RSS then \(fmt(before.current, 0)) MB)"
                                   : "VmHWM not resettable: includes the index pass"))
        report.add(Row(issue: "#2", figure: "peak RSS of the whole process (VmHWM)", value: "\(fmt(max(indexPeak, after.peak), 0)) MB",
                       target: "≤ 150 MB", met: max(indexPeak, after.peak) <= 150,
                       note: "includes generating the files and the first (index) pass"))
    }
}
