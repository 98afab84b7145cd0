/// A verb of a CAMEO block: its words (a compound verb such as `+TAKE_FLIGHT` has several), which
/// of them inflects, its irregular forms (of that word) and its own code, when it has one.
public struct CameoVerb: Sendable, Equatable {
    public var words: [String]
    public var verbIndex: Int
    public var irregularForms: [String]
    public var code: String?

    public var lemma: String { words[verbIndex] }
    /// The name a pattern's comment gives it (`STEPPED_UP`, `RUSH`).
    public var name: String { words.joined(separator: "_").uppercased() }
}

/// A pattern line (`- * {ARMS SHIPMENT} (TO +)  [072]  # EXPEDITE`): the elements before and
/// after the verb's `*`, its code, and the verb its comment names.
public struct CameoPattern: Sendable, Equatable {
    public var before: [String]
    public var after: [String]
    public var code: String
    public var verbName: String?
}

/// A `---  NAME   [code]  ---` block: verbs that share patterns and a default code.
public struct CameoBlock: Sendable, Equatable {
    public var name: String
    public var code: String
    public var verbs: [CameoVerb] = []
    public var patterns: [CameoPattern] = []
}

/// The CAMEO verb dictionary: synonym sets and verb blocks (PETRARCH's format, read our way).
public struct CameoDictionary: Sendable {
    public private(set) var synsets: [String: [String]] = [:]
    public private(set) var blocks: [CameoBlock] = []

    public init(text: String) {
        var inPatterns = false
        var synset: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingSpaces
            if line.hasPrefix("####### VERB PATTERNS") { inPatterns = true; continue }
            if line.hasPrefix("######## TRANSFORMATIONS") { break }
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("~") || line.hasPrefix("<") { continue }
            if !inPatterns {
                if line.hasPrefix("&") { synset = line.split(separator: " ")[0].description }
                else if line.hasPrefix("+"), let name = synset {
                    synsets[name, default: []].append(Self.phrase(String(line.dropFirst()).uncommented))
                }
                continue
            }
            if line.hasPrefix("---") {
                let parts = line.split(separator: " ")
                blocks.append(CameoBlock(name: parts.count > 1 ? String(parts[1]) : "",
                                         code: parts.count > 2 ? Self.code(String(parts[2])) ?? "---" : "---"))
            } else if line.hasPrefix("-") {
                if let p = Self.pattern(line), !blocks.isEmpty { blocks[blocks.count - 1].patterns.append(p) }
            } else if let v = Self.verb(line), !blocks.isEmpty {
                blocks[blocks.count - 1].verbs.append(v)
            }
        }
    }

    /// `TAKE_FLIGHT_` → "take flight": `_` joins words, a trailing one only stops plurals.
    static func phrase(_ token: String) -> String {
        token.split(separator: "_").joined(separator: " ").lowercased().trimmingSpaces
    }

    /// `[072]` → "072", `[040:043]` → "040:043", `[---]` → "---".
    static func code(_ bracketed: String) -> String? {
        guard bracketed.hasPrefix("["), bracketed.hasSuffix("]") else { return nil }
        return String(bracketed.dropFirst().dropLast()).trimmingSpaces
    }

    /// `FLEE {FLEES FLEEING FLED } [070] # comment`, `+TAKE_FLIGHT {+TOOK_FLIGHT}`.
    static func verb(_ line: String) -> CameoVerb? {
        var body = line.uncommented
        var code: String?
        if let open = body.firstIndex(of: "["), let close = body[open...].firstIndex(of: "]") {
            code = String(body[body.index(after: open)..<close]).trimmingSpaces
            body.removeSubrange(open...close)
        }
        var forms: [String] = []
        if let open = body.firstIndex(of: "{") {
            let close = body[open...].firstIndex(of: "}") ?? body.endIndex
            forms = body[body.index(after: open)..<close].split(separator: " ").map(String.init)
            body.removeSubrange(open..<(close < body.endIndex ? body.index(after: close) : close))
        }
        guard let head = body.split(separator: " ").first else { return nil }
        let (words, index) = compound(String(head))
        guard !words.isEmpty else { return nil }
        let irregular = forms.compactMap { form -> String? in
            let (w, i) = compound(form)
            return i < w.count ? w[i] : nil
        }
        return CameoVerb(words: words, verbIndex: index, irregularForms: irregular,
                         code: code == "---" ? nil : code)
    }

    /// `+TAKE_FLIGHT` → (["take", "flight"], 0); `RE_+ASSERT` → (["re", "assert"], 1).
    static func compound(_ token: String) -> (words: [String], verbIndex: Int) {
        let words = token.split(separator: "_").map { String($0) }
        let index = words.firstIndex { $0.hasPrefix("+") } ?? 0
        return (words.map { ($0.hasPrefix("+") ? String($0.dropFirst()) : $0).lowercased() }.filter { !$0.isEmpty }, index)
    }

    /// `- $ * (TO BORDER) [154] # RUSH` → before ["$"], after ["(TO", "BORDER)"], code, verb.
    static func pattern(_ line: String) -> CameoPattern? {
        let parts = line.dropFirst().split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        var body = String(parts[0])
        guard let open = body.lastIndex(of: "["), let close = body[open...].firstIndex(of: "]") else { return nil }
        let code = String(body[body.index(after: open)..<close]).trimmingSpaces
        body = String(body[..<open]).replacingStar
        let elements = body.split(separator: " ").map(String.init)
        guard let star = elements.firstIndex(of: "*") else { return nil }
        let comment = parts.count > 1 ? parts[1].split(separator: " ").first.map(String.init) : nil
        return CameoPattern(before: Array(elements[..<star]), after: Array(elements[(star + 1)...]), code: code,
                            verbName: comment)
    }
}

extension String {
    /// The line without its `#` comment.
    var uncommented: String {
        (split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "").trimmingSpaces
    }

    /// `*SCEPTICAL` → `* SCEPTICAL`: the verb's mark as an element of its own.
    var replacingStar: String {
        var out = ""
        for c in self { if c == "*" { out += " * " } else { out.append(c) } }
        return out
    }
}
