import StorywatchModel

/// Phenomenon: a stance taken on ending a measure ("refused to lift the sanctions", "threatened
/// to end the talks"): the stance of the verb is the status of the measure ended.
enum StanceOnEnding {
    /// Gives each candidate ended (its cue an ending right after a verb) that verb's stance.
    static func apply(_ result: inout [Candidate], cues: [Cue]) {
        for i in result.indices {
            guard let ending = result[i].cue, ending.kind == .cancelled,
                  let o = result.indices.first(where: { $0 != i && !result[$0].trigger.entry.nominal
                      && result[$0].trigger.end <= ending.start && ending.start - result[$0].trigger.end <= 2 }),
                  let stance = cues.first(where: { result[o].trigger.tokens.contains($0.start) && $0.kind != .cancelled }),
                  let status = EventStatus(rawValue: stance.kind.rawValue) else { continue }
            result[i].event.status = status
            result[i].cue = stance
        }
    }
}
