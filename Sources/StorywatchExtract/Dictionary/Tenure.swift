import StorywatchModel

/// When a dictionary line's actor holds its office: `years=1977-1981,1990-` (calendar years, an
/// open end still in office) or `from=YYYY-MM-DD; until=YYYY-MM-DD` (either may be missing).
/// One name under several offices (a prime minister later a secretary-general) is read as the
/// office it held on the sentence's date.
struct Tenure: Sendable, Equatable {
    /// Days as YYYYMMDD numbers, inclusive.
    var spans: [ClosedRange<Int>]

    init?(attributes: [String: String]) {
        var spans: [ClosedRange<Int>] = []
        if let years = attributes[DictionaryAttribute.years.rawValue] {
            for part in years.split(separator: ",") {
                let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmed(" ")) }
                guard let first = ends.first, let from = first else { continue }
                let until = ends.count > 1 ? (ends[1] ?? 9999) : from
                spans.append(from * 10000 + 101...until * 10000 + 1231)
            }
        }
        let from = attributes[DictionaryAttribute.from.rawValue].flatMap(Self.number), until = attributes[DictionaryAttribute.until.rawValue].flatMap(Self.number)
        if from != nil || until != nil { spans.append((from ?? 0)...(until ?? 99_991_231)) }
        guard !spans.isEmpty else { return nil }
        self.spans = spans
    }

    func holds(on day: Day) -> Bool {
        let n = day.year * 10000 + day.month * 100 + day.day
        return spans.contains { $0.contains(n) }
    }

    /// "1998-03-01" → 19980301.
    private static func number(_ date: String) -> Int? {
        let parts = date.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? parts[0] * 10000 + parts[1] * 100 + parts[2] : nil
    }
}
