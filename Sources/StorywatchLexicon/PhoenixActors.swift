/// One code of a Phoenix actor, with the dates it holds (`[GRCGOV 811021-890702]`, `[USA >091001]`).
public struct PhoenixCode: Sendable, Equatable {
    public var code: String
    public var from: String?
    public var until: String?
}

/// A Phoenix actor entry: its name, the `+` aliases after it, and its codes.
public struct PhoenixActor: Sendable, Equatable {
    public var names: [String]
    public var codes: [PhoenixCode]

    /// Dated codes mark a person in an office (or a state under a former code).
    public var isDated: Bool { codes.contains { $0.from != nil || $0.until != nil } }
}

/// Reads Phoenix `.actors.txt` files (Latin-1 text read as UTF-8 is the caller's business).
public enum PhoenixActorReader {
    public static func read(_ text: String) -> [PhoenixActor] {
        var actors: [PhoenixActor] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).uncommented
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                if !actors.isEmpty { actors[actors.count - 1].codes += codes(in: line) }
            } else if line.hasPrefix("+") {
                if !actors.isEmpty, let name = name(String(line.dropFirst())) { actors[actors.count - 1].names.append(name) }
            } else {
                let head = line.prefix { $0 != "[" }.trimmingSpaces
                actors.append(PhoenixActor(names: name(head).map { [$0] } ?? [], codes: codes(in: line)))
            }
        }
        return actors.filter { !$0.names.isEmpty && !$0.codes.isEmpty }
    }

    /// Every `[CODE dates]` of a line, codes mapped to storywatch's roots.
    static func codes(in line: String) -> [PhoenixCode] {
        var result: [PhoenixCode] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "["), let close = rest[open...].firstIndex(of: "]") {
            let parts = rest[rest.index(after: open)..<close].split(separator: " ").map(String.init)
            rest = rest[rest.index(after: close)...]
            guard let raw = parts.first, let code = storywatchCode(raw) else { continue }
            var c = PhoenixCode(code: code)
            if let dates = parts.dropFirst().first {
                if dates.hasPrefix(">") { c.from = date(String(dates.dropFirst())) }
                else if dates.hasPrefix("<") { c.until = date(String(dates.dropFirst())) }
                else {
                    let ends = dates.split(separator: "-").map(String.init)
                    c.from = ends.first.flatMap(date)
                    c.until = ends.count > 1 ? date(ends[1]) : nil
                }
            }
            result.append(c)
        }
        return result
    }

    /// CAMEO's codes where storywatch's roots differ (design §2: UNO, EUR, the USSR folded into RUS).
    static func storywatchCode(_ raw: String) -> String? {
        guard raw.count >= 3, raw.count <= 12, raw.count % 3 == 0, raw.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        for (cameo, ours) in [("IGOUNO", "UNO"), ("IGOEUREEC", "EUR"), ("IGOEUR", "EUR"), ("USR", "RUS")] where raw.hasPrefix(cameo) {
            let rest = raw.dropFirst(cameo.count)
            return ours + rest
        }
        return raw
    }

    /// `811021` or `19811021` → "1981-10-21" (two-digit years up to 30 are this century's).
    static func date(_ s: String) -> String? {
        guard s.allSatisfy(\.isNumber), s.count == 6 || s.count == 8 else { return nil }
        var year = String(s.prefix(s.count - 4))
        if year.count == 2 { year = (Int(year)! <= 30 ? "20" : "19") + year }
        let md = s.suffix(4)
        return "\(year)-\(md.prefix(2))-\(md.suffix(2))"
    }

    /// `ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_` → "Aden Abyan Islamic Army": words title-cased (a
    /// capitalised dictionary word must be capitalised in the text), particles lower-case,
    /// bracketed abbreviations dropped; nil for what the format cannot say.
    static func name(_ token: String) -> String? {
        let words = token.split(separator: "_").filter { !$0.hasPrefix("(") && !$0.hasSuffix(")") }
        guard !words.isEmpty, words.count <= 8 else { return nil }
        var out: [String] = []
        for w in words {
            guard w.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-'.".contains($0)) }) else { return nil }
            let lower = w.lowercased()
            out.append(particles.contains(lower) && !out.isEmpty ? lower : lower.titleCased)
        }
        return out.joined(separator: " ")
    }

    static let particles: Set = ["of", "the", "and", "for", "in", "on", "al", "el", "de", "la", "du", "bin", "ibn",
                                 "van", "von", "der", "da", "di", "des", "del", "to", "at", "a"]
}

extension String {
    /// "al-qaeda" → "Al-Qaeda".
    var titleCased: String {
        var out = ""
        var start = true
        for c in self {
            out += start ? c.uppercased() : String(c)
            start = c == "-" || c == "."
        }
        return out
    }
}
