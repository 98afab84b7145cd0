import StorywatchModel

/// Phenomenon: approval given to an act itself ("gave the go-ahead to the raids") orders it,
/// and an order is done (design §3); power given to a party to act ("gave the cabinet the
/// green light to expel", "gave ministers the power to impose tariffs") leaves the act to come.
enum Authorisation {
    /// A promise read from a cue of giving (go-ahead, green light) whose object is the act: a
    /// noun phrase after the cue (a determiner first) that names it, with no infinitive and no party between.
    static func ordersAct(_ trigger: Trigger, status: EventStatus, statusCue: Cue?, _ tokens: [Token], _ mentions: [Mention],
                          lex: Lexicon) -> Bool {
        guard status == .promised, let cue = statusCue, tokens[cue.start].lemmaIs(.give), cue.end < trigger.anchor,
              lex.isA(tokens[cue.end], WordClass.determiner),
              !(cue.end..<trigger.anchor).contains(where: { tokens[$0].is(.to) }) else { return false }
        return !mentions.contains { $0.start > cue.start && $0.start < trigger.anchor }
    }
}
