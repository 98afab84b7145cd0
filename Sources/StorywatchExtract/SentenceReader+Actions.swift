import StorywatchModel

/// Each trigger of a sentence read as an action: skipped when it is no act, its parties, its
/// stance and speaker, its status, whether it answers or breaches, its type; one candidate
/// event each (and one per other party of a joint or shared act).
extension SentenceReader {
    /// The candidate events of the sentence's triggers, in order; the acts of coordinated
    /// subjects after the first come last (a verb joined later continues the first subject's event).
    func actions(_ view: SentenceView, dates: inout SentenceDates) -> [Candidate] {
        var candidates: [Candidate] = []
        candidates.reserveCapacity(view.triggers.count + 1)
        var coActs: [Candidate] = []
        for n in view.triggers.indices {
            if isNoAct(n, view) || foldsIntoPrevious(n, view, &candidates) { continue }
            guard var roles = roles(n, view, candidates) else { continue }
            let (status, statusCue, window) = stance(n, view, &roles, candidates)
            guard let (source, target) = finalParties(n, view, &roles) else { continue }
            readAction(n, view, roles: roles, source: source, target: target, status: status, statusCue: statusCue,
                       window: window, dates: &dates, into: &candidates, coActs: &coActs)
        }
        candidates.append(contentsOf: coActs)
        return candidates
    }

    /// The trigger names no act: a truce named inside a breach or answer phrase, a word of a
    /// name, a describing participle, an adverb, a date, a greeting, a publication released, a
    /// phrase naming a source.
    private func isNoAct(_ n: Int, _ view: SentenceView) -> Bool {
        let (tokens, trigger, cues) = (view.tokens, view.triggers[n], view.cues)
        // "…in violation of the ceasefire": the truce named inside a breach or answer phrase is
        // the thing broken or answered, not a new truce.
        if trigger.entry.type == .retreat, trigger.entry.nominal, cues.contains(where: { c in
            (c.kind == .breach || c.kind == .response) && (c.start..<min(tokens.count, c.end + 4)).contains(trigger.anchor)
        }) { return true }
        if isNameWord(trigger, tokens) || isAttributive(trigger, tokens, view.mentions) || isAdverbBack(trigger, tokens)
            || isDateWord(trigger, tokens) { return true }
        // "Welcome to Geneva": a greeting.
        if tokens[trigger.anchor].is(.welcome), trigger.end < tokens.count, tokens[trigger.end].is(.to) { return true }
        // "a report released Tuesday", "released a video": publishing frees no one.
        if trigger.entry.mode == ActionMode.release.rawValue,
           (max(0, trigger.anchor - 3)..<min(tokens.count, trigger.end + 3)).contains(where: { lex.isA(tokens[$0], WordClass.publication) }) {
            return true
        }
        // "according to a report": a phrase that names a source is no act.
        if cues.contains(where: { $0.kind == .report && $0.end - $0.start > 1 && ($0.start..<$0.end).contains(trigger.anchor) }) { return true }
        // "a mortar strike injured three nurses": the verb tells the effect of the event before it.
        return n > 0 && !trigger.entry.nominal && view.triggers[n - 1].entry.nominal && trigger.anchor - view.triggers[n - 1].end <= 1
            && !tokens[trigger.anchor - 1].is(.to)
    }

    /// "A car bomb in central Mogadishu killed six peacekeepers": force with no agent, then
    /// what it did after a place phrase: the victims are its target, folded into the force.
    private func foldsIntoPrevious(_ n: Int, _ view: SentenceView, _ candidates: inout [Candidate]) -> Bool {
        let (tokens, trigger, triggers) = (view.tokens, view.triggers[n], view.triggers)
        guard n > 0, !trigger.entry.nominal, trigger.entry.type == .assault, let last = candidates.indices.last,
              candidates[last].trigger.anchor == triggers[n - 1].anchor, candidates[last].trigger.entry.nominal,
              candidates[last].event.type == .assault, candidates[last].source == nil, trigger.anchor - triggers[n - 1].end <= 8,
              !(triggers[n - 1].end..<trigger.anchor).contains(where: { tokens[$0].is(.comma) || lex.isA(tokens[$0], WordClass.be) })
        else { return false }
        if let victims = parties(trigger, tokens, view.mentions, windowStart: windowStart(n, view))?.target {
            candidates[last].event.target = victims.actor
        }
        if candidates[last].event.quantity == nil { candidates[last].event.quantity = stated(n, view) }
        return true
    }

    /// Where the words of trigger `n` start: after the trigger before it.
    private func windowStart(_ n: Int, _ view: SentenceView) -> Int { n > 0 ? view.triggers[n - 1].end : 0 }

    /// The figure an action states ("expelled 35 diplomats"), before the next action.
    private func stated(_ n: Int, _ view: SentenceView) -> Quantity? {
        let trigger = view.triggers[n]
        let nextAnchor = n + 1 < view.triggers.count ? view.triggers[n + 1].anchor : view.tokens.count
        return quantity(view.tokens, from: trigger.anchor, to: min(nextAnchor, trigger.end + 14))
    }

    /// The parties of trigger `n` (`parties`), with an act named after "in" sharing the verb's
    /// parties, a joint act of "both sides", and "X must…" demands.
    private func roles(_ n: Int, _ view: SentenceView, _ candidates: [Candidate]) -> Parties? {
        let (tokens, trigger, mentions) = (view.tokens, view.triggers[n], view.mentions)
        if Prohibition.applies(trigger, tokens, lex: lex) { return Prohibition.parties(trigger, view, lex: lex) }
        if let alleged = AllegedAgent.parties(trigger, view, lex: lex) { return alleged }
        guard var roles = parties(trigger, tokens, mentions, windowStart: windowStart(n, view)) else { return nil }
        movedForces(trigger, view, &roles)
        if roles.source == nil, AgentlessForce.yieldsToNoun(n, view, lex: lex) { return nil }
        if let target = roles.target, let object = RelativeGap.object(replacing: target, of: trigger, tokens, mentions, lex: lex) {
            roles.target = object
        }
        namedInPhrase(trigger, view, &roles)
        // "wounded four soldiers in a bomb attack": the act named after "in" is the verb's
        // own, with the verb's parties (not the victims as its agent).
        if trigger.entry.nominal, let verb = candidates.last, !verb.trigger.entry.nominal, verb.event.type == trigger.entry.type,
           verb.trigger.end <= trigger.anchor, trigger.anchor - verb.trigger.end <= 8,
           let inAt = (max(verb.trigger.end, trigger.anchor - 3)..<trigger.anchor).last(where: { tokens[$0].is(.in) }),
           (inAt + 1..<trigger.anchor).allSatisfy({ k in tokens[k].kind == .word && !mentions.contains { $0.start == k } }) {
            roles.source = verb.source
            roles.target = verb.event.target.map { Mention(start: 0, end: 0, actor: $0, isPerson: false, reason: .continuesClause) }
        }
        if let other = BothSides.otherParty(of: roles.source) { roles.target = other } // a joint act of the pair
        if trigger.entry.type == .request, tokens[trigger.anchor].is(.must) {
            return mustParties(trigger, tokens, mentions, view.cues)
        }
        return roles
    }

    /// The status the cues before trigger `n` give it, and who said so: a clause joined to the
    /// one before shares its subject (and, with no cue of its own, its stance); a denial's or
    /// admission's speaker is the subject of the cue verb.
    private func stance(_ n: Int, _ view: SentenceView, _ roles: inout Parties, _ candidates: [Candidate])
        -> (EventStatus, Cue?, [Cue]) {
        let (tokens, trigger, triggers, mentions) = (view.tokens, view.triggers[n], view.triggers, view.mentions)
        // A speech-act trigger before this one ("warned … it may take measures") also governs it.
        var speechStart = n > 0 && [.threaten, .request, .reject, .agree].contains(triggers[n - 1].entry.type) ? triggers[n - 1].anchor : windowStart(n, view)
        // "…has refused to send troops and has told its citizens…": a verb phrase
        // joined after the first shares its subject, not its stance.
        let joinedAt = trigger.entry.nominal || n == 0 ? nil : conjunction(before: trigger.anchor, tokens, mentions)
        if let joinedAt { speechStart = max(speechStart, joinedAt + 1) }
        // "…was called off after Chile criticised Peru": an adverbial clause that tells a past act
        // holds its own stance; a cue before its opener belongs to the outer clause. (A relative
        // clause may end before the act: "countries who had refused would back…"; a present verb
        // there may be the outer clause's future: "expected to sign it when he visits".)
        if speechStart < trigger.anchor, tokens[trigger.anchor].isPastInflection, let opener = (speechStart..<trigger.anchor).last(where: {
            lex.isA(tokens[$0], WordClass.subordinator) && !lex.isA(tokens[$0], WordClass.relative)
        }) {
            speechStart = opener
        }
        let window = view.cues.filter { $0.start >= speechStart && $0.start < trigger.anchor && !trigger.tokens.contains($0.start) }
        var (status, statusCue) = self.status(trigger, tokens, window, cuesAfter: view.cues)
        if let inherited = continueClause(n, view, joinedAt: joinedAt, &roles, candidates), window.isEmpty { status = inherited }
        if status == .denied || status == .admitted, let cue = statusCue {
            // "X dismissed claims that Y tried to…": the speaker before the cue, the actor after it.
            // The speaker is the subject of the cue verb, not a name inside a phrase before it
            // ("The minister, … under fire over the arms deal, admitted").
            let speaker = mentions.last { $0.end <= cue.start && $0.start >= windowStart(n, view) && !$0.isInPhrase(tokens, lex: lex) }
                ?? mentions.last { $0.end <= cue.start && !$0.isInPhrase(tokens, lex: lex) }
                ?? mentions.last { $0.end <= cue.start }
            let actorAfter = mentions.last { $0.start >= cue.end && $0.end <= trigger.anchor }
            if let speaker {
                roles.saidBy = speaker.actor
                if let actorAfter { roles.source = actorAfter } else if roles.source == nil { roles.source = speaker }
            }
        } else if let cue = statusCue, [.proposed, .demanded].contains(cue.kind),
                  let speaker = mentions.last(where: { $0.end <= cue.start }), speaker.actor.name != roles.source?.actor.name {
            roles.saidBy = speaker.actor
        }
        return (status, statusCue, window)
    }

    /// A clause that continues the one before shares its parties: "…would take steps, expelling
    /// envoys" (a gerund), "…decision to expel five envoys and freeze assets" (a coordinated
    /// verb), "…has been censured by parliament and will resign" (after a passive, the one acted
    /// on), "Hungary let the trains in…, but was still refusing…" (the sentence's subject).
    /// Returns the status of the clause continued, when it is one.
    private func continueClause(_ n: Int, _ view: SentenceView, joinedAt: Int?, _ roles: inout Parties,
                                _ candidates: [Candidate]) -> EventStatus? {
        let (tokens, trigger, mentions) = (view.tokens, view.triggers[n], view.mentions)
        let coordinated = trigger.anchor > 0 && (tokens[trigger.anchor - 1].is(.and) || tokens[trigger.anchor - 1].is(.or))
            && tokens[trigger.anchor].isLemma
        if n > 0, !trigger.entry.nominal, trigger.anchor > 0, let last = candidates.last, case let previous = last.event,
           coordinated || (tokens[trigger.anchor].ends(.ing) && lex.isA(tokens[trigger.anchor - 1], WordClass.continuation)
                           && !opensClause(between: last.trigger.end, and: trigger.anchor, tokens, mentions)) {
            if let src = previous.source {
                roles.source = Mention(start: 0, end: 0, actor: src, isPerson: false, reason: .continuesClause)
                if roles.target == nil || roles.target?.actor.root == src.root, let t = previous.target {
                    roles.target = Mention(start: 0, end: 0, actor: t, isPerson: false, reason: .continuesClause)
                }
            }
            roles.saidBy = previous.saidBy
            return previous.status
        }
        if joinedAt != nil, let previous = candidates.last(where: { !$0.trigger.entry.nominal && $0.source != nil }),
           let subject = previous.source {
            if subject.start > previous.trigger.anchor, let actedOn = previous.event.target {
                roles.source = Mention(start: 0, end: 0, actor: actedOn, isPerson: false, reason: .continuesClause)
            } else {
                roles.source = subject
            }
        } else if let at = joinedAt, let subject = mentions.first, subject.start == 0 || (subject.start == 1 && tokens[0].is(.the)),
                  lex.isA(tokens[at + 1], WordClass.auxiliary) || Characterisation.describes(before: at, after: subject, view) {
            roles.source = subject
        }
        return nil
    }

    /// "Kenya expelled two envoys and Uganda answered by ordering out…": a party after "and" or
    /// "but" and before a verb, between two acts, is the subject of a clause of its own, which
    /// the gerund continues.
    private func opensClause(between start: Int, and end: Int, _ tokens: [Token], _ mentions: [Mention]) -> Bool {
        mentions.contains { m in
            m.start > start && m.end < end && (tokens[m.start - 1].is(.and) || tokens[m.start - 1].is(.but))
                && (tokens[m.end].isPastInflection || lex.isA(tokens[m.end], WordClass.auxiliary | WordClass.modal))
        }
    }

    /// Troops moved act for whoever sends them, towards where they go (`Rules/OwnForces`).
    private func movedForces(_ trigger: Trigger, _ view: SentenceView, _ roles: inout Parties) {
        let (tokens, mentions) = (view.tokens, view.mentions)
        if let own = OwnForces.parties(trigger, tokens, mentions, lex: lex) { (roles.source, roles.target) = (own.source, own.target) }
        if let ground = OwnForces.leftGround(trigger, tokens, mentions, source: roles.source, lex: lex) { roles.target = ground }
        guard roles.target == nil || roles.target?.actor.root == roles.source?.actor.root,
              let place = OwnForces.destination(trigger, tokens, mentions, source: roles.source, lex: lex) else { return }
        roles.target = place
    }

    /// Parties a phrase of the act names whoever the clause's subject is: "a deal between X and
    /// Y", "criticism from X", an offer's author, the claimant of an attack.
    private func namedInPhrase(_ trigger: Trigger, _ view: SentenceView, _ roles: inout Parties) {
        let (tokens, mentions) = (view.tokens, view.mentions)
        if let (first, second) = BetweenParties.parties(of: trigger, tokens, mentions, lex: lex) {
            (roles.source, roles.target) = (first, second)
        } else if trigger.entry.nominal, trigger.entry.type == .assault,
                  let lone = BetweenParties.loneParty(of: trigger, tokens, mentions, lex: lex) {
            (roles.source, roles.target) = (lone, nil)
        } else if let agent = FromAgent.agent(of: trigger, tokens, mentions) {
            let subject = roles.source
            roles.source = agent
            roles.target = subject.flatMap { $0.actor.root == agent.actor.root ? nil : $0 } ?? roles.target
        } else if roles.target == nil, let author = ProposalAuthor.author(of: trigger, source: roles.source, tokens, mentions) {
            roles.target = author
        }
        if roles.source == nil, let claimant = ClaimedResponsibility.claimant(of: trigger, cues: view.cues, tokens, mentions) {
            roles.source = claimant
        }
    }

    /// The source mention and target actor an event of trigger `n` is told with (unnamed
    /// protesters and a place of force filled into `roles`); nil when it names no party at all.
    private func finalParties(_ n: Int, _ view: SentenceView, _ roles: inout Parties) -> (Mention, Actor?)? {
        let (tokens, trigger, mentions) = (view.tokens, view.triggers[n], view.mentions)
        CausedAct.dropCauser(trigger, view, &roles)
        Characterisation.dropDescriber(trigger, view, &roles)
        CircumstancePhrase.dropOuterSubject(trigger, view, &roles, lex: lex)
        // Unnamed protesters are the people of the country whose rulers or ground they
        // protest against ("students began a hunger strike to demand that the minister
        // resign").
        let walkout = LabourSense.isAgentlessWalkout(trigger, tokens, lex: lex)
        if roles.source == nil, trigger.entry.type == .protest || walkout,
           let place = roles.target ?? mentions.first(where: { $0.start > 0 && lex.isA(tokens[$0.start - 1], WordClass.locative) }) {
            // (People who strike are its workers: organised labour, a side of its own.)
            let strike = walkout || trigger.entry.mode == ActionMode.strike.rawValue
            let people = Actor(code: place.actor.root + (strike ? "LAB" : "CVL"),
                               name: (strike ? "workers of " : "people of ") + place.actor.name)
            roles.source = Mention(start: 0, end: 0, actor: people, isPerson: false, reason: .unnamedProtesters)
        }
        // "an officer was killed in a bomb attack in Lima": the place is all
        // that is named (its country is the source, later).
        if roles.source == nil, roles.target == nil, trigger.entry.type == .assault { roles.target = place(of: trigger, tokens, mentions) }
        guard roles.source != nil || roles.target != nil else { return nil }
        let source = roles.source ?? Mention(start: 0, end: 0, actor: Actor(code: "UNK", name: "unknown"), isPerson: false, reason: .noSourceNamed)
        // A party acting at home has its own country as target ("Turkey will allow Turkish
        // refugees…", "Sudan lifted the curfew in Darfur"), as PLOVER codes it; storylines
        // read such an event as domestic (`Event.foreignTarget`).
        var target = roles.target?.actor
        // No party is its own target ("the union will ballot its members": its own people).
        if target == source.actor { target = nil }
        if target == nil, roles.source != nil {
            // (Not from a clause of its own after the act: "…, which has bombed towns since Kurdish factions…".)
            let sourceRoot = source.actor.root
            let clauseEnd = (trigger.end..<tokens.count).first { lex.isA(tokens[$0], WordClass.relative | WordClass.subordinator) } ?? tokens.count
            target = mentions.first { $0.actor.hasRoot(sourceRoot) && $0.start != source.start && $0.actor != source.actor && $0.start < clauseEnd }?.actor
        }
        return (source, target)
    }

    /// Harm announced is a threat ("will extend the curfew", "plans to impose restrictions",
    /// "would boycott all contact"; design §3: "would respond in kind"), unless called a pledge;
    /// "will withdraw its force unless…" promises on a condition the other side must meet. A
    /// speech act made is a stance: a warning issued is a threat, a demand made is demanded.
    private func adjusted(_ status: EventStatus, _ trigger: Trigger, statusCue: Cue?, _ tokens: [Token]) -> EventStatus {
        let coercive = (trigger.end..<tokens.count).contains { tokens[$0].is(.unless) }
        let pledged = statusCue.map { lex.lemmaIsA(tokens[$0.start], WordClass.pledge) } ?? false
        if status == .promised, !pledged, (trigger.entry.type.conflictRank ?? 0) >= 3 || trigger.entry.mode == ActionMode.boycott.rawValue || coercive {
            return .threatened
        }
        if status == .refused, onTerms(trigger, tokens) { return .considered }
        guard status == .done else { return status }
        // "Staff voted to walk out", "a ballot on strikes": a vote decides an act still to come.
        if lex.lemmaIsA(tokens[trigger.anchor], WordClass.ballot) { return .promised }
        // "the opposition called a general strike", "called for a strike": a protest called is to come.
        if trigger.entry.type == .protest, tokens[trigger.anchor].lemmaIs(.call) { return .promised }
        switch trigger.entry.type {
        case .threaten: return .threatened
        case .request: return .demanded
        case .reject: return .refused
        default: return status
        }
    }

    /// "would not cut its tariffs without a matching offer", "will not sign unless Peru pays": a
    /// refusal of a verb's act on terms (without or unless, within a few words after it and
    /// before any comma) sets a condition; the act stays open (considered), no turn against an
    /// earlier pledge. A noun's act keeps its refusal ("rejected the offer without debate").
    private func onTerms(_ trigger: Trigger, _ tokens: [Token]) -> Bool {
        guard !trigger.entry.nominal, trigger.anchor > 0,
              !lex.isA(tokens[trigger.anchor - 1], WordClass.determiner | WordClass.possessive) else { return false }
        for k in trigger.end..<min(tokens.count, trigger.end + 4) {
            if tokens[k].is(.comma) { return false }
            if tokens[k].is(.without) || tokens[k].is(.unless) { return true }
        }
        return false
    }

    /// The event of trigger `n`, as a candidate, with those of its other parties (`addOtherParties`).
    private func readAction(_ n: Int, _ view: SentenceView, roles: Parties, source: Mention, target: Actor?, status: EventStatus,
                            statusCue: Cue?, window: [Cue], dates: inout SentenceDates,
                            into candidates: inout [Candidate], coActs: inout [Candidate]) {
        let (tokens, trigger, mentions, cues) = (view.tokens, view.triggers[n], view.mentions, view.cues)
        var status = Authorisation.ordersAct(trigger, status: status, statusCue: statusCue, tokens, mentions, lex: lex)
            ? .done : adjusted(status, trigger, statusCue: statusCue, tokens)
        if HypotheticalSubject.applies(trigger, tokens, cues: cues, lex: lex) { status = .considered }
        let knownPlan = statusCue == nil ? KnownPlan.plan(of: trigger, view, lex: lex) : nil
        if knownPlan != nil { status = .promised }
        var target = target
        let answering = cues.filter { c in
            c.kind == .response && answeringTrigger(for: c, tokens, view.triggers) == n && !Aftermath.answersNothing(c, tokens, view.triggers)
                && Characterisation.lets(c, answer: n, view)
        }
        let isResponse = (!answering.isEmpty || tokens[trigger.anchor..<trigger.end].contains { Self.isRetaliation($0) })
            && !Retort.isRetort(trigger, answering: answering)
        let isBreach = cues.contains { c in c.kind == .breach && answeringTrigger(for: c, tokens, view.triggers, adjectival: false) == n }
        // "In answer to Oslo's expulsions, Minsk expelled…": the answered
        // party is named inside the cue's phrase.
        if isResponse, target == nil, let cue = answering.first,
           let answered = mentions.first(where: { $0.start >= cue.end && $0.start <= cue.end + 4 }),
           answered.actor.root != source.actor.root {
            target = answered.actor
        }
        // "Oslo hit back at once, saying it would recall its envoy to Minsk": an answer with no
        // other party as object is aimed at the one the sentence goes on to name in the measure it states.
        if isResponse, target == nil || target?.root == source.actor.root,
           let named = mentions.first(where: { $0.start >= trigger.end && !$0.isPlace && $0.actor.root != source.actor.root }) {
            target = named.actor
        }
        var (type, mode) = (trigger.entry.type, trigger.entry.mode)
        if LabourSense.isWalkout(trigger, source: roles.source?.actor, tokens, mentions, lex: lex) {
            (type, mode) = (.protest, ActionMode.strike.rawValue)
        }
        if LabourSense.isConcession(type: type, mode: mode, status: status, statusCue: statusCue, tokens) {
            (type, mode, status) = (.concede, ActionMode.other.rawValue, .done)
        }
        // "The army prepared to shell the border posts": getting ready to fight is a mobilisation seen
        // done; "is prepared to" (ready to) stays a stance.
        if type == .assault, let cue = statusCue, lex.isA(tokens[cue.start], WordClass.preparing),
           cue.start == 0 || !lex.isA(tokens[cue.start - 1], WordClass.be) {
            (type, mode, status) = (.mobilize, ActionMode.troops.rawValue, .done)
        }
        let date = dates.date(ofActAt: trigger.anchor)
        let event = Event(source: roles.source == nil ? nil : source.actor, target: target, saidBy: roles.saidBy, type: type,
                          mode: mode, status: status, quantity: stated(n, view), date: date,
                          document: view.document, quote: view.text, isResponse: isResponse, isBreach: isBreach,
                          isBackground: knownPlan != nil || Background.isRecounted(trigger, tokens, cues: cues, date: date, itemDate: dates.itemDate,
                                                              namesPastYear: dates.namesPastYear, lex: lex),
                          isOngoing: Continuing.isOngoing(trigger, cues: cues))
        let habitual = cues.contains { $0.kind == .habitual }
        let evidence = explains
            ? EventEvidence(tokens: tokens, reading: .action(trigger, statusCues: window, isResponse: isResponse, isBreach: isBreach,
                                                             source: source, target: roles.target), habitual: habitual)
            : EventEvidence(habitual: habitual)
        candidates.append(Candidate(event: event, evidence: evidence, trigger: trigger, cue: statusCue, source: roles.source))
        addOtherParties(event, evidence, roles: roles, trigger: trigger, statusCue: statusCue, into: &candidates, coActs: &coActs)
    }

    /// One more candidate for each further pair of a joint act's parties (each meets each, as
    /// PLOVER codes it), and one for each other subject of a shared act (into `coActs`).
    private func addOtherParties(_ event: Event, _ evidence: EventEvidence, roles: Parties, trigger: Trigger, statusCue: Cue?,
                                 into candidates: inout [Candidate], coActs: inout [Candidate]) {
        for (a, first) in roles.joint.enumerated() {
            for (b, second) in roles.joint.enumerated() where a != b && !(a == 0 && b == 1) {
                var pair = event
                pair.source = first.actor
                pair.target = second.actor
                candidates.append(Candidate(event: pair, evidence: evidence, trigger: trigger, cue: statusCue, source: first))
            }
        }
        for other in roles.coSubjects {
            var own = event
            own.source = other.actor
            coActs.append(Candidate(event: own, evidence: evidence, trigger: trigger, cue: statusCue, source: other))
        }
    }
}
