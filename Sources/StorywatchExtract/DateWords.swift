import Foundation

/// The words of "two weeks ago" (`Dictionaries/dates.txt`), read once: the date rules read
/// sentences' words with or without a lexicon.
enum DateWords {
    private enum Table: String { case count, unit }

    private static let tables: (counts: [String: Int], units: [(prefix: String, days: Int)]) = {
        guard let lines = ShippedDictionaries.lines(of: .dates) else {
            preconditionFailure("the shipped dictionary dates.txt is missing or malformed")
        }
        var counts: [String: Int] = [:], units: [(String, Int)] = []
        for l in lines {
            let parts = l.key.split(separator: " ")
            guard parts.count == 2, let table = Table(rawValue: String(parts[0])), let value = Int(parts[1]) else {
                preconditionFailure("dates.txt:\(l.line): expected `count N:` or `unit DAYS:`")
            }
            for w in l.phrases {
                switch table {
                case .count: counts[w.lowercased()] = value
                case .unit: units.append((w.lowercased(), value))
                }
            }
        }
        return (counts, units)
    }()

    /// The number a word before a unit stands for (few: 3), if a count word.
    static func count(_ word: String) -> Int? { tables.counts[word] }

    /// The days of a unit (weeks: 7), by the start of its word.
    static func days(_ unit: String) -> Int? { tables.units.first { unit.hasPrefix($0.prefix) }?.days }
}
