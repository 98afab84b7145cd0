import Foundation
import StorywatchModel

/// A known actor phrase. A class: the finder looks at every entry under a word for every
/// token with it, and a copy of a class is one retain rather than one a field.
struct ActorEntry: Sendable {
    /// The phrase's words as interned ids: `WordTable.actorWords[idsStart ..< idsStart + count]`.
    let idsStart: Int32
    let count: Int32
    /// Bit k: the dictionary wrote word k capitalised, so the text must too.
    let capitalizedMask: UInt64
    /// What the phrase names: shared by every phrase of its dictionary line.
    let info: ActorInfo

    var code: String { info.code }
    /// `String(code.prefix(3))`, made once for the line rather than at each mention.
    var root: String { info.root }
    var role: String? { info.role }
    var isPerson: Bool { info.isPerson }

    @inline(__always) func isCapitalized(_ k: Int) -> Bool { k < 64 && capitalizedMask & (1 << UInt64(k)) != 0 }
}

/// The actor a dictionary line names. A line's phrases (often many: "Vladimir Putin | Putin |
/// Vladimir Vladimirovich Putin") share one, which keeps the daemon's lexicon small.
final class ActorInfo: Sendable {
    let code: String
    /// The code's first three characters, its root.
    let root: String
    let role: String?
    let isPerson: Bool
    /// From a gazetteer (`countries-places*.txt`): a place, not an actor.
    let isPlace: Bool
    /// When a person held this office (`years=`, `from=`/`until=`), if the line says.
    let tenure: Tenure?

    init(code: String, role: String?, isPerson: Bool, isPlace: Bool = false, tenure: Tenure? = nil) {
        self.code = code
        root = String(code.prefix(3))
        self.role = role
        self.isPerson = isPerson
        self.isPlace = isPlace
        self.tenure = tenure
    }
}

/// A pattern of lemmas with optional gaps ("order ... to leave").
struct Pattern: Sendable {
    enum Element: Sendable, Equatable { case word(String), gap }
    var elements: [Element]
    let literalCount: Int

    init(elements: [Element]) {
        self.elements = elements
        var n = 0
        for e in elements where e != .gap { n += 1 }
        literalCount = n
    }

    static let gapID = Int32.min
}

/// An action phrase and the event it names. A class, as `ActorEntry`: every trigger holds its
/// entry, and triggers are copied with the candidate events built on them.
final class ActionEntry: Sendable {
    let pattern: Pattern
    let type: EventType
    let mode: String
    let nominal: Bool

    init(pattern: Pattern, type: EventType, mode: String, nominal: Bool) {
        self.pattern = pattern
        self.type = type
        self.mode = mode
        self.nominal = nominal
    }

    /// The same phrase read as a noun ("with Albania's help").
    func asNoun() -> ActionEntry {
        ActionEntry(pattern: pattern, type: type, mode: mode, nominal: true)
    }
}

enum CueKind: String, Sendable {
    case proposed, demanded, threatened, promised, considered, refused, denied, admitted, cancelled
    case negation, response, breach, report
    /// "watered down", "softened": ground given on a policy (`PolicyStance`), no status of an action.
    case compromised
    /// "has usually responded in kind", "in the past": a habit, not an act at a time.
    case habitual
    /// "claimed responsibility for": the claimant did the act (`ClaimedResponsibility`).
    case claim
    /// "still shelling", "continued to bomb": the act goes on from before the news (`Continuing`).
    case ongoing
    /// "sparked protests", "triggered riots": what caused the act, not its agent (`CausedAct`).
    case caused
    /// "described the arrest as", "branded the move": a speaker characterising an act, not its
    /// agent (`Characterisation`).
    case described
    /// "warned at the time": a sentence going back to a moment already told (`Background`).
    case recap
    /// "the proposal was unacceptable": a plan judged, a rejection by who says so (`JudgedUnacceptable`).
    case judged
}

struct CueEntry: Sendable {
    var pattern: Pattern
    var kind: CueKind
}

/// Every dictionary, loaded and indexed: actors, roles, actions, cues and word forms.
/// Two references (the word table holds all that extraction reads): readers, finders and the
/// closures of the rules copy a lexicon freely.
package struct Lexicon: Sendable {
    /// Interned words and the dictionaries indexed by them.
    let table: WordTable
    /// Plain names of actor roots ("RUS" → "Russia"), for summaries.
    package let rootNames: [String: String]

    /// The dictionaries shipped with storywatch plus `.txt` files of `extraDirectory`: generated
    /// files first, hand-written ones after them, operator files last; a later entry wins.
    package static func load(extraDirectory: String?) throws(DictionaryError) -> Lexicon {
        guard let shipped = ShippedDictionaries.folder else {
            throw DictionaryError(file: ShippedDictionaries.installedPath, line: 0,
                                  reason: "shipped dictionaries not found (installed under share/storywatch/dictionaries next to the binary's bin/)")
        }
        var files: [(name: String, text: String)] = []
        for name in ShippedDictionaries.generated + ShippedDictionaries.handWritten {
            guard let text = try? String(contentsOfFile: shipped + "/" + name + ".txt", encoding: .utf8) else {
                throw DictionaryError(file: "\(name).txt", line: 0, reason: "shipped dictionary missing from \(shipped)")
            }
            files.append(("\(name).txt", text))
        }
        if let dir = extraDirectory, let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for name in names.sorted() where name.hasSuffix(".txt") {
                let path = dir + "/" + name
                guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                    throw DictionaryError(file: path, line: 0, reason: "cannot be read as UTF-8 text")
                }
                files.append((path, text))
            }
        }
        return try build(files)
    }

    /// Builds a lexicon from named texts; a file's kind comes from its base name
    /// (countries, organisations, people, roles, actions, cues, verbs), else from its keys.
    static func build(_ files: [(name: String, text: String)]) throws(DictionaryError) -> Lexicon {
        var lex = LexiconBuilder()
        var parsed: [(String, [DictionaryLine])] = []
        for (name, text) in files { parsed.append((name, try DictionaryFile.parse(text, file: name))) }
        lex.addWordForms(parsed)
        for (file, (name, lines)) in parsed.enumerated() {
            let rank = precedence(of: name, position: file)
            switch DictionaryKind(of: name) {
            case .verbs: continue
            case .grammar:
                for l in lines { try lex.addGrammar(l, file: name) }
            case .roles: lex.addRoles(lines, rank: rank)
            case .actions: try lex.addActions(lines, file: name, rank: rank)
            case .cues: try lex.addCues(lines, file: name, rank: rank)
            case .countries, .organisations, .people, .actors: try lex.addActors(lines, file: name, rank: rank)
            }
        }
        lex.dropGeneratedActionsOfHandWrittenWords()
        return Lexicon(table: lex.intern(), rootNames: lex.rootNames)
    }

    /// The id of a word the lexicon names (-1: none).
    @inline(__always) func id(_ word: String) -> Int32 { table.lookup(word) }

    /// The flags of a token's lower-case form.
    @inline(__always) func flags(_ t: Token) -> UInt64 { t.flags }

    /// The token's lower-case form is a word of `wordClass` (`WordClass.words(wordClass).contains(t.lower)`).
    @inline(__always) func isA(_ t: Token, _ wordClass: UInt64) -> Bool { flags(t) & wordClass != 0 }

    /// The token names a day of the week.
    func namesWeekday(_ t: Token) -> Bool { t.lowerID >= 0 && table.weekday[Int(t.lowerID)] >= 0 }
    func namesMonth(_ t: Token) -> Bool { t.lowerID >= 0 && table.month[Int(t.lowerID)] != 0 }

    /// The unit of the toll the token counts (a word of death counts the dead), nil when it counts none.
    func tollUnit(_ t: Token) -> String? { t.lowerID >= 0 ? table.tollUnit[Int(t.lowerID)] : nil }

    /// The token's lemma is a word of `wordClass`.
    @inline(__always) func lemmaIsA(_ t: Token, _ wordClass: UInt64) -> Bool {
        t.lemmaID >= 0 && table.info[Int(t.lemmaID)].flags & wordClass != 0
    }

    /// The token is a figure, in digits or in words (12, twelve).
    @inline(__always) func isFigure(_ t: Token) -> Bool {
        t.kind == .number || (t.lowerID >= 0 && table.numberWord[Int(t.lowerID)] != nil)
    }

    /// Which entry wins for the same phrase: generated files (0) lose to the hand-written ones (1),
    /// which lose to the operator's (named by their path; a later one in name order wins).
    private static func precedence(of name: String, position: Int) -> Int {
        if name.hasPrefix("generated/") { return LexiconBuilder.generatedRank }
        return name.contains("/") ? 2 + position : 1
    }

    /// A token's lemma: the word of its lemma id, or its lower-case form (a word that is its own lemma).
    func lemma(of t: Token) -> String {
        t.lemmaID >= 0 && t.lemmaID != t.lowerID ? table.strings[Int(t.lemmaID)] : t.lower
    }

    /// Tokenizes with lemmas and word ids from this lexicon.
    func tokenize(_ sentence: String) -> [Token] {
        Tokenizer.tokenize(sentence, table: table)
    }

    /// Tokenizes into `tokens`, reusing its storage.
    func tokenize(_ sentence: String, into tokens: inout [Token]) {
        Tokenizer.tokenize(sentence, table: table, into: &tokens)
    }
}

/// The dictionaries as they are read, keyed by their first word, until `intern()` indexes them by word ids.
private struct LexiconBuilder {
    /// Actor phrases by first word: words, then ids (`intern`).
    /// Each entry with the precedence of its file (`Lexicon.precedence`: a higher rank wins).
    var actors: [String: [(tokens: [String], capitalizedMask: UInt64, info: ActorInfo, rank: Int)]] = [:]
    var roles: [String: [(tokens: [String], sector: String, rank: Int)]] = [:]
    var actions: [String: [(entry: ActionEntry, rank: Int)]] = [:]
    var cues: [String: [(entry: CueEntry, rank: Int)]] = [:]
    static let generatedRank = 0

    /// The later entry wins for the same phrase: one of a lower rank, whatever its reading
    /// (verb or noun), or of the same rank read the same way (a later line of actions.txt).
    mutating func addAction(_ entry: ActionEntry, first: String, rank: Int) {
        actions[first, default: []].removeAll {
            $0.entry.pattern.elements == entry.pattern.elements && ($0.rank < rank || $0.entry.nominal == entry.nominal)
        }
        actions[first, default: []].append((entry, rank))
    }

    /// Sense check: a word that heads a hand-written (or operator) action keeps only those
    /// senses. CAMEO's patterns for it ("support ... resolution", "fire ... minister") read
    /// words the hand entries already read, often otherwise, and longer patterns win.
    mutating func dropGeneratedActionsOfHandWrittenWords() {
        for (first, list) in actions where list.contains(where: { $0.rank != Self.generatedRank }) {
            actions[first] = list.filter { $0.rank != Self.generatedRank }
        }
    }
    var morphology = Morphology()
    var rootNames: [String: String] = [:]
    /// Words of the word classes read from data files (`WordClass.dataClasses`), with their flag.
    var classWords: [(word: String, flag: UInt64)] = []
    /// Number words and casualty words with their toll's unit (`GrammarTable`).
    var numberWords: [String: Double] = [:]
    var tollWords: [String: String] = [:]

    /// Reads a line of `grammar.txt`: a word class, or a row of a value table.
    mutating func addGrammar(_ l: DictionaryLine, file: String) throws(DictionaryError) {
        let words = l.phrases.map { $0.lowercased() }
        if let flag = WordClass.dataClasses[l.key] {
            for w in words { classWords.append((w, flag)) }
            return
        }
        let parts = l.key.split(separator: " ", maxSplits: 1).map(String.init)
        switch parts.count == 2 ? GrammarTable(rawValue: parts[0]) : nil {
        case .number?:
            guard let value = Double(parts[1]) else {
                throw DictionaryError(file: file, line: l.line, reason: "\"\(parts[1])\" is not a number")
            }
            for w in words { numberWords[w] = value }
        case .toll?:
            for w in words { tollWords[w] = parts[1] }
        case nil:
            throw DictionaryError(file: file, line: l.line, reason: "unknown word class \"\(l.key)\"")
        }
    }

    /// Word forms first, so patterns can be lemmatised: irregular ones from the verbs files,
    /// regular ones of the words of actions, cues and the grammar's classes whose forms count.
    mutating func addWordForms(_ parsed: [(String, [DictionaryLine])]) {
        for (name, lines) in parsed where DictionaryKind(of: name) == .verbs {
            for l in lines { morphology.addIrregular(lemma: l.key.lowercased(), forms: l.phrases.map { $0.lowercased() }) }
        }
        for (name, lines) in parsed where [.actions, .cues, .grammar].contains(DictionaryKind(of: name)) {
            for l in lines where DictionaryKind(of: name) != .grammar || (WordClass.dataClasses[l.key] ?? 0) & WordClass.withRegularForms != 0 {
                for p in l.phrases { for w in p.lowercased().split(separator: " ") where w != "..." {
                    morphology.addRegular(String(w.hasPrefix("~") ? w.dropFirst() : w))
                } }
            }
        }
    }

    /// Title phrases (`roles.txt`): the sector each gives.
    mutating func addRoles(_ lines: [DictionaryLine], rank: Int) {
        for l in lines { for p in l.phrases {
            let tokens = Tokenizer.tokenize(p).map(\.lower)
            guard let first = tokens.first else { continue }
            roles[first, default: []].removeAll { $0.rank < rank && $0.tokens == tokens }
            roles[first, default: []].append((tokens, l.key, rank))
        } }
    }

    /// Action patterns under `TYPE mode:` keys; a phrase with `~` names the act as a noun.
    mutating func addActions(_ lines: [DictionaryLine], file: String, rank: Int) throws(DictionaryError) {
        for l in lines {
            let parts = l.key.split(separator: " ")
            guard parts.count == 2, let type = EventType(rawValue: String(parts[0])) else {
                throw DictionaryError(file: file, line: l.line, reason: "expected `TYPE mode:` with a PLOVER type, found \"\(l.key)\"")
            }
            for p in l.phrases {
                let nominal = p.hasPrefix("~")
                let pattern = pattern(nominal ? String(p.dropFirst()) : p)
                guard case .word(let first)? = pattern.elements.first else { continue }
                addAction(ActionEntry(pattern: pattern, type: type, mode: String(parts[1]), nominal: nominal), first: first, rank: rank)
            }
        }
    }

    /// Cue patterns under their kind's key.
    mutating func addCues(_ lines: [DictionaryLine], file: String, rank: Int) throws(DictionaryError) {
        for l in lines {
            guard let kind = CueKind(rawValue: l.key) else {
                throw DictionaryError(file: file, line: l.line, reason: "unknown cue \"\(l.key)\"")
            }
            for p in l.phrases {
                let pattern = pattern(p.hasPrefix("~") ? String(p.dropFirst()) : p)
                guard case .word(let first)? = pattern.elements.first else { continue }
                // A later layer's cue replaces an earlier layer's reading of the same words.
                cues[first, default: []].removeAll { $0.rank < rank && $0.entry.pattern.elements == pattern.elements }
                cues[first, default: []].append((CueEntry(pattern: pattern, kind: kind), rank))
            }
        }
    }

    /// Actor phrases under their code: countries, organisations, people, and places (a
    /// `countries-places` gazetteer); a line's phrases share one `ActorInfo`.
    mutating func addActors(_ lines: [DictionaryLine], file: String, rank: Int) throws(DictionaryError) {
        let people = DictionaryKind(of: file) == .people
        let places = (file as NSString).lastPathComponent.lowercased().hasPrefix("countries-places")
        for l in lines {
            let code = l.key.uppercased()
            guard code.count >= 3, code.count <= 12, code.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                throw DictionaryError(file: file, line: l.line, reason: "\"\(l.key)\" is not an actor code (3-letter root plus 3-letter suffixes)")
            }
            let isPerson = people || l[.role] != nil
            if code.count == 3, !isPerson, rootNames[code] == nil { rootNames[code] = l.phrases[0] }
            let info = ActorInfo(code: code, role: l[.role], isPerson: isPerson, isPlace: places, tenure: Tenure(attributes: l.attributes))
            // "U.S." is also written "U.S" before a noun.
            let variants = l.phrases + l.phrases.filter { $0.hasSuffix(".") && $0.count > 2 }.map { String($0.dropLast()) }
            for p in variants { addActor(p, info, rank: rank) }
        }
    }

    /// One phrase of an actor: a later layer's phrase replaces an earlier layer's; within the
    /// hand-written files one name may hold several offices (people.txt, people-world.txt).
    private mutating func addActor(_ phrase: String, _ info: ActorInfo, rank: Int) {
        let toks = Tokenizer.tokenize(phrase)
        guard let first = toks.first else { return }
        var mask: UInt64 = 0
        for (k, t) in toks.prefix(64).enumerated() where t.isCapitalized { mask |= 1 << UInt64(k) }
        let words = toks.map(\.lower)
        actors[first.lower, default: []].removeAll { $0.rank < rank && $0.tokens == words }
        actors[first.lower, default: []].append((words, mask, info, rank))
    }

    /// Gives every named word an id and indexes the dictionaries by ids.
    func intern() -> WordTable {
        let (wordIDs, words) = numberedWords()
        var classFlags: [String: UInt64] = [:]
        for (word, flag) in classWords { classFlags[word, default: 0] |= flag }
        let actorTables = actorTables(wordIDs, wordCount: words.count)
        var rolesByID = [[RoleEntry]](repeating: [], count: words.count)
        for (key, list) in roles {
            rolesByID[Int(wordIDs[key]!)] = list.map {
                RoleEntry(tokens: $0.tokens, ids: $0.tokens.map { wordIDs[$0]! }, phrase: $0.tokens.joined(separator: " "), sector: $0.sector)
            }
        }
        let patterns = patternTables(wordIDs, wordCount: words.count)
        let morphology = morphology
        return WordTable(
            wordIDs: wordIDs, strings: words,
            lemmaID: words.map { wordIDs[morphology.lemma($0)] ?? -1 },
            flags: words.map { classFlags[$0] ?? 0 },
            month: words.map { Int8(DateText.months[$0] ?? 0) },
            weekday: words.map { Int8(DateText.weekdays[$0] ?? -1) },
            numberWord: words.map { numberWords[$0] },
            tollUnit: words.map { tollWords[$0] },
            actorEntries: actorTables.entries, actorWords: actorTables.words, actorSecondWords: actorTables.secondWords,
            actorStarts: actorTables.starts,
            rolesByID: rolesByID, patternWords: patterns.words,
            actionEntries: patterns.actionEntries, actionSpans: patterns.actionSpans, actionStarts: patterns.actionStarts,
            cueSpans: patterns.cueSpans, cueKinds: patterns.cueKinds, cueStarts: patterns.cueStarts)
    }

    /// Every word the rules and dictionaries name, numbered in a fixed order: the rules' words
    /// first (their ids are their raw values), then word forms, phrases, patterns, class and
    /// date words, number and toll words.
    private func numberedWords() -> (ids: [String: Int32], words: [String]) {
        var wordIDs: [String: Int32] = [:]
        var words: [String] = []
        func add(_ w: String) {
            if wordIDs[w] == nil {
                wordIDs[w] = Int32(words.count)
                words.append(w)
            }
        }
        for word in RuleWord.allCases {
            add(word.text)
            precondition(wordIDs[word.text] == word.rawValue, "RuleWord \(word) is listed twice")
        }
        for (form, lemma) in morphology.forms.sorted(by: { $0.key < $1.key }) { add(form); add(lemma) }
        for key in actors.keys.sorted() { for e in actors[key]! { e.tokens.forEach(add) } }
        for key in roles.keys.sorted() { for r in roles[key]! { r.tokens.forEach(add) } }
        for key in actions.keys.sorted() { for a in actions[key]! { for case .word(let w) in a.entry.pattern.elements { add(w) } } }
        for key in cues.keys.sorted() { for c in cues[key]! { for case .word(let w) in c.entry.pattern.elements { add(w) } } }
        for (w, _) in classWords { add(w) }
        for w in DateText.months.keys.sorted() { add(w) }
        for w in DateText.weekdays.keys.sorted() { add(w) }
        for w in numberWords.keys.sorted() { add(w) }
        for w in tollWords.keys.sorted() { add(w) }
        return (wordIDs, words)
    }

    /// Lays lists keyed by their first word out flat in the order of the words' ids: `take`
    /// gets every item in that order; the result is where each id's items start
    /// (`starts[id] ..< starts[id + 1]`).
    private static func layOut<Item>(_ lists: [String: [Item]], _ wordIDs: [String: Int32], wordCount: Int, _ take: (Item) -> Void) -> [Int32] {
        var counts = [Int32](repeating: 0, count: wordCount)
        for (id, list) in lists.map({ (id: Int(wordIDs[$0.key]!), list: $0.value) }).sorted(by: { $0.id < $1.id }) {
            counts[id] = Int32(list.count)
            list.forEach(take)
        }
        var starts = [Int32](repeating: 0, count: wordCount + 1)
        for id in counts.indices { starts[id + 1] = starts[id] + counts[id] }
        return starts
    }

    /// One flat table of actor phrases ordered by first word, and one of their words: a phrase
    /// costs a few bytes, not two allocations (the daemon keeps the lexicon for its life).
    /// A first word's phrases are ordered by their second word (`WordTable.actorCandidates`).
    private func actorTables(_ wordIDs: [String: Int32], wordCount: Int)
        -> (entries: [ActorEntry], words: [Int32], secondWords: [Int32], starts: [Int32]) {
        var entries: [ActorEntry] = []
        var words: [Int32] = []
        var secondWords: [Int32] = []
        func secondWord(_ tokens: [String]) -> Int32 { tokens.count > 1 ? wordIDs[tokens[1]]! : -1 }
        let lists = actors.mapValues { list in
            // One-word phrases first; phrases of the same second word in dictionary order.
            guard list.count > WordTable.fewActorPhrases else { return list }
            return list.enumerated().sorted { (secondWord($0.element.tokens), $0.offset) < (secondWord($1.element.tokens), $1.offset) }.map(\.element)
        }
        let starts = Self.layOut(lists, wordIDs, wordCount: wordCount) { p in
            entries.append(ActorEntry(idsStart: Int32(words.count), count: Int32(p.tokens.count),
                                      capitalizedMask: p.capitalizedMask, info: p.info))
            words.append(contentsOf: p.tokens.map { wordIDs[$0]! })
            secondWords.append(secondWord(p.tokens))
        }
        return (entries, words, secondWords, starts)
    }

    /// Actions and cues like the actor phrases: flat tables ordered by first word, their
    /// patterns' words in one array, so the matching loops count no references.
    private func patternTables(_ wordIDs: [String: Int32], wordCount: Int) -> PatternTables {
        var t = PatternTables()
        func span(_ p: Pattern, maxGap: Int) -> PatternSpan {
            let start = t.words.count
            t.words.append(contentsOf: p.elements.map { e in if case .word(let w) = e { wordIDs[w]! } else { Pattern.gapID } })
            return PatternSpan(idsStart: Int32(start), count: Int32(t.words.count - start), maxGap: Int32(maxGap))
        }
        t.actionStarts = Self.layOut(actions, wordIDs, wordCount: wordCount) { item in
            let a = item.entry
            t.actionEntries.append(a)
            // "persona non grata" lets the object run long.
            t.actionSpans.append(span(a.pattern, maxGap: a.pattern.elements.last == .word("grata") ? 24 : 6))
        }
        t.cueStarts = Self.layOut(cues, wordIDs, wordCount: wordCount) { item in
            t.cueSpans.append(span(item.entry.pattern, maxGap: 5))
            t.cueKinds.append(item.entry.kind)
        }
        return t
    }

    /// The action and cue tables of a `WordTable`.
    private struct PatternTables {
        var words: [Int32] = []
        var actionEntries: [ActionEntry] = []
        var actionSpans: [PatternSpan] = []
        var actionStarts: [Int32] = []
        var cueSpans: [PatternSpan] = []
        var cueKinds: [CueKind] = []
        var cueStarts: [Int32] = []
    }

    func pattern(_ phrase: String) -> Pattern {
        var elements: [Pattern.Element] = []
        for w in phrase.lowercased().split(separator: " ") {
            if w == "..." { elements.append(.gap); continue }
            for t in Tokenizer.tokenize(String(w)) { elements.append(.word(morphology.lemma(t.lower))) }
        }
        return Pattern(elements: elements)
    }
}

/// A title phrase ("foreign minister") and the sector code it gives. A class, as `ActorEntry`.
final class RoleEntry: Sendable {
    let tokens: [String]
    let ids: [Int32]
    let phrase: String
    let sector: String

    init(tokens: [String], ids: [Int32], phrase: String, sector: String) {
        self.tokens = tokens
        self.ids = ids
        self.phrase = phrase
        self.sector = sector
    }
}

/// Where an action or cue pattern's word ids lie in `WordTable.patternWords`, and its widest
/// gap: plain values, so the matching loops read them without counting references.
struct PatternSpan: Sendable {
    /// `patternWords[idsStart ..< idsStart + count]`, `Pattern.gapID` for a gap.
    let idsStart: Int32
    let count: Int32
    let maxGap: Int32
}

/// Positions in `WordTable.actorEntries`: two runs, read one after the other.
struct ActorCandidates: Sequence {
    let oneWord: Range<Int>
    let longer: Range<Int>

    func makeIterator() -> Iterator { Iterator(oneWord: oneWord.makeIterator(), longer: longer.makeIterator()) }

    struct Iterator: IteratorProtocol {
        var oneWord: Range<Int>.Iterator
        var longer: Range<Int>.Iterator
        mutating func next() -> Int? { oneWord.next() ?? longer.next() }
    }
}

/// What a token reads of its word when it is made (`WordTable.info`).
struct WordInfo: Sendable {
    /// Word-class flags (`WordClass`).
    let flags: UInt64
    /// The id of its lemma (-1: none).
    let lemmaID: Int32
    /// Which entry lists it heads (`WordTable.hasActions`, …) and whether it is personal.
    let kinds: UInt8
}

/// Interned words: every word the dictionaries and the extraction rules name has an id;
/// tokens carry the ids of their lower-case form and lemma (-1: a word nobody names). Per id:
/// its lemma's id, word-class flags, month (0: none), weekday (-1: none), number word, toll unit.
/// A class, so that copies of a lexicon stay cheap.
final class WordTable: Sendable {
    /// Ids of the words with non-ASCII letters, which compare by canonical equivalence (other
    /// words are found by their bytes, `lookup(bytes:)`).
    private let nonASCIIWordIDs: [String: Int32]
    let strings: [String]
    /// Each word with an ASCII first letter upper-cased (Russia, The), as a sentence or
    /// a name starts it: a token so written takes this String rather than making its own.
    let capitalizedStrings: [String]
    /// What a token reads of its word, by id: one cache line, not one per array.
    let info: [WordInfo]
    let month: [Int8]
    let weekday: [Int8]
    let numberWord: SparseByID<Double>
    let tollUnit: SparseByID<String>
    /// Actor phrases ordered by the id of their first word (`actorStarts[id] ..< actorStarts[id + 1]`),
    /// and their words' ids.
    let actorEntries: [ActorEntry]
    let actorWords: [Int32]
    /// The id of each phrase's second word (-1: a one-word phrase), ascending under each first
    /// word heading more than `fewActorPhrases`.
    private let actorSecondWords: [Int32]
    let actorStarts: [Int32]
    /// Roles by the id of their first word.
    let rolesByID: [[RoleEntry]]
    /// At the same positions, the id of each role's second word (-1 for a one-word role): a
    /// plain list, so a title that cannot match is passed over without its entry being read
    /// (a word as common as minister heads hundreds).
    let roleSecondWords: [[Int32]]
    /// The words' ids of every action and cue pattern (`PatternSpan`).
    let patternWords: [Int32]
    /// Action patterns ordered by the id of their first word (`actionStarts[id] ..< actionStarts[id + 1]`),
    /// and at the same positions their entries, read only for a pattern that matched.
    let actionSpans: [PatternSpan]
    let actionEntries: [ActionEntry]
    let actionStarts: [Int32]
    /// Cue patterns ordered likewise, and their kinds.
    let cueSpans: [PatternSpan]
    let cueKinds: [CueKind]
    let cueStarts: [Int32]
    /// Bits of `WordInfo.kinds`: which entry lists under a word are not empty.
    static let hasActions: UInt8 = 1 << 0
    static let hasCues: UInt8 = 1 << 1
    static let hasActorsOrRoles: UInt8 = 1 << 2
    /// A pronoun or first-person word (`WordClass.pronoun`, `firstPerson`): it may name the last person.
    static let isPersonal: UInt8 = 1 << 3

    init(wordIDs: [String: Int32] = [:], strings: [String] = [], lemmaID: [Int32] = [], flags: [UInt64] = [], month: [Int8] = [],
         weekday: [Int8] = [], numberWord: [Double?] = [], tollUnit: [String?] = [],
         actorEntries: [ActorEntry] = [], actorWords: [Int32] = [], actorSecondWords: [Int32] = [], actorStarts: [Int32] = [0],
         rolesByID: [[RoleEntry]] = [], patternWords: [Int32] = [],
         actionEntries: [ActionEntry] = [], actionSpans: [PatternSpan] = [], actionStarts: [Int32] = [0],
         cueSpans: [PatternSpan] = [], cueKinds: [CueKind] = [], cueStarts: [Int32] = [0]) {
        nonASCIIWordIDs = wordIDs.filter { $0.key.utf8.contains { $0 >= 0x80 } }
        self.strings = strings
        capitalizedStrings = strings.map(Self.capitalized)
        self.month = month
        self.weekday = weekday
        self.numberWord = SparseByID(numberWord)
        self.tollUnit = SparseByID(tollUnit)
        self.actorEntries = actorEntries
        self.actorWords = actorWords
        self.actorSecondWords = actorSecondWords
        self.actorStarts = actorStarts
        self.rolesByID = rolesByID
        roleSecondWords = rolesByID.map { list in list.map { $0.ids.count > 1 ? $0.ids[1] : -1 } }
        self.patternWords = patternWords
        self.actionEntries = actionEntries
        self.actionSpans = actionSpans
        self.actionStarts = actionStarts
        self.cueSpans = cueSpans
        self.cueKinds = cueKinds
        self.cueStarts = cueStarts
        info = strings.indices.map { id in
            var kinds: UInt8 = 0
            if id + 1 < actionStarts.count, actionStarts[id] < actionStarts[id + 1] { kinds |= Self.hasActions }
            if id + 1 < cueStarts.count, cueStarts[id] < cueStarts[id + 1] { kinds |= Self.hasCues }
            if id + 1 < actorStarts.count, actorStarts[id] < actorStarts[id + 1] { kinds |= Self.hasActorsOrRoles }
            if id < rolesByID.count, !rolesByID[id].isEmpty { kinds |= Self.hasActorsOrRoles }
            let wordFlags = id < flags.count ? flags[id] : 0
            if wordFlags & (WordClass.pronoun | WordClass.firstPerson) != 0 { kinds |= Self.isPersonal }
            return WordInfo(flags: wordFlags, lemmaID: id < lemmaID.count ? lemmaID[id] : -1, kinds: kinds)
        }
        (slots, bytes, starts) = Self.hashTable(strings)
    }

    /// `word` with its first byte upper-cased when that is an ASCII lower-case letter.
    private static func capitalized(_ word: String) -> String {
        guard let first = word.utf8.first, first &- 0x61 < 26 else { return word }
        var bytes = Array(word.utf8)
        bytes[0] = first - 0x20
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An open-addressing table over the words' UTF-8 bytes with a hash of 8 bytes a step:
    /// cheaper than the String dictionary's SipHash for the one look-up every token makes.
    /// At most 2/3 full: half the memory of a half-full table, so more of it stays in cache,
    /// and the few extra probes mostly read the same cache line.
    private static func hashTable(_ strings: [String]) -> (slots: [Slot], bytes: [UInt8], starts: [Int32]) {
        var capacity = 16
        while capacity * 2 < strings.count * 3 { capacity *= 2 }
        var slots = [Slot](repeating: Slot(prefix: 0, meta: 0), count: capacity)
        var bytes: [UInt8] = []
        var starts: [Int32] = []
        for (id, word) in strings.enumerated() {
            starts.append(Int32(bytes.count))
            bytes.append(contentsOf: word.utf8)
            let key = word.withUTF8View { WordKey($0) }
            var h = Int(truncatingIfNeeded: key.hash) & (capacity - 1)
            while slots[h].meta != 0 { h = (h + 1) & (capacity - 1) }
            slots[h] = Slot(prefix: key.prefix, meta: Self.meta(hash: key.hash, count: word.utf8.count) | UInt64(id + 1))
        }
        starts.append(Int32(bytes.count))
        return (slots, bytes, starts)
    }

    /// A word's slot: its first 8 bytes, and its id + 1 under a part of its hash and its
    /// length (`meta`, 0: empty). A word of up to 8 bytes is matched in its slot, so the
    /// look-up of most words reads one cache line.
    private struct Slot {
        var prefix: UInt64
        var meta: UInt64
    }
    private let slots: [Slot]
    private let bytes: [UInt8]
    private let starts: [Int32]

    /// A slot's meta without the id: 16 bits of the hash and the length (at most 65,535).
    @inline(__always)
    private static func meta(hash: UInt64, count: Int) -> UInt64 {
        hash & 0xFFFF_0000_0000_0000 | UInt64(min(count, 0xFFFF)) << 32
    }

    /// The id of a word (-1: none).
    func lookup(_ word: String) -> Int32 {
        if let id = word.withUTF8View({ p -> Int32? in
            let id = lookup(bytes: p)
            // Strings compare by canonical equivalence: other spellings of a non-ASCII word
            // are for the dictionary to find.
            if id < 0, p.contains(where: { $0 >= 0x80 }) { return nil }
            return id
        }) { return id }
        return nonASCIIWordIDs[word] ?? -1
    }

    /// The actor phrases whose first word has id `id`.
    @inline(__always) func actorEntries(startingWith id: Int) -> ArraySlice<ActorEntry> {
        actorEntries[actorEntryRange(startingWith: id)]
    }

    /// The positions in `actorEntries` of the phrases whose first word has id `id`.
    @inline(__always) func actorEntryRange(startingWith id: Int) -> Range<Int> {
        Int(actorStarts[id])..<Int(actorStarts[id + 1])
    }

    /// The positions in `actorEntries` of the phrases that may match words with ids `first`,
    /// `next` (-1: none, or unknown): the one-word phrases under `first` and those whose second
    /// word is `next`, in table order. Found by halving, not by reading each of the hundreds
    /// that President or John head; a word heading few phrases gives them all.
    func actorCandidates(first: Int, next: Int32) -> ActorCandidates {
        let range = actorEntryRange(startingWith: first)
        guard range.count > Self.fewActorPhrases else { return ActorCandidates(oneWord: range, longer: range.upperBound..<range.upperBound) }
        let oneWord = range.lowerBound..<firstPosition(secondWordAtLeast: 0, in: range)
        guard next >= 0 else { return ActorCandidates(oneWord: oneWord, longer: range.upperBound..<range.upperBound) }
        let longer = firstPosition(secondWordAtLeast: next, in: range)..<firstPosition(secondWordAtLeast: next + 1, in: range)
        return ActorCandidates(oneWord: oneWord, longer: longer)
    }

    /// As many phrases under a word as are read one by one rather than halved.
    static let fewActorPhrases = 8

    /// The first position in `range` whose phrase's second word id is at least `id`.
    private func firstPosition(secondWordAtLeast id: Int32, in range: Range<Int>) -> Int {
        actorSecondWords.withView { seconds in
            var (low, high) = (range.lowerBound, range.upperBound)
            while low < high {
                let middle = (low + high) / 2
                if seconds[middle] < id { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }

    /// The id of a word given as UTF-8 bytes (-1: none); byte equality, so for ASCII words.
    @inline(__always)
    func lookup(bytes p: BufferView<UInt8>) -> Int32 {
        var bucket: UInt8 = 0
        return lookup(bytes: p, bucket: &bucket)
    }

    /// The bucket (0..<128) of a word by the hash of its bytes: what a small set of words kept as
    /// a bitmask tests first (`ResolutionContext`'s aliases). The hash is the look-up's, so a
    /// token gets its bucket for free.
    static func bucket(of p: BufferView<UInt8>) -> UInt8 { bucket(hash: WordKey(p).hash) }

    @inline(__always)
    private static func bucket(hash: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: hash >> 40) & 127 }

    /// `lookup(bytes:)`, setting `bucket` to the word's `bucket(of:)`.
    @inline(__always)
    func lookup(bytes p: BufferView<UInt8>, bucket: inout UInt8) -> Int32 {
        lookup(bytes: p, key: WordKey(p), bucket: &bucket)
    }

    /// `lookup(bytes:bucket:)` with the key of `p` made already (`WordKey(zeroPadded:count:)`).
    @inline(__always)
    func lookup(bytes p: BufferView<UInt8>, key: WordKey, bucket: inout UInt8) -> Int32 {
        let mask = slots.count - 1
        bucket = Self.bucket(hash: key.hash)
        let wanted = Self.meta(hash: key.hash, count: p.count)
        var h = Int(truncatingIfNeeded: key.hash) & mask
        return slots.withView { slots in
            while true {
                let slot = slots[h]
                if slot.meta == 0 { return -1 }
                if slot.meta & 0xFFFF_FFFF_0000_0000 == wanted && slot.prefix == key.prefix {
                    let id = Int32(truncatingIfNeeded: slot.meta & 0xFFFF_FFFF) - 1
                    if p.count <= 8 || restMatches(p, id: id) { return id }
                }
                h = (h + 1) & mask
            }
        }
    }

    /// The bytes of `p` past the 8 of its slot's prefix equal those of word `id`, of the same length.
    private func restMatches(_ p: BufferView<UInt8>, id: Int32) -> Bool {
        let start = Int(starts[Int(id)]), end = Int(starts[Int(id) + 1])
        guard end - start == p.count else { return false }
        return bytes.withView { stored in
            var k = 8
            while k < p.count && stored[start + k] == p[k] { k += 1 }
            return k == p.count
        }
    }
}
