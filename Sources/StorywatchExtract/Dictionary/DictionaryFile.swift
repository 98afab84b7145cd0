/// One entry line: `KEY: phrase | phrase ;; name=value; name=value`.
struct DictionaryLine: Sendable {
    var key: String
    var phrases: [String]
    var attributes: [String: String]
    var line: Int
}

/// Reads the line format every dictionary shares; `#` starts a comment.
enum DictionaryFile {
    static func parse(_ text: String, file: String) throws(DictionaryError) -> [DictionaryLine] {
        var result: [DictionaryLine] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmed(" \t\r")
            if trimmed.isEmpty { continue }
            guard let colon = trimmed.firstIndex(of: ":") else {
                throw DictionaryError(file: file, line: n + 1, reason: "expected `KEY: phrase | phrase`, found no ':'")
            }
            let key = String(trimmed[..<colon]).trimmed(" \t")
            guard !key.isEmpty else { throw DictionaryError(file: file, line: n + 1, reason: "empty key before ':'") }
            var body = String(trimmed[trimmed.index(after: colon)...])
            var attributes: [String: String] = [:]
            if let sep = body.range(of: ";;") {
                for pair in body[sep.upperBound...].split(separator: ";") {
                    let kv = pair.split(separator: "=", maxSplits: 1)
                    guard kv.count == 2 else {
                        throw DictionaryError(file: file, line: n + 1, reason: "attribute \"\(pair.trimmed(" "))\" is not name=value")
                    }
                    attributes[String(kv[0]).trimmed(" ")] = String(kv[1]).trimmed(" ")
                }
                body = String(body[..<sep.lowerBound])
            }
            let phrases = body.split(separator: "|").map { String($0).trimmed(" \t") }.filter { !$0.isEmpty }
            guard !phrases.isEmpty else { throw DictionaryError(file: file, line: n + 1, reason: "no phrase after '\(key):'") }
            result.append(DictionaryLine(key: key, phrases: phrases, attributes: attributes, line: n + 1))
        }
        return result
    }
}

extension StringProtocol {
    func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i...].hasPrefix(needle) { return i..<(index(i, offsetBy: needle.count)) }
            i = index(after: i)
        }
        return nil
    }
}

/// The `key=value` attributes a dictionary line may carry.
enum DictionaryAttribute: String {
    case role, years, from, until
}

extension DictionaryLine {
    subscript(_ attribute: DictionaryAttribute) -> String? { attributes[attribute.rawValue] }
}

/// What a dictionary file holds, told by the start of its base name ("countries-places.txt"
/// holds countries); a name that tells nothing holds actors.
enum DictionaryKind: String, CaseIterable {
    case countries, organisations, people, roles, actions, cues, verbs, grammar, actors

    init(of name: String) {
        let base = name.split(separator: "/").last.map { $0.lowercased() } ?? ""
        self = Self.allCases.first { base.hasPrefix($0.rawValue) } ?? .actors
    }
}
