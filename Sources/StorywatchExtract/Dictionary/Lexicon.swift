import Foundation
import StorywatchModel

/// A known actor phrase.
struct ActorEntry: Sendable {
    var tokens: [String]
    /// Per token: the dictionary wrote it capitalised, so the text must too.
    var capitalized: [Bool]
    var code: String
    var role: String?
    var isPerson: Bool
}

/// A pattern of lemmas with optional gaps ("order ... to leave").
struct Pattern: Sendable {
    enum Element: Sendable, Equatable { case word(String), gap }
    var elements: [Element]
    var literalCount: Int { elements.filter { $0 != .gap }.count }
}

struct ActionEntry: Sendable {
    var pattern: Pattern
    var type: EventType
    var mode: String
    var nominal: Bool
}

enum CueKind: String, Sendable {
    case proposed, demanded, threatened, promised, considered, refused, denied, admitted, cancelled
    case negation, response, breach, report
}

struct CueEntry: Sendable {
    var pattern: Pattern
    var kind: CueKind
}

/// Every dictionary, loaded and indexed: actors, roles, actions, cues and word forms.
package struct Lexicon: Sendable {
    var actors: [String: [ActorEntry]] = [:]
    var roles: [String: [(tokens: [String], sector: String)]] = [:]
    var roleWords: [String: String] = [:]
    var actions: [String: [ActionEntry]] = [:]
    var cues: [String: [CueEntry]] = [:]
    var morphology = Morphology()
    /// Plain names of actor roots ("RUS" → "Russia"), for summaries.
    package private(set) var rootNames: [String: String] = [:]

    /// The dictionaries shipped with storywatch plus `.txt` files of `extraDirectory`
    /// (operator files load last and extend the shipped ones).
    package static func load(extraDirectory: String?) throws(DictionaryError) -> Lexicon {
        var files: [(name: String, text: String)] = []
        for name in ["verbs", "countries", "organisations", "people", "roles", "actions", "cues"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Dictionaries"),
                  let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw DictionaryError(file: "\(name).txt", line: 0, reason: "shipped dictionary missing from the bundle")
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
        var lex = Lexicon()
        var parsed: [(String, [DictionaryLine])] = []
        for (name, text) in files { parsed.append((name, try DictionaryFile.parse(text, file: name))) }
        // Word forms first, so patterns can be lemmatised.
        for (name, lines) in parsed where kind(of: name) == "verbs" {
            for l in lines { lex.morphology.addIrregular(lemma: l.key.lowercased(), forms: l.phrases.map { $0.lowercased() }) }
        }
        for (name, lines) in parsed where ["actions", "cues"].contains(kind(of: name)) {
            for l in lines { for p in l.phrases { for w in p.lowercased().split(separator: " ") where w != "..." {
                lex.morphology.addRegular(String(w.hasPrefix("~") ? w.dropFirst() : w))
            } } }
        }
        for (name, lines) in parsed {
            switch kind(of: name) {
            case "verbs": continue
            case "roles":
                for l in lines { for p in l.phrases {
                    let tokens = Tokenizer.tokenize(p).map(\.lower)
                    guard let first = tokens.first else { continue }
                    lex.roles[first, default: []].append((tokens, l.key))
                    lex.roleWords[p.lowercased()] = l.key
                } }
            case "actions":
                for l in lines {
                    let parts = l.key.split(separator: " ")
                    guard parts.count == 2, let type = EventType(rawValue: String(parts[0])) else {
                        throw DictionaryError(file: name, line: l.line, reason: "expected `TYPE mode:` with a PLOVER type, found \"\(l.key)\"")
                    }
                    for p in l.phrases {
                        let nominal = p.hasPrefix("~")
                        let pattern = lex.pattern(nominal ? String(p.dropFirst()) : p)
                        guard case .word(let first)? = pattern.elements.first else { continue }
                        lex.actions[first, default: []].append(ActionEntry(pattern: pattern, type: type, mode: String(parts[1]), nominal: nominal))
                    }
                }
            case "cues":
                for l in lines {
                    guard let kind = CueKind(rawValue: l.key) else {
                        throw DictionaryError(file: name, line: l.line, reason: "unknown cue \"\(l.key)\"")
                    }
                    for p in l.phrases {
                        let pattern = lex.pattern(p.hasPrefix("~") ? String(p.dropFirst()) : p)
                        guard case .word(let first)? = pattern.elements.first else { continue }
                        lex.cues[first, default: []].append(CueEntry(pattern: pattern, kind: kind))
                    }
                }
            default:
                for l in lines {
                    let code = l.key.uppercased()
                    guard code.count >= 3, code.count <= 12, code.allSatisfy({ $0.isLetter || $0.isNumber }) else {
                        throw DictionaryError(file: name, line: l.line, reason: "\"\(l.key)\" is not an actor code (3-letter root plus 3-letter suffixes)")
                    }
                    let isPerson = kind(of: name) == "people" || l.attributes["role"] != nil
                    if code.count == 3, !isPerson, lex.rootNames[code] == nil { lex.rootNames[code] = l.phrases[0] }
                    // "U.S." is also written "U.S" before a noun.
                    let variants = l.phrases + l.phrases.filter { $0.hasSuffix(".") && $0.count > 2 }.map { String($0.dropLast()) }
                    for p in variants {
                        let toks = Tokenizer.tokenize(p)
                        guard let first = toks.first else { continue }
                        lex.actors[first.lower, default: []].append(ActorEntry(
                            tokens: toks.map(\.lower), capitalized: toks.map(\.isCapitalized), code: code,
                            role: l.attributes["role"], isPerson: isPerson))
                    }
                }
            }
        }
        return lex
    }

    private static func kind(of name: String) -> String {
        let base = (name as NSString).lastPathComponent.lowercased()
        for k in ["countries", "organisations", "organizations", "people", "roles", "actions", "cues", "verbs"] where base.hasPrefix(k) {
            return k == "organizations" ? "organisations" : k
        }
        return "actors"
    }

    func pattern(_ phrase: String) -> Pattern {
        var elements: [Pattern.Element] = []
        for w in phrase.lowercased().split(separator: " ") {
            if w == "..." { elements.append(.gap); continue }
            for t in Tokenizer.tokenize(String(w)) { elements.append(.word(morphology.lemma(t.lower))) }
        }
        return Pattern(elements: elements)
    }

    /// Tokenizes with lemmas from this lexicon.
    func tokenize(_ sentence: String) -> [Token] {
        Tokenizer.tokenize(sentence, lemma: { morphology.lemma($0) })
    }
}
