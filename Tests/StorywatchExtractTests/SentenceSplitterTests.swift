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
}
