@testable import StorywatchExtract
import Testing

struct TokenizerTests {
    static let forms: [(form: String, lemma: String)] = [
        ("expel", "expel"), ("expels", "expel"), ("expelled", "expel"), ("expelling", "expel"),
        ("withdrew", "withdraw"), ("withdrawn", "withdraw"), ("withdrawing", "withdraw"),
        ("sanctions", "sanction"), ("imposed", "impose"), ("threatened", "threaten"),
    ]

    @Test(arguments: forms)
    func tokenize_whenInflectedForm_givesLemma(_ form: String, _ lemma: String) throws {
        // Given the shipped dictionaries' word forms
        let lexicon = try Shipped.lexicon.get()

        // When a sentence with the form is tokenized
        let tokens = lexicon.tokenize("Norway \(form) them.")

        // Then the form's lemma is its dictionary word
        #expect(tokens.map(\.text) == ["Norway", form, "them", "."])
        #expect(lexicon.lemma(of: tokens[1]) == lemma)
    }

    @Test func tokenize_whenAbbreviationsCliticsAndNumbers_keepsThemWhole() {
        // Given a sentence with an abbreviation, clitics, a hyphenated word and a number with a comma
        let sentence = "U.S. officials won't comment on Russia's tit-for-tat move, worth 7,951 dollars."

        // When it is tokenized
        let tokens = Tokenizer.tokenize(sentence)

        // Then those stay single tokens and clitics come apart
        #expect(tokens.map(\.text) == ["U.S.", "officials", "wo", "n't", "comment", "on", "Russia", "'s",
                                       "tit-for-tat", "move", ",", "worth", "7,951", "dollars", "."])
        #expect(tokens.first { $0.text == "7,951" }?.kind == .number)
        #expect(tokens.first?.isCapitalized == true)
    }

    @Test func tokenize_whenWont_lemmatisesToWill() throws {
        // Given the shipped dictionaries' word forms
        let lexicon = try Shipped.lexicon.get()

        // When "won't" is tokenized
        let tokens = lexicon.tokenize("Norway won't expel them.")

        // Then its first half is the modal "will"
        #expect(tokens.map(lexicon.lemma(of:)) == ["norway", "will", "n't", "expel", "them", "."])
    }

    @Test func tokenize_whenQuotedPassage_marksTokensInQuote() {
        // Given a sentence with a quoted passage
        let tokens = Tokenizer.tokenize("Haugen said: \"We will not expel anybody.\" Minsk")

        // When the tokens are inspected
        let quoted = tokens.filter(\.inQuote).map(\.text)

        // Then only the quoted words are marked
        #expect(quoted.contains("We"))
        #expect(quoted.contains("anybody"))
        #expect(!quoted.contains("Haugen"))
        #expect(!quoted.contains("Minsk"))
    }
}
