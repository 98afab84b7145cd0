/// Phenomenon: an action noun governed by a light verb ("Chile filed a formal complaint",
/// "announced its programme of unilateral sanctions", "took part in the talks"): the verb's
/// subject is the noun's agent.
enum LightVerbSubject {
    static func source(_ s: PartyScope) -> Mention? {
        guard isGoverned(s) else { return nil }
        return s.before.last { !s.isLocative($0) && !$0.isPlace }
    }

    /// A light verb a few words before the noun, with no preposition but "of" or "to" between
    /// ("raise output in defiance of sanctions": another preposition ends the verb's object); a
    /// container noun and "of" stretch the reach ("its programme of unilateral sanctions").
    private static func isGoverned(_ s: PartyScope) -> Bool {
        let (t, tokens, lex) = (s.trigger, s.tokens, s.lex)
        let reach = (max(0, t.anchor - 5)..<t.anchor).contains { k in
            lex.isA(tokens[k], WordClass.container) && k + 1 < t.anchor && tokens[k + 1].is(.of)
        } ? 8 : 5
        return (max(0, t.anchor - reach)..<t.anchor).contains { v in
            lex.lemmaIsA(tokens[v], WordClass.lightVerb)
                && !(v + 1..<t.anchor).contains { k in
                    // ("take part in the talks" is one verb)
                    !(tokens[k].is(.of) || tokens[k].is(.to)) && lex.isA(tokens[k], WordClass.preposition) && !tokens[k - 1].is(.part)
                }
        }
    }
}
