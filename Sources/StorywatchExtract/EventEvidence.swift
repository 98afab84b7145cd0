/// Why an event was read the way it was: shown by `storywatch explain`.
///
/// Only `explain` reads the text, so what builds it is kept (the sentence's tokens — shared,
/// not copied — and what was found in them) and the text is built when asked for. An
/// extractor made for the pipeline keeps none of it (`Extractor(explains: false)`): its
/// evidence tells only what storylines read (`habitual`), and its texts are empty.
package struct EventEvidence: Sendable {
    /// What an event was read from.
    enum Reading: Sendable {
        /// A trigger, with the status cues before it that it was read with and the mentions of
        /// its parties.
        case action(Trigger, statusCues: [Cue], isResponse: Bool, isBreach: Bool, source: Mention, target: Mention?)
        /// A figure and the unit after it ("12 … dead"), with the roots of the sentence's actors.
        case toll(figureAt: Int, unitAt: Int, roots: [String])
        /// A stance cue on a policy object of the side's own (`PolicyStance`).
        case policy(Cue, object: String)
        /// A harm to relations warned of on a condition (`ConditionalWarning`).
        case conditionalWarning(Cue, speaker: Mention, target: Mention)
        /// A plan judged unacceptable by a speaker (`JudgedUnacceptable`).
        case judged(Cue, speaker: Mention, owner: Mention)
    }

    /// The sentence's tokens and the reading, in a class: evidence travels with every candidate
    /// event, and a copy of it is then one retain rather than one for each of their parts.
    private final class Origin: Sendable {
        let tokens: [Token]
        let reading: Reading

        init(tokens: [Token], reading: Reading) {
            self.tokens = tokens
            self.reading = reading
        }
    }

    private let origin: Origin?
    /// The cue verb folded into this action ("demanded" in "demanded the withdrawal of").
    var governor: Trigger?
    /// The sentence tells a habit ("has usually responded in kind"): the event is kept for
    /// `extract` but is no turn of a storyline.
    package var habitual = false
    /// A party set after the reading ("unattributed force: coded to where it happens").
    var placeNote: String?

    init(tokens: [Token], reading: Reading, habitual: Bool = false) {
        origin = Origin(tokens: tokens, reading: reading)
        self.habitual = habitual
    }

    /// Evidence without its reading, for an extractor that explains nothing.
    init(habitual: Bool) {
        origin = nil
        self.habitual = habitual
    }

    /// "lift curfew", "withdrawal (noun)", "12 … dead (toll)".
    package var trigger: String {
        guard let origin else { return "" }
        let tokens = origin.tokens
        return switch origin.reading {
        case let .action(trigger, _, _, _, _, _): Self.text(of: trigger, tokens)
        case let .toll(figure, unit, _): "\(tokens[figure].text) … \(tokens[unit].text) (toll)"
        case let .policy(cue, object): tokens[cue.start..<cue.end].map(\.text).joined(separator: " ") + " (policy: \(object))"
        case let .conditionalWarning(harm, _, _): tokens[harm.start..<harm.end].map(\.text).joined(separator: " ") + " (conditional warning)"
        case let .judged(cue, _, _): tokens[cue.start..<cue.end].map(\.text).joined(separator: " ") + " (judged)"
        }
    }

    package var cues: [String] {
        guard let origin, case let .action(_, statusCues, isResponse, isBreach, _, _) = origin.reading else { return [] }
        let tokens = origin.tokens
        return statusCues.map { c in "\(c.kind.rawValue): " + tokens[c.start..<c.end].map(\.text).joined(separator: " ") }
            + (isResponse ? ["response cue"] : []) + (isBreach ? ["breach cue"] : [])
            + (governor.map { ["governed by '\(Self.text(of: $0, tokens))'"] } ?? [])
    }

    package var actors: [String] {
        guard let origin else { return [] }
        let tokens = origin.tokens
        return switch origin.reading {
        case let .action(_, _, _, _, source, target):
            [source.evidence(tokens)] + (target.map { [$0.evidence(tokens)] } ?? []) + (placeNote.map { [$0] } ?? [])
        case let .toll(_, _, roots): roots
        case .policy: []
        case let .conditionalWarning(_, speaker, target): [speaker.evidence(tokens), target.evidence(tokens)]
        case let .judged(_, speaker, owner): [speaker.evidence(tokens), owner.evidence(tokens)]
        }
    }

    private static func text(of trigger: Trigger, _ tokens: [Token]) -> String {
        trigger.tokens.sorted().map { tokens[$0].text }.joined(separator: " ") + (trigger.entry.nominal ? " (noun)" : "")
    }
}
