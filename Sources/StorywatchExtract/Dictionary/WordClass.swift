/// Closed word classes the extraction rules test tokens against, as bit flags on the
/// lexicon's interned ids: a test is one load, where a `Set<String>` hashes the word.
/// The words are data (`Dictionaries/grammar.txt`, one class a line under its `GrammarClass`
/// key); every word listed is interned, so a token is of a class exactly when its lower-case
/// form (or lemma, `Lexicon.lemmaIsA`) is listed under it.
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
    // PolicyStance: nouns that name a side's own policy, and words that name no topic of one.
    static let policyObject: UInt64 = 1 << 28, notTopic: UInt64 = 1 << 29
    // ClauseSelection: the words around an "as" that is no conjunction; assent verbs (by lemma).
    static let asAdverbNext: UInt64 = 1 << 30, asAdverbPrevious: UInt64 = 1 << 31, assent: UInt64 = 1 << 32
    // SentenceReader: pledge verbs (by lemma), cues of preparation, negations that quantify, units.
    static let pledge: UInt64 = 1 << 33, preparing: UInt64 = 1 << 34, quantifierCue: UInt64 = 1 << 35
    static let measureUnit: UInt64 = 1 << 36
    // Matching: the words after and before a gerund that make it a verb.
    static let gerundObjectStart: UInt64 = 1 << 37, gerundVerbPrevious: UInt64 = 1 << 38
    // SentenceReader+Parties and ActorFinder
    static let perfectBe: UInt64 = 1 << 39, compact: UInt64 = 1 << 40, harmed: UInt64 = 1 << 41, genericPeople: UInt64 = 1 << 42
    // Litotes: reluctance words a negation cancels ("would not hesitate to").
    static let reluctance: UInt64 = 1 << 43
    // BothSides: "both sides", "the two countries".
    static let pairCount: UInt64 = 1 << 44, pairNoun: UInt64 = 1 << 45
    /// Nouns of a country's edge ("the Thai border"): the country before them names a place.
    static let landmark: UInt64 = 1 << 46
    /// Relative pronouns: a clause of its own about the noun before them.
    static let relative: UInt64 = 1 << 47
    /// Participles fused to a country that backs a group named next ("Iranian-backed militias").
    static let sponsor: UInt64 = 1 << 48
    /// Participles fused to a country that leads what follows, a group or not ("the US-led coalition").
    static let leader: UInt64 = 1 << 49
    /// Words of force whose other sense is a walkout (`LabourSense`), and the votes that call one.
    static let walkout: UInt64 = 1 << 50, ballot: UInt64 = 1 << 51
    /// A country's party by its proper name (`ActorFinder.namedParty`).
    static let partyHead: UInt64 = 1 << 52, partyAdjective: UInt64 = 1 << 53, oppositionWord: UInt64 = 1 << 54
    static let rulingWord: UInt64 = 1 << 55
    /// A conditional warning of harm to relations (`ConditionalWarning`).
    static let harmVerb: UInt64 = 1 << 56, tiesNoun: UInt64 = 1 << 57, warnVerb: UInt64 = 1 << 58
    /// Nouns that hold a set of acts ("a package of sanctions").
    static let container: UInt64 = 1 << 59
    /// Nouns of a party allied to the one named before them ("Chile's ally"): another party (`AllyOf`).
    static let allyNoun: UInt64 = 1 << 60
    /// Verbs (by lemma) with no passive reading after a party ("diplomats negotiated in Geneva").
    static let noPassive: UInt64 = 1 << 61
    /// Words that open a clause of condition ("until the government resigns"): `ConditionClause`.
    static let conditionOpener: UInt64 = 1 << 62
    /// Words of a quarrel between its subjects ("Chile and Peru are at odds"): `CoordinatedSubjects`.
    static let reciprocal: UInt64 = 1 << 63

    /// Classes whose words' regular forms the lexicon derives (a plural names the policy too).
    static let withRegularForms: UInt64 = policyObject | notTopic | harmVerb | warnVerb | walkout | ballot | compact

    /// The classes a data file may list, by the key it writes them under.
    static let dataClasses: [String: UInt64] = Dictionary(uniqueKeysWithValues: GrammarClass.allCases.map { ($0.key, $0.flag) })
}

/// The word classes by name: a case's name in kebab case is its key in `grammar.txt`, so the
/// rules and the data name a class alike without a string for it in the code.
enum GrammarClass: CaseIterable {
    case thirdPersonThing, pronoun, firstPerson, clauseStop, locative, nounMarker
    case continuation, preposition, lightVerb, modal, pastAuxiliary, decision, phraseHead, be
    case attributive, determiner, objectStart, particleVerb, joinable
    case subordinator, temporal, auxiliary, nonNoun, phrasePreposition, clauseEnd
    case placePreposition, possessive, publication, policyObject, notTopic
    case asAdverbNext, asAdverbPrevious, assent, pledge, preparing, quantifierCue, measureUnit
    case gerundObjectStart, gerundVerbPrevious, perfectBe, compact, harmed, genericPeople
    case reluctance, pairCount, pairNoun, landmark, relative, sponsor, leader, walkout, ballot, partyHead, partyAdjective, oppositionWord, rulingWord, harmVerb, tiesNoun, warnVerb, container, allyNoun, noPassive, conditionOpener, reciprocal

    /// `lightVerb` → `light-verb`.
    var key: String {
        var key = ""
        for c in String(describing: self) {
            if c.isUppercase { key += "-" + c.lowercased() } else { key.append(c) }
        }
        return key
    }

    var flag: UInt64 {
        switch self {
        case .thirdPersonThing: WordClass.thirdPersonThing
        case .pronoun: WordClass.pronoun
        case .firstPerson: WordClass.firstPerson
        case .clauseStop: WordClass.clauseStop
        case .locative: WordClass.locative
        case .nounMarker: WordClass.nounMarker
        case .continuation: WordClass.continuation
        case .preposition: WordClass.preposition
        case .lightVerb: WordClass.lightVerb
        case .modal: WordClass.modal
        case .pastAuxiliary: WordClass.pastAuxiliary
        case .decision: WordClass.decision
        case .phraseHead: WordClass.phraseHead
        case .be: WordClass.be
        case .attributive: WordClass.attributive
        case .determiner: WordClass.determiner
        case .objectStart: WordClass.objectStart
        case .particleVerb: WordClass.particleVerb
        case .joinable: WordClass.joinable
        case .subordinator: WordClass.subordinator
        case .temporal: WordClass.temporal
        case .auxiliary: WordClass.auxiliary
        case .nonNoun: WordClass.nonNoun
        case .phrasePreposition: WordClass.phrasePreposition
        case .clauseEnd: WordClass.clauseEnd
        case .placePreposition: WordClass.placePreposition
        case .possessive: WordClass.possessive
        case .publication: WordClass.publication
        case .policyObject: WordClass.policyObject
        case .notTopic: WordClass.notTopic
        case .asAdverbNext: WordClass.asAdverbNext
        case .asAdverbPrevious: WordClass.asAdverbPrevious
        case .assent: WordClass.assent
        case .pledge: WordClass.pledge
        case .preparing: WordClass.preparing
        case .quantifierCue: WordClass.quantifierCue
        case .measureUnit: WordClass.measureUnit
        case .gerundObjectStart: WordClass.gerundObjectStart
        case .gerundVerbPrevious: WordClass.gerundVerbPrevious
        case .perfectBe: WordClass.perfectBe
        case .compact: WordClass.compact
        case .harmed: WordClass.harmed
        case .genericPeople: WordClass.genericPeople
        case .reluctance: WordClass.reluctance
        case .pairCount: WordClass.pairCount
        case .pairNoun: WordClass.pairNoun
        case .landmark: WordClass.landmark
        case .relative: WordClass.relative
        case .sponsor: WordClass.sponsor
        case .leader: WordClass.leader
        case .walkout: WordClass.walkout
        case .ballot: WordClass.ballot
        case .partyHead: WordClass.partyHead
        case .partyAdjective: WordClass.partyAdjective
        case .oppositionWord: WordClass.oppositionWord
        case .rulingWord: WordClass.rulingWord
        case .harmVerb: WordClass.harmVerb
        case .tiesNoun: WordClass.tiesNoun
        case .warnVerb: WordClass.warnVerb
        case .container: WordClass.container
        case .allyNoun: WordClass.allyNoun
        case .noPassive: WordClass.noPassive
        case .conditionOpener: WordClass.conditionOpener
        case .reciprocal: WordClass.reciprocal
        }
    }
}

/// The value tables `grammar.txt` holds besides classes, by the first word of a line's key
/// (`number 12: twelve`, `toll dead: died | killed`).
enum GrammarTable: String {
    case number, toll
}
