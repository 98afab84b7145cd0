/// The stance a CAMEO family codes as its own type, which storywatch puts in `status` when the
/// verb governs another action (design §3), and the cue kind that says so.
enum Stance: String, Sendable {
    case promised, demanded, refused, threatened

    /// 03x express intent, 10x demand, 12x reject, 13x threaten.
    init?(cameo code: String) {
        switch code.prefix(2) {
        case "03": self = .promised
        case "10": self = .demanded
        case "12": self = .refused
        case "13": self = .threatened
        default: return nil
        }
    }
}

/// What the CAMEO verb dictionary becomes in storywatch's format, and what was left out and why.
public struct CameoConversion: Sendable {
    /// "TYPE mode" → phrases.
    public var actions: [String: Set<String>] = [:]
    /// cue kind → phrases.
    public var cues: [String: Set<String>] = [:]
    /// lemma → irregular forms.
    public var irregular: [String: Set<String>] = [:]
    /// reason → how many phrases it dropped.
    public var dropped: [String: Int] = [:]
    public var keptPatterns = 0
    public var keptVerbs = 0

    public var actionCount: Int { actions.values.reduce(0) { $0 + $1.count } }
    public var cueCount: Int { cues.values.reduce(0) { $0 + $1.count } }
}

/// Turns CAMEO verbs and patterns into action phrases, stance verbs into cues.
public struct CameoConverter: Sendable {
    let table: PloverTable
    /// Phrases never generated (`cameo-stoplist.txt`): senses the extractor would misread.
    let stopList: Set<String>
    /// Most expansions of a pattern's synonym sets kept (a set of currencies times a set of weapons).
    static let maxExpansions = 64

    public init(table: PloverTable, stopList: Set<String>) {
        self.table = table
        self.stopList = stopList
    }

    public func convert(_ dictionary: CameoDictionary) -> CameoConversion {
        var out = CameoConversion()
        var claimed: Set<String> = [] // phrases already given a reading: the first in the file wins
        for block in dictionary.blocks {
            for verb in block.verbs {
                for form in verb.irregularForms where !Self.isRegular(form, of: verb.lemma) {
                    out.irregular[verb.lemma, default: []].insert(form)
                }
                addVerb(verb, code: verb.code ?? block.code, to: &out, claimed: &claimed)
            }
            for pattern in block.patterns {
                let named = block.verbs.filter { $0.name == pattern.verbName }
                for verb in named.isEmpty ? block.verbs : named {
                    for phrase in phrases(of: pattern, verb: verb, synsets: dictionary.synsets, out: &out) {
                        add(phrase, code: pattern.code, isPattern: true, to: &out, claimed: &claimed)
                    }
                }
            }
        }
        return out
    }

    /// A form storywatch's morphology derives anyway (supplies, committed): listing it would make
    /// a word lemmatise that the hand-written entries match as written ("committed to").
    static func isRegular(_ form: String, of lemma: String) -> Bool {
        guard let last = lemma.last else { return true }
        let stem = String(lemma.dropLast())
        let doubled = lemma + String(last)
        return [lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", stem + "ies", stem + "ied",
                stem + "ing", doubled + "ed", doubled + "ing"].contains(form)
    }

    private func addVerb(_ verb: CameoVerb, code: String, to out: inout CameoConversion, claimed: inout Set<String>) {
        let phrase = verb.words.joined(separator: " ")
        if let stance = Stance(cameo: code), code.allSatisfy(\.isNumber), !stopList.contains(phrase) {
            out.cues[stance.rawValue, default: []].insert(phrase) // "threatened to expel": a status
        }
        add(phrase, code: code, isPattern: false, to: &out, claimed: &claimed)
    }

    private func add(_ phrase: String, code raw: String, isPattern: Bool, to out: inout CameoConversion,
                     claimed: inout Set<String>) {
        // `[040:040]` codes both directions; `[:1243]` only the reverse, which a phrase cannot say.
        let code = raw.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        func drop(_ reason: String) { out.dropped[reason, default: 0] += 1 }
        guard !code.isEmpty, code != "---" else { return drop(raw.hasPrefix(":") ? "reverse roles only" : "no code") }
        guard !stopList.contains(phrase) else { return drop("stop list") }
        // A stance pattern ("threaten ... sanctions") is the cue plus the object's own action.
        if isPattern, Stance(cameo: code) != nil { return drop("stance pattern (cue + object's action)") }
        guard let plover = table.plover(for: code) else { return drop("no PLOVER type (CAMEO 01x/02x)") }
        guard !stopList.contains("type: \(plover.type.lowercased())") else { return drop("type left out (stop list)") }
        guard !claimed.contains(phrase) else { return drop("duplicate phrase") }
        claimed.insert(phrase)
        out.actions["\(plover.type) \(plover.mode)", default: []].insert(phrase)
        if isPattern { out.keptPatterns += 1 } else { out.keptVerbs += 1 }
    }

    /// The storywatch phrases a pattern says for one verb: synonym sets expanded, the verb's
    /// words first, the words after it with gaps (`...`) where the text may put an object.
    func phrases(of pattern: CameoPattern, verb: CameoVerb, synsets: [String: [String]],
                 out: inout CameoConversion) -> [String] {
        // Words before the verb restrict its subject ("TANKS *"), which a phrase cannot say.
        let before = pattern.before.filter { $0 != "$" }
        guard before.isEmpty else {
            out.dropped[pattern.before.contains("+") ? "target before the verb" : "words before the verb", default: 0] += 1
            return []
        }
        let units = Self.units(pattern.after)
        // Two synonym sets multiply into phrases nobody wrote ("accuse ... with ... battle crime").
        guard units.filter({ $0.contains("&") }).count <= 1 else {
            out.dropped["several synonym sets", default: 0] += 1
            return []
        }
        guard !units.isEmpty, units.contains(where: { $0 != "..." }) else {
            out.dropped["no words after the verb", default: 0] += 1
            return []
        }
        var expanded = [[String]]([[]])
        for unit in units {
            let choices = Self.expand(unit, synsets: synsets)
            guard !choices.isEmpty else { out.dropped["undefined synonym set", default: 0] += 1; return [] }
            expanded = expanded.flatMap { prefix in choices.map { prefix + [$0] } }
            if expanded.count > Self.maxExpansions { expanded = Array(expanded.prefix(Self.maxExpansions)) }
        }
        let verbWords = verb.words.joined(separator: " ")
        return expanded.compactMap { parts -> String? in
            var words: [String] = [verbWords]
            for part in parts {
                if part == "..." { if words.last != "..." { words.append("...") } }
                else { if words.count > 0, words.last != "..." { words.append("...") }; words.append(part) }
            }
            while words.last == "..." { words.removeLast() }
            let phrase = words.joined(separator: " ")
            guard Self.isSayable(phrase) else { out.dropped["words the format cannot say", default: 0] += 1; return nil }
            return phrase
        }
    }

    /// The elements after the verb as units: a `{…}` noun phrase is one, a word is one, an actor
    /// slot (`$`, `+`, `%`) is a gap; parentheses only group.
    static func units(_ elements: [String]) -> [String] {
        var units: [String] = []
        var phrase: [String]?
        for raw in elements {
            let opens = raw.hasPrefix("{") || raw.hasPrefix("({")
            let closes = raw.hasSuffix("}") || raw.hasSuffix("})") || raw.hasSuffix("}))")
            let word = raw.filter { !"{}()".contains($0) }
            if word.isEmpty { continue }
            if opens && !closes { phrase = [word]; continue }
            if var p = phrase {
                p.append(word)
                if closes { units.append(p.joined(separator: " ")); phrase = nil } else { phrase = p }
                continue
            }
            units.append(["$", "+", "%"].contains(word) ? "..." : word)
        }
        if let p = phrase { units.append(p.joined(separator: " ")) }
        return units
    }

    /// A unit with its synonym sets replaced by each member (`&CEASEFIRE` → truce, armistice…).
    static func expand(_ unit: String, synsets: [String: [String]], depth: Int = 0) -> [String] {
        let words = unit.split(separator: " ").map(String.init)
        guard let k = words.firstIndex(where: { $0.hasPrefix("&") }) else {
            return [words.map { CameoDictionary.phrase($0) }.joined(separator: " ")]
        }
        let name = words[k].trimmingCharacters(in: "_")
        guard depth < 4, let members = synsets[name] ?? synsets[name + "_"] else { return [] }
        return members.flatMap { member -> [String] in
            var replaced = words
            replaced[k] = member.replacingOccurrences(of: " ", with: "_")
            return expand(replaced.joined(separator: " "), synsets: synsets, depth: depth + 1)
        }
    }

    /// Letters, hyphens and apostrophes only, at most five words besides gaps: a longer
    /// pattern spreads over a clause the gaps would let it cross.
    static func isSayable(_ phrase: String) -> Bool {
        let words = phrase.split(separator: " ").filter { $0 != "..." }
        return words.count <= 5 && words.allSatisfy { w in
            w.allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-" || $0 == "'") } && w.first?.isLetter == true
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    func replacingOccurrences(of a: String, with b: String) -> String {
        split(separator: Character(a), omittingEmptySubsequences: false).joined(separator: b)
    }
}
