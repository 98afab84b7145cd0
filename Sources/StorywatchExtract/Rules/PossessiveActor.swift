/// Phenomenon: the actor right before an action noun, as possessor or adjective ("US expulsion",
/// "Washington's sanctions", "Russian air strikes"), is the noun's agent; a place is none.
enum PossessiveActor {
    static func source(_ s: PartyScope) -> Mention? {
        guard let actor = s.before.last, !actor.isPlace, s.trigger.anchor - actor.end <= 2 else { return nil }
        return actor
    }
}
