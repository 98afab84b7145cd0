import StorywatchModel

/// Why a span was read as an actor. Kept as a case, not as text: only `storywatch explain`
/// shows it, so the text is built from the mention and its sentence when asked for.
enum MentionReason: Sendable {
    /// A span read only to be skipped (a country's sports board), or a titled name not yet placed.
    case none
    /// "it", "its": the sentence's first named party.
    case thirdPerson
    case pronoun
    /// "we", "I" in quoted speech: the last speaker.
    case speaker
    case nameIntroducedEarlier
    /// "Vietnamese-led forces".
    case ledBy
    case dictionary
    case titleAndPerson
    case titleOfCountry
    /// "the minister": the last actor with that title.
    case lastWithTitle(phrase: String)
    /// A titled person or a group placed by the country named nearest.
    case placedByNearest
    /// A party carried over from the clause before ("…, expelling envoys").
    case continuesClause
    case unnamedProtesters
    case noSourceNamed
    /// "both sides": the first of the document's current pair, with the other (`BothSides`).
    case documentPair(other: Actor)
}

extension Mention {
    /// The reason as `explain` prints it; `tokens` are the sentence's.
    func evidence(_ tokens: [Token]) -> String {
        switch reason {
        case .none: ""
        case .thirdPerson: "'\(tokens[start].text)' → \(actor.name)"
        case .pronoun: "pronoun '\(tokens[start].text)' → \(actor.name)"
        case .speaker: "speaker '\(tokens[start].text)' → \(actor.name)"
        case .nameIntroducedEarlier: "name introduced earlier: \(actor.name)"
        case .ledBy: "led by: \(tokens[start].text) → \(actor.code)"
        case .dictionary: "dictionary: \(actor.name) → \(actor.code)"
        case .titleAndPerson: "title + person: \(actor.name) → \(actor.code)"
        case .titleOfCountry: "title of country → \(actor.code)"
        case .lastWithTitle(let phrase): "'the \(phrase)' → \(actor.name)"
        case .placedByNearest: "\(isPerson ? "title + name" : "group"), placed by the country named nearest: \(actor.name) → \(actor.code)"
        case .continuesClause: "continues the clause before"
        case .unnamedProtesters: "unnamed protesters → \(actor.code)"
        case .noSourceNamed: "no source named"
        case .documentPair(let other): "'\(tokens[start..<end].map(\.text).joined(separator: " "))' → the document's pair: \(actor.name) and \(other.name)"
        }
    }
}
