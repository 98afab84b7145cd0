/// One entry line: `KEY: phrase | phrase ;; name=value; name=value`.
struct DictionaryLine: Sendable {
    var key: String
    var phrases: [String]
    var attributes: [String: String]
    var line: Int
}

/// Reads the line format every dictionary shares; `#` starts a comment.
enum DictionaryFile {
    /// By bytes: every mark of the format is ASCII, so one byte (read by Character, the shipped
    /// files took about half of a start-up).
    static func parse(_ text: String, file: String) throws(DictionaryError) -> [DictionaryLine] {
        let bytes = Array(text.utf8)
        var result: [DictionaryLine] = []
        var start = 0, number = 1
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if let line = try parse(bytes[start..<end], number: number, file: file) { result.append(line) }
            (start, number) = (end + 1, number + 1)
        }
        return result
    }

    /// One line: `KEY: phrase | phrase ;; name=value; name=value`; nil for a blank or comment line.
    private static func parse(_ raw: ArraySlice<UInt8>, number n: Int, file: String) throws(DictionaryError) -> DictionaryLine? {
        let line = trimmed(raw.firstIndex(of: UInt8(ascii: "#")).map { raw[..<$0] } ?? raw, " \t\r")
        if line.isEmpty { return nil }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw DictionaryError(file: file, line: n, reason: "expected `KEY: phrase | phrase`, found no ':'")
        }
        let key = string(trimmed(line[..<colon], " \t"))
        guard !key.isEmpty else { throw DictionaryError(file: file, line: n, reason: "empty key before ':'") }
        var body = line[(colon + 1)...]
        var attributes: [String: String] = [:]
        let semicolon = UInt8(ascii: ";")
        if let sep = body.indices.first(where: { body[$0] == semicolon && $0 + 1 < body.endIndex && body[$0 + 1] == semicolon }) {
            for pair in body[(sep + 2)...].split(separator: semicolon) {
                let kv = pair.split(separator: UInt8(ascii: "="), maxSplits: 1)
                guard kv.count == 2 else {
                    throw DictionaryError(file: file, line: n, reason: "attribute \"\(string(trimmed(pair, " ")))\" is not name=value")
                }
                attributes[string(trimmed(kv[0], " "))] = string(trimmed(kv[1], " "))
            }
            body = body[..<sep]
        }
        let phrases = body.split(separator: UInt8(ascii: "|")).map { string(trimmed($0, " \t")) }.filter { !$0.isEmpty }
        guard !phrases.isEmpty else { throw DictionaryError(file: file, line: n, reason: "no phrase after '\(key):'") }
        return DictionaryLine(key: key, phrases: phrases, attributes: attributes, line: n)
    }

    /// `bytes` without the ASCII characters of `set` at either end.
    private static func trimmed(_ bytes: ArraySlice<UInt8>, _ set: String) -> ArraySlice<UInt8> {
        var s = bytes
        while let f = s.first, set.utf8.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.utf8.contains(l) { s = s.dropLast() }
        return s
    }

    /// Cut at ASCII marks, the bytes are whole UTF-8 characters.
    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
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
