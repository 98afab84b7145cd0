/// Phenomenon: an act caused ("the levy sparked protests", "the arrest triggered riots", "the
/// ruling provoked strikes by dockers"): the causing verb's subject is the cause, not the act's
/// agent. The act keeps an agent named in its own phrase ("strikes by dockers"), else it has
/// none (and unnamed protesters stand for the people of the place, `finalParties`).
enum CausedAct {
    /// How many words may stand between the causing verb and the act ("sparked weeks of angry protests").
    static let reach = 4

    /// Drops a source named before the causing verb whose object is the trigger (a noun there,
    /// whatever entry matched it: "sparked protests").
    static func dropCauser(_ trigger: Trigger, _ view: SentenceView, _ roles: inout SentenceReader.Parties) {
        dropSubject(of: .caused, trigger, view, &roles)
    }

    /// Drops a source named before a verb of cue kind `kind` whose object is the trigger.
    static func dropSubject(of kind: CueKind, _ trigger: Trigger, _ view: SentenceView, _ roles: inout SentenceReader.Parties) {
        guard let source = roles.source,
              let cue = view.cues.last(where: { $0.kind == kind && $0.end <= trigger.anchor }),
              trigger.anchor - cue.end <= reach, source.end <= cue.start,
              !(cue.end..<trigger.anchor).contains(where: { k in
                  let t = view.tokens[k]
                  return t.kind == .punct || (t.is(.by) || t.is(.in) || t.is(.at) || t.is(.against) || t.is(.over))
              }) else { return }
        roles.source = nil
    }
}
