import StorywatchModel

/// Phenomenon: coming somewhere for talks ("envoys came to Vienna for talks", "arrived in
/// Beijing for talks"): the talks are the subject's, the last of joined subjects (the others
/// are read back with `CoordinatedSubjects`).
enum TalksVisit {
    static func source(_ s: PartyScope) -> Mention? {
        let (t, tokens) = (s.trigger, s.tokens)
        guard t.entry.type == .consult, (max(0, t.anchor - 3)..<t.anchor).contains(where: { tokens[$0].is(.for) }) else { return nil }
        var subject = s.before.first { !s.isLocative($0) && !$0.isPlace }
        while let current = subject, let next = s.before.first(where: { $0.start > current.end }), next.start - current.end <= 2,
              (current.end..<next.start).allSatisfy({ tokens[$0].is(.and) || tokens[$0].is(.comma) || tokens[$0].is(.the) }) {
            subject = next
        }
        return subject
    }
}
