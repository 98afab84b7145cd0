import StorywatchModel

/// An action in plain English, both ways a summary needs it: as a finite verb phrase ("expels
/// Norway's diplomats") and as a noun phrase ("the expulsion of Norway's diplomats"). The noun has
/// no article of its own so it can follow a possessive ("Minsk's threats against Norway").
struct ActionPhrase: Equatable {
    /// Third person present, the action done: "attacks Norway".
    var verb: String
    /// "attacks on Norway"; `article` goes before it when no possessive does.
    var noun: String
    /// "a", "an", "the" or "" (plurals and mass nouns).
    var article: String

    /// "a withdrawal from Norway", "attacks on Norway".
    var withArticle: String { article.isEmpty ? noun : "\(article) \(noun)" }

    /// The phrase for a PLOVER type and mode towards `to` (a display name), nil target allowed.
    static func of(type: EventType, mode: String, to: String?) -> ActionPhrase {
        let toward = to.map { "\(possessive($0)) " } ?? ""
        /// Verb and noun heads sharing one preposition before the target: "attacks on Norway".
        func with(_ verb: String, _ noun: String, _ preposition: String, _ article: String = "") -> ActionPhrase {
            let tail = to.map { " \(preposition) \($0)" } ?? ""
            return ActionPhrase(verb: verb + tail, noun: noun + tail, article: article)
        }
        switch (type, mode) {
        case (.sanction, "expel"):
            return ActionPhrase(verb: "expels \(toward)diplomats", noun: "expulsion of \(toward)diplomats", article: "the")
        case (.sanction, "withdraw"): return with("recalls its envoy", "recall of an envoy", "from", "the")
        // (PLOVER's discontinue: tariffs, embargoes, frozen trade or aid, ties cut: measures that stop an exchange.)
        case (.sanction, "discontinue"): return with("imposes economic measures", "economic measures", "on")
        case (.sanction, _): return with("imposes sanctions", "sanctions", "on")
        case (.coerce, "cyber"): return with("carries out cyberattacks", "cyberattacks", "on")
        case (.coerce, "misinformation"): return with("interferes in elections", "election interference", "in")
        case (.coerce, _): return with("takes coercive measures", "coercive measures", "against")
        case (.assault, _):
            return ActionPhrase(verb: to.map { "attacks \($0)" } ?? "carries out attacks", noun: with("", "attacks", "on").noun,
                                article: "")
        case (.mobilize, _): return with("builds up forces", "military build-up", "against", "a")
        case (.retreat, "ceasefire"): return with("agrees to a ceasefire", "ceasefire", "with", "a")
        case (.retreat, _): return with("withdraws", "withdrawal", "from", "a")
        case (.consult, _): return with("holds talks", "talks", "with")
        case (.agree, _): return with("reaches an agreement", "agreement", "with", "an")
        case (.aid, _): return with("sends aid", "aid", "to")
        case (.concede, _): return with("makes concessions", "concessions", "to")
        case (.support, _):
            return ActionPhrase(verb: to.map { "backs \($0)" } ?? "gives its support", noun: with("", "support", "for").noun,
                                article: "")
        case (.cooperate, _): return with("cooperates", "cooperation", "with")
        case (.request, _): return with("appeals", "appeal", "to", "an")
        case (.accuse, _):
            return ActionPhrase(verb: to.map { "accuses \($0)" } ?? "makes accusations", noun: with("", "accusations", "against").noun,
                                article: "")
        case (.reject, _):
            let position = to.map { "\(possessive($0)) position" } ?? "a proposal"
            return ActionPhrase(verb: "rejects \(position)", noun: "rejection of \(position)", article: "a")
        case (.threaten, _): return with("issues threats", "threats", "against")
        case (.protest, _): return with("protests", "protests", "against")
        }
    }

    /// "Norway's", "United States'".
    static func possessive(_ name: String) -> String {
        name.hasSuffix("s") ? "\(name)'" : "\(name)'s"
    }
}
