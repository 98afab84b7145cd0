@testable import StorywatchExtract
import StorywatchModel
import StorywatchTesting
import Testing

/// Any text is read without a trap: rules index tokens by the positions of triggers, cues and
/// mentions, which may overlap or come in any order in text no grammar would write. Sentences
/// written for the test are scrambled by a seeded generator (words dropped, repeated, swapped,
/// phrases of one spliced into another) and read whole; a trap would end the test process.
struct ScrambledTextTests {
    /// Sentences of many shapes: overlapping phrases ("fired back at"), passives, asides,
    /// coordinated subjects, reported speech, a quote, a toll, a date.
    static let sentences = [
        "The minister fired back at critics who accused the cabinet of stoking the blockade.",
        "Ghana fired back at Togo, saying it would not hesitate to retaliate.",
        "Two Togolese soldiers were killed in a Ghanaian air strike near Lome on Monday.",
        "Ghana and Togo signed a border treaty in Lagos after talks between their ministers.",
        "Togo, which had threatened to expel the envoys, said on Friday it would not do so.",
        "\"We will respond in kind,\" the Togolese foreign minister warned, calling the move unprovoked.",
        "Striking dockers, backed by the main opposition party, called off their walkout.",
        "Ghanaian troops opened fire on Togolese positions, breaking a two-week truce, the army said.",
        "The levy that sparked protests in Accra was dropped by the government amid pressure from unions.",
        "Ghana's proposal to lift sanctions was unacceptable, a Togolese official said.",
        "Togo denied that its jets had bombed Ghanaian villages, killing 12 civilians.",
        "Talks on Monday between Chile and Peru ended without a deal, and both sides recalled their envoys.",
    ]

    @Test func extract_whenTextIsScrambled_readsItWithoutTrapping() throws {
        let extractor = try Shipped.extractor()
        let words = Self.sentences.map { $0.split(separator: " ").map(String.init) }
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<1500 {
            var s = words[random.below(words.count)]
            for _ in 0..<(1 + random.below(6)) { Self.mutate(&s, from: words, &random) }
            let text = s.joined(separator: " ")
            // Each event quotes words of the text it was read from.
            for event in extractor.extract(text: text, document: "scrambled.txt") where !text.contains(event.quote) {
                Issue.record("\"\(event.quote)\" is not in \"\(text)\"")
            }
        }
    }

    /// One edit: a word dropped, a word of any sentence inserted, two words swapped, or up to
    /// six words of another sentence spliced in.
    private static func mutate(_ s: inout [String], from words: [[String]], _ random: inout SplitMix64) {
        let at = random.below(s.count + 1)
        switch random.below(4) {
        case 0 where !s.isEmpty: s.remove(at: min(at, s.count - 1))
        case 1:
            let other = words[random.below(words.count)]
            s.insert(other[random.below(other.count)], at: at)
        case 2 where s.count > 1: s.swapAt(random.below(s.count), random.below(s.count))
        default:
            let other = words[random.below(words.count)]
            let start = random.below(other.count)
            s.insert(contentsOf: other[start..<min(other.count, start + 1 + random.below(6))], at: at)
        }
    }
}

extension SplitMix64 {
    /// A number in `0..<n`.
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
