/// Closed word classes the extraction rules test tokens against, as bit flags on the
/// lexicon's interned ids: a test is one load, where a `Set<String>` hashes the word.
/// Every word listed is interned, so a token is of a class exactly when its lower-case form
/// (or lemma, `Lexicon.lemmaIsA`) is listed under it.
enum WordClass {
    static let thirdPersonThing: UInt64 = 1 << 0
    static let pronoun: UInt64 = 1 << 1
    static let firstPerson: UInt64 = 1 << 2
    static let clauseStop: UInt64 = 1 << 3 // ; : .
    static let locative: UInt64 = 1 << 4
    static let nounMarker: UInt64 = 1 << 5
    // SentenceReader (lightVerb and particleVerb by lemma)
    static let continuation: UInt64 = 1 << 6, preposition: UInt64 = 1 << 7, lightVerb: UInt64 = 1 << 8, modal: UInt64 = 1 << 9
    static let pastAuxiliary: UInt64 = 1 << 10, decision: UInt64 = 1 << 11, phraseHead: UInt64 = 1 << 12, be: UInt64 = 1 << 13
    static let attributive: UInt64 = 1 << 14, determiner: UInt64 = 1 << 15, objectStart: UInt64 = 1 << 16
    static let particleVerb: UInt64 = 1 << 17, joinable: UInt64 = 1 << 18
    // ClauseSelection
    static let subordinator: UInt64 = 1 << 19, temporal: UInt64 = 1 << 20, auxiliary: UInt64 = 1 << 21, nonNoun: UInt64 = 1 << 22
    static let phrasePreposition: UInt64 = 1 << 23, clauseEnd: UInt64 = 1 << 24
    // ActorFinder
    static let placePreposition: UInt64 = 1 << 25, possessive: UInt64 = 1 << 26
    // SentenceReader: what is released without anyone being freed
    static let publication: UInt64 = 1 << 27
    // PolicyStance (read from policy.txt): nouns that name a side's own policy, and words that
    // name no topic of one (articles, pronouns, auxiliaries…).
    static let policyObject: UInt64 = 1 << 28, notTopic: UInt64 = 1 << 29
    // Litotes: reluctance words a negation cancels ("would not hesitate to").
    static let reluctance: UInt64 = 1 << 30
    // BothSides: "both sides", "the two countries".
    static let pairCount: UInt64 = 1 << 31, pairNoun: UInt64 = 1 << 32

    /// The classes a data file may list, by the key it writes them under.
    static let dataClasses: [String: UInt64] = [
        "object": policyObject, "not-topic": notTopic,
        "reluctance": reluctance,
        "pair-count": pairCount, "pair-noun": pairNoun,
    ]

    static let lists: [(String, UInt64)] = {
        var l: [(String, UInt64)] = []
        func add(_ flag: UInt64, _ words: [String]) { for w in words { l.append((w, flag)) } }
        add(thirdPersonThing, ["it", "its", "they", "their", "them"])
        add(pronoun, ["he", "she", "him", "his", "her"])
        add(firstPerson, ["we", "our", "us", "i", "my"])
        add(clauseStop, [";", ":", "."])
        add(locative, ["in", "at", "near", "from", "across", "inside", "within", "into", "outside", "around"])
        add(nounMarker, ["the", "a", "an", "in", "of", "by", "its", "their", "his", "her", "these", "those", "new",
                         "further", "'s", "any", "no", "such", "for", "after", "against", "with", "and", "more"])
        add(continuation, [",", "and", "as", "well", "while", "by", "before", "after"])
        add(preposition, ["of", "in", "to", "with", "for", "from", "by", "on", "at", "about", "over", "against"])
        add(lightVerb, ["impose", "announce", "launch", "take", "carry", "order", "resume", "adopt", "approve", "slap", "introduce",
                        "unveil", "begin", "start", "step", "mount", "stage", "conduct", "make", "hold", "have", "sign", "reach",
                        "agree", "propose", "threaten", "offer", "issue", "call", "cancel", "scrap", "drop", "lift", "end",
                        "suspend", "halt", "postpone", "extend", "tighten", "expand", "intensify", "enforce", "renew",
                        "maintain", "escalate", "widen", "continue"])
        add(modal, ["will", "would", "shall", "'ll", "may", "might", "could", "can"])
        add(pastAuxiliary, ["did", "had", "has", "have", "was", "were", "never"])
        add(decision, ["decision", "move", "order", "vote", "ruling"])
        add(phraseHead, ["to", "for", "against", "of"])
        add(be, ["be", "is", "are", "was", "were", "been", "being"])
        add(attributive, ["alleged", "suspected", "accused", "banned", "disputed", "proposed", "planned", "reported"])
        add(determiner, ["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"])
        add(objectStart, ["that", "to", "by", "of", "the", "a", "an", "him", "her", "them", "it", "his", "their", "its", "this",
                          "these", "those", ","])
        add(particleVerb, ["send", "bring", "come", "go", "fight", "pull", "turn", "roll", "scale", "push", "force", "get", "give",
                           "take", "move", "fall", "step", "cut", "hold", "win", "pay"])
        add(joinable, ["has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "still", "then", "later", "again", "not"])
        add(subordinator, ["who", "which", "whose", "whom", "where", "when", "while", "whereas", "after", "before", "since",
                           "because", "following", "amid", "amidst", "during", "until", "unless", "if", "though", "although",
                           "despite", "whether"])
        add(temporal, ["after", "before", "since", "when", "while", "as", "following", "amid", "amidst", "during"])
        add(auxiliary, ["was", "were", "has", "had", "have", "is", "are"])
        // Words after which a past form is a verb of the clause, not a participle describing a noun.
        add(nonNoun, ["was", "were", "has", "had", "have", "is", "are", "be", "been", "being", "and", "or", "but",
                      "to", "not", "never", "also", "who", "which", "that", "it", "he", "she", "they", "we", "i"])
        add(phrasePreposition, ["of", "in", "for", "over", "with", "about", "during", "after", "following", "amid", "since", "from",
                                "on", "at", "into", "under", "by", "between"])
        add(clauseEnd, [",", ";", ":", "--", "—", "–"])
        // A party named after one of these is where or to what something happens, not who acts.
        add(placePreposition, ["in", "at", "near", "from", "of", "with", "into", "on", "for", "by", "across", "inside"])
        add(possessive, ["its", "their", "his", "her", "our", "'s"])
        add(publication, ["report", "reports", "statement", "statements", "video", "videos", "footage", "figures", "data", "document",
                          "documents", "study", "results", "findings", "details", "book", "album", "film", "transcript", "list",
                          "images", "photos", "photographs", "recording", "tape", "text", "memo", "records", "files", "emails",
                          "poll", "survey", "forecast", "statistics", "dossier", "audit", "review", "guidelines", "communique"])
        return l
    }()
}
