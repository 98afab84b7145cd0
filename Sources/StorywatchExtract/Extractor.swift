import StorywatchModel

/// An event with the item it came from, so a pass can keep only the events of new items.
package struct ExtractedEvent: Sendable {
    package var event: Event
    package var itemHash: String
    package var evidence: EventEvidence
}

/// Sentences → events, with dictionaries and rules (design §2–3). Deterministic and
/// linear in the text: no backtracking patterns.
package struct Extractor: Sendable {
    private static let hoisted_turns: Set<EventStatus> = [.refused, .cancelled, .admitted, .denied]
    let lexicon: Lexicon
    /// Keep for each event the words and entries that produced it, which `explain` shows and
    /// the pipeline does not read.
    let explains: Bool

    package init(lexicon: Lexicon, explains: Bool = true) {
        self.lexicon = lexicon
        self.explains = explains
    }

    /// Plain names of actor roots from the dictionaries ("RUS" → "Russia").
    package var rootNames: [String: String] { lexicon.rootNames }

    /// The events of a document's items, in chronological order (newest-first layouts run
    /// backwards), each with its `order`.
    package func extract(document: Document) -> [ExtractedEvent] {
        let items = document.items
        // Items are read by position, in place: an item copied is a retain of each of its strings.
        let positions = document.layout.isNewestFirst ? Array(items.indices.reversed()) : Array(items.indices)
        var context = ResolutionContext()
        var result: [ExtractedEvent] = []
        // News runs to about four events a kilobyte: room for them at once, as an event is
        // large to move each time the list grows.
        var bytes = 0
        for k in items.indices { bytes += items[k].text.utf8.count }
        result.reserveCapacity(bytes / 256 + 4)
        let reader = SentenceReader(lex: lexicon, explains: explains)
        for k in positions {
            let itemDate = items[k].date ?? document.date
            let itemDated = items[k].date != nil && document.layout == .timeline
            for sentence in SentenceSplitter.split(items[k].text) {
                reader.read(sentence, document: document.path, itemDate: itemDate, itemDated: itemDated,
                            context: &context) { event, evidence in
                    result.append(ExtractedEvent(event: event, itemHash: items[k].hash, evidence: evidence))
                }
            }
        }
        // "We will not expel any of them.": a hostile act without a named target is aimed at whoever
        // the same side last acted against in this document.
        var lastTarget: [String: Actor] = [:]
        var lastAgainst: [String: Actor] = [:]
        // (Fields are read in place: an event copied is a retain of each of its strings.)
        for i in result.indices {
            guard let src = result[i].event.source?.root else { continue }
            // (`foreignTarget`, with each root read once.)
            if let t = result[i].event.target, case let targetRoot = t.root, targetRoot != src {
                lastTarget[src] = t
                if let s = result[i].event.source { lastAgainst[targetRoot] = s }
                continue
            }
            // "The Kremlin threatened to respond in kind": the answer goes to whoever acted against it.
            if result[i].event.isResponse, let answered = lastAgainst[src] ?? lastTarget[src], answered.root != src {
                result[i].event.target = answered
                continue
            }
            let turns = Self.hoisted_turns
            if (result[i].event.type?.conflictRank ?? 0) >= 2, turns.contains(result[i].event.status), let t = lastTarget[src] {
                result[i].event.target = t
            }
        }
        Self.ownUnattributedPolicies(&result, rootCounts: context.rootCounts, names: lexicon.rootNames)
        // A document reports one figure per kind of toll: its highest.
        var drop = Set<Int>()
        let tolls = result.indices.filter { result[$0].event.type == nil && result[$0].event.quantity != nil }
        for unit in Set(tolls.compactMap { result[$0].event.quantity?.unit }) {
            let same = tolls.filter { result[$0].event.quantity?.unit == unit }
            if let top = same.max(by: { (result[$0].event.quantity?.value ?? 0) < (result[$1].event.quantity?.value ?? 0) }) {
                drop.formUnion(same.filter { $0 != top })
            }
        }
        if !drop.isEmpty { // the kept moved down in one pass (swapped, not copied)
            var kept = 0
            for i in result.indices where !drop.contains(i) {
                if kept != i { result.swapAt(kept, i) }
                kept += 1
            }
            result.removeLast(result.count - kept)
        }
        Self.chronological(&result)
        for i in result.indices { result[i].event.order = i }
        return result
    }

    /// Phenomenon: a policy stance told without its owner ("Plans to … have been watered
    /// down") is the stance of the country the document is about, the one it names most; with
    /// no such country it is dropped.
    static func ownUnattributedPolicies(_ events: inout [ExtractedEvent], rootCounts: [String: Int], names: [String: String]) {
        guard events.contains(where: { $0.event.object != nil && $0.event.source == nil }) else { return }
        let home = rootCounts.filter { names[$0.key] != nil }.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        events.removeAll { $0.event.object != nil && $0.event.source == nil && home == nil }
        guard let home else { return }
        for i in events.indices where events[i].event.object != nil && events[i].event.source == nil {
            events[i].event.source = Actor(code: home, name: names[home] ?? home)
            if events[i].event.target?.root == home { events[i].event.target = nil }
        }
    }

    /// Order inside a document: by date where the text gives one, else by position (design §3).
    /// Sorts positions rather than the events, which are large to move, then puts each event in
    /// its place by swaps: an event copied would be a retain of each of its strings.
    private static func chronological(_ events: inout [ExtractedEvent]) {
        var lastDate: Day?
        let dates = events.indices.map { i -> Day? in
            if let d = events[i].event.date { lastDate = d }
            return lastDate
        }
        let order = events.indices.sorted { a, b in
            switch (dates[a], dates[b]) {
            case let (x?, y?) where x != y: return x < y
            default: return a < b
            }
        }
        // Position k takes the event at order[k]: each cycle of the permutation is walked once.
        var placed = [Bool](repeating: false, count: order.count)
        for start in order.indices where !placed[start] {
            var k = start
            placed[k] = true
            while order[k] != start {
                events.swapAt(k, order[k])
                k = order[k]
                placed[k] = true
            }
        }
    }

    /// The events of one text on its own (`extract --lines`).
    package func extract(text: String, document: String) -> [Event] {
        var context = ResolutionContext()
        let reader = SentenceReader(lex: lexicon, explains: explains)
        var events: [Event] = []
        for s in SentenceSplitter.split(text) {
            reader.read(s, document: document, itemDate: nil, context: &context) { event, _ in
                // A line on its own names no document whose country could own a policy.
                if event.source != nil || event.object == nil { events.append(event) }
            }
        }
        return events
    }
}
