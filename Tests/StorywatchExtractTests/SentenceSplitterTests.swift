@testable import StorywatchExtract
import Testing

struct SentenceSplitterTests {
    static let cases: [(text: String, sentences: [String])] = [
        // Abbreviations
        ("The sanctions were coordinated with the U.S. Treasury on Monday. Norway said more would follow.",
         ["The sanctions were coordinated with the U.S. Treasury on Monday.", "Norway said more would follow."]),
        ("Mr. Haugen flew to Minsk on Sunday. He returned the next day.",
         ["Mr. Haugen flew to Minsk on Sunday.", "He returned the next day."]),
        ("Gen. Ola Berg commanded the northern brigade. It withdrew at dawn.",
         ["Gen. Ola Berg commanded the northern brigade.", "It withdrew at dawn."]),
        ("The delegation stopped in St. Petersburg before the talks. Nothing was agreed.",
         ["The delegation stopped in St. Petersburg before the talks.", "Nothing was agreed."]),
        ("The embassy closed on Jan. 5 after the expulsions. It reopened in March.",
         ["The embassy closed on Jan. 5 after the expulsions.", "It reopened in March."]),
        // Initials
        ("The report was signed by Kari B. Lunde of the foreign ministry. She declined to comment.",
         ["The report was signed by Kari B. Lunde of the foreign ministry.", "She declined to comment."]),
        // Decimals
        ("Norwegian exports to Belarus fell 2.5 percent last year. Imports rose by 0.8 percent.",
         ["Norwegian exports to Belarus fell 2.5 percent last year.", "Imports rose by 0.8 percent."]),
        // Quotes
        ("\"We will not expel anybody.\" The minister then left the room.",
         ["\"We will not expel anybody.\"", "The minister then left the room."]),
        ("Haugen said: \"Enough is enough.\" Minsk did not reply.",
         ["Haugen said: \"Enough is enough.\"", "Minsk did not reply."]),
        // Other end marks and line breaks
        ("Will Oslo retaliate? Nobody in the ministry would say! The talks resume on Monday.",
         ["Will Oslo retaliate?", "Nobody in the ministry would say!", "The talks resume on Monday."]),
        ("Norway recalls its ambassador\nMinsk protests the decision.",
         ["Norway recalls its ambassador", "Minsk protests the decision."]),
    ]

    @Test(arguments: cases)
    func split_whenText_returnsSentences(_ text: String, _ sentences: [String]) {
        // Given a paragraph of news text
        // When it is split
        let result = SentenceSplitter.split(text)

        // Then sentences end at real sentence ends only
        #expect(result == sentences)
    }

    @Test func split_whenLowercaseFollowsStop_keepsOneSentence() {
        // Given a stop followed by a lowercase word (an abbreviation the list does not know)
        let text = "The approx. figure of 300 troops was disputed by Minsk."

        // When it is split
        let result = SentenceSplitter.split(text)

        // Then no sentence starts in lowercase
        #expect(result == [text])
    }

    @Test func split_whenBlankOrSpaces_returnsNothing() {
        // Given only blanks and line breaks
        // When it is split
        let result = SentenceSplitter.split("  \n \n   ")

        // Then there is no sentence
        #expect(result.isEmpty)
    }

    // MARK: bounded work

    @Test func split_whenTextHasNoSentenceBreak_cutsItIntoBoundedPieces() {
        // A 300 KB paragraph with commas and no full stop: every piece stays short, each cut
        // after a clause mark, and no byte is lost.
        let clause = "troops moved along the river and the ministry issued another statement, "
        let text = String(repeating: clause, count: 4_000)
        let pieces = SentenceSplitter.split(text)
        #expect(pieces.allSatisfy { $0.utf8.count <= SentenceSplitter.maxSentenceBytes })
        #expect(pieces.allSatisfy { $0.hasSuffix(",") })
        #expect(pieces.count <= text.utf8.count / (SentenceSplitter.maxSentenceBytes / 2) + 1)
        #expect(pieces.joined(separator: " ").filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test func split_whenRunHasNoSpaceOrMark_cutsOnScalarBoundaries() {
        let text = String(repeating: "é", count: 3_000) // 6,000 bytes, no space
        let pieces = SentenceSplitter.split(text)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.utf8.count <= SentenceSplitter.maxSentenceBytes })
        #expect(pieces.joined() == text)
    }

    @Test func extract_whenInputGrows_workPerByteStaysFlat() throws {
        // Work counted as sentences read and tokens in them: ten times the text, ten times the work.
        let clause = "the envoy met rebels near the border and Chile warned Peru, "
        func work(_ n: Int) -> Int {
            SentenceSplitter.split(String(repeating: clause, count: n)).reduce(0) { total, piece in
                let words = piece.split(separator: " ").count
                return total + words * words // the rules' pairwise cost within a piece
            }
        }
        let small = work(2_000), large = work(20_000)
        #expect(Double(large) / Double(small) < 10.5)
    }
}

