import Foundation
import Logging
import StorywatchModel
import StorywatchStore
import StorywatchTrack

/// Issue 4: the cost of tracking one event, the way ScanPass does it (load the storyline by id,
/// decode its state, record, encode, commit), with 1k, 100k and 1M events already stored.
///
/// Every size stores storylines of the same length (`entriesPerStoryline` events each) and
/// the timed events go to the same number of "hot" storylines spread across the table, so
/// the only thing that changes between sizes is how much is stored around them.
struct TrackBench {
    var root: String
    var quick: Bool
    var logger: Logger

    static let entriesPerStoryline = 20
    /// The storyline length of the extra, busy-storyline measure: the history limit.
    static let busyEntries = StorylineState.historyLimit
    static let hotCount = 50
    static let eventsPerRun = 500
    static let runs = 3
    static let base = Day(year: 2025, month: 1, day: 1)

    struct Figures {
        var size: Int
        var total: Double, load: Double, track: Double, encode: Double, commit: Double
        var dbMB: Double
        var fillSeconds: Double
        var developments: Int
        var compute: Double { load + track + encode }
    }

    func run(report: Reporter) throws {
        let sizes = quick ? [1_000, 10_000, 100_000] : [1_000, 100_000, 1_000_000]
        var figures: [Figures] = []
        for size in sizes {
            let dir = root + "/track-\(size)"
            removeTree(dir)
            defer { removeTree(dir) }
            let f = try measure(size: size, perStoryline: Self.entriesPerStoryline, directory: dir)
            figures.append(f)
            report.add(Row(issue: "#4", figure: "tracking cost per event, \(label(size)) stored events",
                           value: "\(fmt(f.total, 0)) µs",
                           note: "load+decode \(fmt(f.load, 0)), track \(fmt(f.track, 0)), encode \(fmt(f.encode, 0)), " +
                                 "commit \(fmt(f.commit, 0)) µs; \(f.developments) developments; DB \(fmt(f.dbMB, 0)) MB, filled in \(fmt(f.fillSeconds)) s"))
        }
        // Cost per event grows with the length of the storyline it lands in (its whole state is
        // decoded and encoded per event): the same measure with storylines at the history limit.
        do {
            let size = Self.hotCount * Self.busyEntries
            let dir = root + "/track-busy"
            removeTree(dir)
            defer { removeTree(dir) }
            let f = try measure(size: size, perStoryline: Self.busyEntries, directory: dir)
            report.add(Row(issue: "#4", figure: "… in storylines at the \(Self.busyEntries)-entry history limit (\(label(size)) stored)",
                           value: "\(fmt(f.total, 0)) µs",
                           note: "load+decode \(fmt(f.load, 0)), track \(fmt(f.track, 0)), encode \(fmt(f.encode, 0)), " +
                                 "commit \(fmt(f.commit, 0)) µs; cost grows with the storyline's history, not with the store"))
        }
        guard let first = figures.first, let last = figures.last, figures.count > 1 else { return }
        let ratio = last.total / first.total
        let computeRatio = last.compute / first.compute
        report.add(Row(issue: "#4", figure: "ratio \(label(last.size))/\(label(first.size)), per event", value: fmt(ratio, 2),
                       target: "≈ 1 (flat, ≤ 1.5)", met: ratio <= 1.5,
                       note: "median of \(Self.runs) runs of \(Self.eventsPerRun) events at each size"))
        report.add(Row(issue: "#4", figure: "ratio \(label(last.size))/\(label(first.size)), without the commit", value: fmt(computeRatio, 2),
                       target: "≈ 1 (flat, ≤ 1.5)", met: computeRatio <= 1.5,
                       note: "load+decode+track+encode: \(fmt(first.compute, 0)) → \(fmt(last.compute, 0)) µs"))
    }

    func label(_ n: Int) -> String { n >= 1_000_000 ? "\(n / 1_000_000)M" : "\(n / 1000)k" }

    // MARK: Data

    /// Three-letter codes that are no real country, so ids never collide with each other.
    static func code(_ n: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return String([letters[(n / 676) % 26], letters[(n / 26) % 26], letters[n % 26]])
    }

    /// A distinct sorted dyad for every storyline number.
    static func roots(_ k: Int) -> [String] {
        let a = k % 17_576
        let b = (a + 1 + k / 17_576) % 17_576
        return [code(a), code(b)].sorted()
    }

    static let actions: [(EventType, String, String)] = [
        (.sanction, "expel", "expelled"), (.assault, "airstrike", "struck positions held by"),
        (.retreat, "ceasefire", "agreed a ceasefire with"), (.threaten, "other", "threatened"),
        (.consult, "meet", "met officials from"), (.sanction, "discontinue", "imposed tariffs on"),
        (.accuse, "other", "accused"),
    ]
    static let statuses: [EventStatus] = [.proposed, .threatened, .done, .refused, .denied, .admitted, .promised, .done, .cancelled]

    static func event(roots: [String], n: Int, day: Day, document: String) -> Event {
        let (type, mode, verb) = actions[n % actions.count]
        let status = statuses[(n / actions.count) % statuses.count]
        let forward = n % 3 != 0
        let a = roots[0], b = roots.count > 1 ? roots[1] : roots[0]
        let (src, tgt) = forward ? (a, b) : (b, a)
        let source = Actor(code: src + "GOV", name: "the \(src) government", role: "government")
        let figure = n % 40 + 2
        return Event(source: source, target: Actor(code: tgt, name: tgt),
                     saidBy: status == .denied || status == .admitted ? source : nil,
                     type: type, mode: mode, status: status,
                     quantity: mode == "expel" ? Quantity(value: Double(figure), unit: "diplomats") : nil,
                     date: day, document: document,
                     quote: "The \(src) government said on Tuesday it had \(verb) \(tgt) (\(figure)), in what officials called a response to event \(n).",
                     isResponse: n % 11 == 0)
    }

    /// Fills a fresh store with `size` events over `size / entriesPerStoryline` storylines,
    /// and one development row per ten events; returns the storyline numbers.
    func prefill(_ store: Store, size: Int, perStoryline: Int) throws -> Int {
        let count = max(1, size / perStoryline)
        let batch = 500
        let template = Self.event(roots: Self.roots(0), n: 0, day: Self.base, document: "prefill.txt")
        let templateDevelopment = Development(id: "sw_template", kind: .reversal, summary: String(repeating: "x", count: 160),
                                              storyline: StorylineRef(id: "AAA-AAB", title: "AAA – AAB", actors: ["AAA", "AAB"]),
                                              event: template, previous: template)
        let alertBlob = Alert(development: templateDevelopment, source: "storywatch://bench", time: Date()).jsonData()
        var start = 0
        var reported = 0
        while start < count {
            let end = min(count, start + batch)
            var storylines: [StoredStoryline] = []
            var developments: [(development: Development, alert: Data, webhooks: [String])] = []
            for k in start..<end {
                let roots = Self.roots(k)
                var state = StorylineState(id: StorylineKey.id(sides: roots), roots: roots)
                for j in 0..<perStoryline {
                    let e = Self.event(roots: roots, n: k * perStoryline + j, day: Self.base.adding(days: j),
                                       document: "prefill/\(k / 1000)/\(k).txt")
                    state.entries.append(ThreadEntry(event: e, sequence: j))
                    if j % 10 == 9 {
                        var d = templateDevelopment
                        d.id = "sw_prefill_\(k)_\(j)"
                        d.storyline = StorylineRef(id: state.id, title: roots.joined(separator: " – "), actors: roots)
                        d.event = e
                        developments.append((d, alertBlob, []))
                    }
                }
                state.nextSequence = perStoryline
                state.lastDate = Self.base.adding(days: perStoryline - 1)
                storylines.append(StoredStoryline(id: state.id, title: roots.joined(separator: " – "), actors: roots,
                                                  lastDate: state.lastDate?.description, state: state.encoded()))
            }
            let doc = StoredDocument(path: "prefill/batch-\(start).txt", size: 1, mtimeNanos: 0, inode: UInt64(start), hash: "prefill\(start)")
            try store.commit(DocumentCommit(document: doc, layout: "article", newItems: [], storylines: storylines,
                                            developments: developments), allItems: [])
            start = end
            if start * perStoryline - reported >= 100_000 {
                reported = start * perStoryline
                progress("  stored \(reported) events")
            }
        }
        return count
    }

    // MARK: Timing

    func measure(size: Int, perStoryline: Int, directory: String) throws -> Figures {
        let store = try Store.open(directory: directory)
        progress("track: pre-filling \(label(size)) events (\(perStoryline) a storyline) in \(directory)")
        let (fillSeconds, count) = try timed { try prefill(store, size: size, perStoryline: perStoryline) }
        progress("track: pre-filled \(count) storylines in \(fmt(fillSeconds)) s")
        let step = max(1, count / Self.hotCount)
        let hot = Array(stride(from: 0, to: count, by: step).prefix(Self.hotCount))
        let tracker = Tracker(windowDays: 730)
        let clock = ContinuousClock()
        var sequence = 0
        var developments = 0

        // One event per hot storyline first, untimed: the same warm-up at every size.
        var perRun: [(total: Double, load: Double, track: Double, encode: Double, commit: Double)] = []
        for run in 0...Self.runs {
            let n = run == 0 ? hot.count : Self.eventsPerRun
            var load = Duration.zero, track = Duration.zero, encode = Duration.zero, commit = Duration.zero
            for i in 0..<n {
                let k = hot[i % hot.count]
                let roots = Self.roots(k)
                let id = StorylineKey.id(sides: roots)
                let day = Self.base.adding(days: perStoryline + 30 + sequence / 100)
                let event = Self.event(roots: roots, n: 7 * sequence + k, day: day, document: "track/\(run)/\(i).txt")
                sequence += 1
                let t0 = clock.now
                var state = try loadState(store, id: id, roots: roots)
                var related: [ThreadEntry] = []
                for root in roots { related += try loadState(store, id: root, roots: [root]).entries }
                let t1 = clock.now
                var raised: [Development] = []
                if let d = tracker.record(event, in: &state, related: related), try !store.developmentExists(id: d.id) {
                    raised.append(d)
                }
                let t2 = clock.now
                let now = Date()
                let records = raised.map { (development: $0, alert: Alert(development: $0, source: "storywatch://bench", time: now).jsonData(),
                                            webhooks: [String]()) }
                let stored = StoredStoryline(id: state.id, title: state.roots.joined(separator: " – "), actors: state.roots,
                                             lastDate: state.lastDate?.description, state: state.encoded())
                let t3 = clock.now
                let doc = StoredDocument(path: event.document, size: 1000, mtimeNanos: Int64(sequence), inode: UInt64(sequence),
                                         hash: "track\(sequence)")
                try store.commit(DocumentCommit(document: doc, layout: "article", newItems: [], storylines: [stored],
                                                developments: records), allItems: [], now: now)
                let t4 = clock.now
                load += t1 - t0; track += t2 - t1; encode += t3 - t2; commit += t4 - t3
                developments += records.count
            }
            guard run > 0 else { continue }
            let per = { (d: Duration) in d.seconds * 1e6 / Double(n) }
            let total = per(load) + per(track) + per(encode) + per(commit)
            perRun.append((total, per(load), per(track), per(encode), per(commit)))
            progress("track \(label(size)) run \(run)/\(Self.runs): \(fmt(total, 0)) µs/event")
        }
        let dbBytes = ["state.sqlite", "state.sqlite-wal"].reduce(0) { sum, name in
            sum + ((try? FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? Int) ?? 0)
        }
        return Figures(size: size, total: median(perRun.map(\.total)), load: median(perRun.map(\.load)),
                       track: median(perRun.map(\.track)), encode: median(perRun.map(\.encode)),
                       commit: median(perRun.map(\.commit)), dbMB: mb(dbBytes), fillSeconds: fillSeconds,
                       developments: developments)
    }

    /// As StorylineStates.state (timed on its own here): the stored state decoded, or a fresh one.
    func loadState(_ store: Store, id: String, roots: [String]) throws -> StorylineState {
        guard let stored = try store.storyline(id: id) else { return StorylineState(id: id, roots: roots) }
        return StorylineState.decode(stored.state) ?? StorylineState(id: id, roots: roots)
    }
}
