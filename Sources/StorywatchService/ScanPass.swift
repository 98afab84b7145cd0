import Foundation
import Logging
import StorywatchConfig
import StorywatchExtract
import StorywatchIngest
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// Why a pass could not run at all (a missing corpus, an unusable state folder).
package enum ScanError: Error, CustomStringConvertible {
    case missingCorpus(String)
    case noCorpusGiven

    package var description: String {
        switch self {
        case .missingCorpus(let path): "the corpus folder \(path) does not exist or is not a folder; check `corpus` or --corpus"
        case .noCorpusGiven: "no corpus given: pass --corpus DIR or set `corpus` in the config"
        }
    }
}

/// One incremental pass over the corpus: list, skip what is unchanged, ingest what changed,
/// extract, track, and record each document in one transaction. The same code serves
/// `scan` and the daemon's catch-up (design §1).
package struct ScanPass: Sendable {
    package var config: StorywatchConfig
    package var store: Store
    package var extractor: Extractor
    package var logger: Logger
    package var now: @Sendable () -> Date = { Date() }
    /// Where each document is marked as a unit of work, named by its path (the daemon's watchdog
    /// and `/healthz` read it).
    package var progress = WorkProgress()
    /// Record developments without alerting: no outbox rows, nothing printed (`scan --baseline`,
    /// `[detect] alert_on_first_scan = false`).
    package var baseline = false

    /// The alerts' CloudEvents `source`: this host and corpus (looked up once, not per document).
    let source: String
    /// Marks the document being read; the version a crash stopped in, read when the pass was made.
    let marker: ReadingMarker
    let crashedIn: ReadingMarker.Left?

    package init(config: StorywatchConfig, store: Store, extractor: Extractor, logger: Logger) {
        self.config = config
        self.store = store
        self.extractor = extractor
        self.logger = logger
        source = "storywatch://\(ProcessInfo.processInfo.hostName)\(config.corpus ?? "")"
        marker = ReadingMarker(stateDirectory: config.state)
        crashedIn = marker.left()
    }

    /// The first pass of `scan` and of the daemon: a baseline when asked, or when the config
    /// says not to alert on the first scan and the store has never seen a document.
    package func runCatchUp() throws -> [Alert] {
        var pass = self
        if !config.alertOnFirstScan, try store.allDocuments().isEmpty { pass.baseline = true }
        guard pass.baseline else { return try run() }
        let recorded = try pass.run().count
        logger.notice("baseline: the corpus's history recorded without alerting",
                      metadata: ["developments": "\(recorded)", "corpus": "\(config.corpus ?? "")"])
        return []
    }

    /// Runs the pass; returns the developments it recorded, in order, as alerts.
    package func run() throws -> [Alert] {
        guard let corpus = config.corpus else { throw ScanError.noCorpusGiven }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDir), isDir.boolValue else {
            throw ScanError.missingCorpus(corpus)
        }
        try StoredStorylines.rekeyIfPending(store, logger: logger)
        let lister = CorpusLister(root: corpus, include: config.include, exclude: config.exclude)
        let known = try store.allDocuments()
        var alerts: [Alert] = []
        let paths = lister.list()
        for path in paths {
            alerts += try progress.unit(path) { try process(relativePath: path, corpus: corpus, known: known[path]) }
        }
        progress.passEnded() // a whole pass is a scan, even with nothing to read
        let present = Set(paths)
        for path in known.keys where !present.contains(path) {
            try store.removeDocument(path: path)
            logger.info("document removed", metadata: ["document.path": "\(path)"])
        }
        return alerts
    }

    /// Processes one file if it changed; returns its alerts. Skipped files are logged once.
    package func process(relativePath: String, corpus: String, known: StoredDocument?) throws -> [Alert] {
        let absolute = corpus + "/" + relativePath
        if let known, let stamp = FileStamp.of(path: absolute), stamp.size == known.size,
           stamp.mtimeNanos == known.mtimeNanos, stamp.inode == known.inode {
            return []
        }
        let ingestor = Ingestor(maxFileBytes: config.maxFileBytes)
        let file: IngestedFile
        do {
            file = try ingestor.ingest(absolutePath: absolute, relativePath: relativePath)
        } catch {
            logger.warning("\(error.description)", metadata: ["document.path": "\(relativePath)"])
            return []
        }
        let stored = StoredDocument(path: relativePath, size: file.content.stamp.size,
                                    mtimeNanos: file.content.stamp.mtimeNanos, inode: file.content.stamp.inode,
                                    hash: file.content.hash)
        PipelineMetrics.fileScanned()
        if let known, known.hash == file.content.hash {
            try store.updateStamp(stored)
            return []
        }
        for warning in file.document.warnings {
            logger.warning("\(warning)", metadata: ["document.path": "\(relativePath)"])
        }
        return try analyse(file.document, stored: stored)
    }

    /// Extracts and tracks the new items of a document and commits the result.
    func analyse(_ document: Document, stored: StoredDocument) throws -> [Alert] {
        let unseen = try store.unseenHashes(document.items.map(\.hash))
        var newHashes = Set<String>()
        let newItems = document.items.filter { unseen.contains($0.hash) && newHashes.insert($0.hash).inserted }
        let stoppedIn = crashedIn.flatMap { $0.path == stored.path && $0.hash == stored.hash ? $0.attempts : nil } ?? 0
        if stoppedIn >= ReadingMarker.attemptsBeforeSkip {
            return try skipCrashed(document, stored: stored, newItems: newItems, attempts: stoppedIn)
        }
        marker.mark(stored, attempts: stoppedIn + 1)
        defer { marker.clear() }
        let tracker = Tracker(windowDays: config.windowDays, names: extractor.rootNames)
        var book = StorylineBook(repository: StoredStorylines(store: store), tracker: tracker)
        var developments: [Development] = []
        var eventCount = 0
        if !newItems.isEmpty {
            let events = extractor.extract(document: document).filter { newHashes.contains($0.itemHash) }
            for extracted in events where !extracted.evidence.habitual {
                eventCount += 1
                if let development = try book.record(extracted.event) { developments.append(development) }
            }
        }
        developments = Turns.onePerTurn(developments)
        PipelineMetrics.analysed(items: newItems.count, events: eventCount)
        let time = now()
        var records: [(development: Development, alert: Data, webhooks: [String])] = []
        var alerts: [Alert] = []
        for development in developments {
            let alert = Alert(development: development, source: source, time: time)
            let codes = [development.event.source, development.event.target, development.event.saidBy].compactMap { $0?.code }
            let hooks = baseline ? [] : config.webhooks.filter {
                $0.accepts(kind: development.kind, actorCodes: codes, defaultKinds: config.kinds)
            }
            records.append((development, alert.jsonData(), hooks.map(\.name)))
            if config.kinds.contains(development.kind) {
                alerts.append(alert)
                logger.log(level: baseline ? .info : .notice, "\(development.summary)", metadata: [
                    "development.id": "\(development.id)", "development.kind": "\(development.kind.rawValue)",
                    "storyline.id": "\(development.storyline.id)", "document.path": "\(document.path)",
                ])
            }
        }
        let storylines = book.changedStates.map(StoredStorylines.row)
        try store.commit(DocumentCommit(document: stored, layout: document.layout.rawValue, newItems: newItems,
                                        storylines: storylines, developments: records),
                         allItems: document.items, now: time)
        return alerts
    }

    /// The version crashes stopped in: its items recorded as seen, none read, and one clear line.
    private func skipCrashed(_ document: Document, stored: StoredDocument, newItems: [Item], attempts: Int) throws -> [Alert] {
        logger.error("storywatch stopped each time it read this version of the document; it is skipped so the rest of the corpus is read, and its next version is read as usual",
                     metadata: ["document.path": "\(stored.path)", "document.hash": "\(stored.hash)", "attempts": "\(attempts)"])
        try store.commit(DocumentCommit(document: stored, layout: document.layout.rawValue, newItems: newItems,
                                        storylines: [], developments: []),
                         allItems: document.items, now: now())
        marker.clear()
        return []
    }
}
