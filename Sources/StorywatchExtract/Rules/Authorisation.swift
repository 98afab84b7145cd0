import StorywatchModel

/// Phenomenon: approval given to an act itself ("gave the green light to the resumption of
/// raids") orders it, and an order is done (design §3); power given to a party to act ("gave
/// the cabinet the green light to expel", "gave full power to the government to decree
/// sanctions") leaves the act to come.
enum Authorisation {
    /// A promise read from a cue of giving (go-ahead, green light) whose object is the act: the
    /// act named as a noun after the cue, with no infinitive and no party between.
    static func ordersAct(_ trigger: Trigger, status: EventStatus, statusCue: Cue?, _ tokens: [Token], _ mentions: [Mention]) -> Bool {
        guard status == .promised, let cue = statusCue, tokens[cue.start].lemmaIs(.give), cue.end < trigger.anchor,
              !(cue.end..<trigger.anchor).contains(where: { tokens[$0].is(.to) }) else { return false }
        return !mentions.contains { $0.start > cue.start && $0.start < trigger.anchor }
    }
}
