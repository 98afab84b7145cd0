/// Phenomenon: an act named in a phrase of circumstance ("approved the budget amid protests",
/// "pressed ahead despite protests", "withdrew after attacks by rebels"): the act is the setting of
/// the main clause, not the main subject's own. Its agent is named inside the phrase ("by
/// rebels"), else it has none (and unnamed protesters stand for the people of the place).
enum CircumstancePhrase {
    /// How many words may stand between the subordinator and the act ("despite weeks of protests").
    static let reach = 3

    /// Drops a source named before the subordinator that opens the phrase of the noun trigger (a
    /// plural there is a noun whatever entry matched it: "despite protests"; a gerund is the
    /// subject's own act: "after attacking the town").
    static func dropOuterSubject(_ trigger: Trigger, _ view: SentenceView, _ roles: inout SentenceReader.Parties, lex: Lexicon) {
        let tokens = view.tokens
        guard trigger.entry.nominal || tokens[trigger.anchor].ends(.s), let source = roles.source, source.end > 0,
              let opener = (max(0, trigger.anchor - reach)..<trigger.anchor).last(where: { lex.isA(tokens[$0], WordClass.subordinator) }),
              source.end <= opener, !lex.isA(tokens[opener], WordClass.relative),
              !(opener + 1..<trigger.anchor).contains(where: { tokens[$0].kind == .punct }) else { return }
        roles.source = nil
    }
}
