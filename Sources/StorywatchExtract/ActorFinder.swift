import StorywatchModel

/// What a document has named so far: the base for pronouns and definite descriptions.
struct ResolutionContext: Sendable {
    var lastPerson: Mention?
    private(set) var lastByRole: [String: Actor] = [:]
    /// The root of the last country or body named: where an unknown titled person belongs.
    var lastPlace: String?
    /// The last two parties that acted on each other: whom "both sides" names (`BothSides`).
    var lastPair: (Actor, Actor)?
    /// The country of the document's first subject: whose unnamed-country officials speak.
    var homeRoot: String?
    /// How often each root was named in the document so far, places included: what the
    /// document is about (`Extractor.ownUnattributedPolicies`).
    var rootCounts: [String: Int] = [:]
    /// The date the text last told in a sentence of its own ("on Aug 12"): what "two days
    /// later" counts from.
    var lastToldDate: Day?
    /// The policy a stance was last taken on, with its topic ("tuition fee plan"): what "the
    /// bill" names again (`PolicyAnaphora`).
    var lastPolicy: String?
    /// Names introduced with a title ("Deputy Foreign Minister Ana Novak") → their actor.
    private(set) var aliases: [String: Actor] = [:]
    /// A filter on the keys of `aliases`: a bit for the bucket of each ASCII key
    /// (`WordTable.bucket(of:)`), or all of them once a key is not ASCII. Most capitalised words
    /// are no alias, and are told so by the bucket their token carries.
    private var aliasBits: (low: UInt64, high: UInt64) = (0, 0)

    mutating func note(_ m: Mention) {
        if m.isPerson {
            lastPerson = m
            if let key = NameWords.aliasKey(of: m.actor.name) { recall(m.actor, by: key) }
            // "Zhao Wenli … Zhao said": a family name written first (Chinese, Korean, Vietnamese
            // names) recalls the person too, unless the word already recalls someone else.
            if let first = NameWords.firstOfShortName(m.actor.name), aliases[first] == nil { recall(m.actor, by: first) }
        }
        if let role = m.actor.role {
            // "the minister" refers back to the interior minister as well.
            lastByRole[role] = m.actor
            // (A one-word title is its own head.)
            if let head = NameWords.lastWord(role), head.startIndex != role.startIndex || head.endIndex != role.endIndex {
                lastByRole[String(head)] = m.actor
            }
        }
    }

    private mutating func recall(_ actor: Actor, by key: String) {
        aliases[key] = actor
        if let bit = key.withUTF8View({ $0.allSatisfy { $0 < 0x80 } ? Int(WordTable.bucket(of: $0)) : nil }) {
            if bit < 64 { aliasBits.low |= 1 << UInt64(bit) } else { aliasBits.high |= 1 << UInt64(bit - 64) }
        } else {
            aliasBits = (~0, ~0)
        }
    }

    /// The token's lower-case form may be a key of `aliases`.
    func mayBeAlias(_ t: Token) -> Bool {
        guard !aliases.isEmpty else { return false }
        guard t.bucket != Token.noBucket else { return true }
        let bit = Int(t.bucket)
        return (bit < 64 ? aliasBits.low >> UInt64(bit) : aliasBits.high >> UInt64(bit - 64)) & 1 != 0
    }
}

/// Finds actor mentions: dictionary names, country + title composites, known people, names
/// introduced with a title, pronouns and "the minister" descriptions.
struct ActorFinder {
    let lex: Lexicon
    /// The item's date: of one name's several offices, the one held then (`Tenure`).
    var day: Day? = nil

    /// The sentence's mentions, into `mentions` (emptied first, its storage kept: a document's
    /// sentences share one list).
    func find(_ tokens: [Token], context: inout ResolutionContext, into mentions: inout [Mention]) {
        mentions.removeAll(keepingCapacity: true)
        var i = 0
        while i < tokens.count {
            // "Chile warned Peru it may…", "In a note to the UN, Lithuania said it
            // would…": "it" is the sentence's first party that is no object of a preposition.
            // "…, and Lome said it would…": right after a verb of saying, the one who says.
            if lex.flags(tokens[i]) & WordClass.thirdPersonThing != 0,
               let subject = speaker(before: i, tokens, mentions)
                   ?? mentions.first(where: { !$0.isPerson && !$0.isPlace && !isPrepositional($0, tokens, orTo: true) })
                   ?? mentions.first(where: { !$0.isPlace }), !subject.isPerson {
                // "their government", "its army": the subject's country's government or army.
                if i + 1 < tokens.count, lex.isA(tokens[i], WordClass.possessive), let r = role(at: i + 1, tokens), r.sector != "NON",
                   !subject.actor.code.hasPrefix(Self.unplaced) {
                    let root = subject.actor.root
                    let actor = Actor(code: Self.isBodyRoot(root) ? subject.actor.code : root + r.sector,
                                      name: tokens[i..<r.end].spokenText, role: r.phrase)
                    mentions.append(Mention(start: i, end: r.end, actor: actor, isPerson: false, reason: .thirdPerson))
                    i = r.end
                    continue
                }
                mentions.append(Mention(start: i, end: i + 1, actor: subject.actor, isPerson: false,
                                        reason: .thirdPerson))
                i += 1
                continue
            }
            if mayStartMention(at: i, tokens, context: context), let m = mention(at: i, tokens, context: context) {
                // A country's sports board or company is not the country: no actor. Nor is an
                // ethnic group named after a country ("ethnic Hungarians" in Slovakia).
                if m.actor.code.isEmpty || (i > 0 && tokens[i - 1].is(.ethnic) && !m.isPerson) {
                    i = max(m.end, i + 1)
                    continue
                }
                if mentions.isEmpty { mentions.reserveCapacity(8) } // one allocation, not one per doubling
                if !Self.isUnplaced(m.actor.code) { context.note(m) }
                i = max(m.end, i + 1)
                mentions.append(m) // (last: the mention is moved in, not copied)
            } else {
                i += 1
            }
        }
        place(&mentions, tokens, context: &context)
    }

    /// The party named right before a verb of saying that stands right before position `i`
    /// (not the last of joined subjects: "Latvia and Lithuania said they…" is both).
    private func speaker(before i: Int, _ tokens: [Token], _ mentions: [Mention]) -> Mention? {
        guard let m = mentions.last, m.end == i - 1, !m.isPlace, m.says(tokens, lex: lex) else { return nil }
        let joined = m.start > 0 && tokens[m.start - 1].is(.and) && mentions.contains { $0.end == m.start - 1 }
        return joined ? nil : m
    }

    /// Code prefix of a titled person or a group the dictionaries do not place ("President Dos
    /// Santos", "demonstrators").
    private static let unplaced = "?"

    /// `code.hasPrefix(unplaced)`, asked of every mention: a byte compare where the character
    /// after "?" is ASCII (so none that could join it).
    private static func isUnplaced(_ code: String) -> Bool {
        var bytes = code.utf8.makeIterator()
        guard bytes.next() == 0x3F else { return false }
        guard let next = bytes.next() else { return true }
        return next < 0x80 ? true : code.hasPrefix(unplaced)
    }
    /// Roots of bodies that are no state (design §2).
    /// (Compared, not hashed: asked of every country + title; a String, as a Substring is
    /// compared with each literal by characters.)
    private static func isBodyRoot(_ root: String) -> Bool {
        switch root {
        case "UNO", "EUR", "IGO", "NGO", "IMG", "MNC": true
        default: false
        }
    }
    private static func isPlacedGroup(_ sector: String) -> Bool {
        switch sector {
        case "CVL", "REB", "COP", "OPP", "LAB": true
        default: false
        }
    }
    /// Named after a preposition ("in Iraq", "to the UN" when `orTo`), "the" passed over.
    private func isPrepositional(_ m: Mention, _ tokens: [Token], orTo: Bool = false) -> Bool {
        guard m.start > 0 else { return false }
        let head = tokens[m.start - 1].is(.the) && m.start > 1 ? m.start - 2 : m.start - 1
        return lex.isA(tokens[head], WordClass.placePreposition) || (orTo && tokens[head].is(.to))
    }

    /// "Judge Karel Dvorak opened an inquiry into Slovak officials": a titled
    /// person the dictionaries do not know, or a group with no country named, belongs to the
    /// country the sentence names nearest to them, else to the last country the document named;
    /// else they are no actor.
    private func place(_ mentions: inout [Mention], _ tokens: [Token], context: inout ResolutionContext) {
        // (The first mention read in place: a mention copied is a retain of each of its strings.)
        if context.homeRoot == nil, let first = mentions.indices.first, !mentions[first].isPerson, !mentions[first].isPlace,
           !Self.isUnplaced(mentions[first].actor.code), !Self.isBodyRoot(mentions[first].actor.root),
           !isPrepositional(mentions[first], tokens, orTo: true) {
            context.homeRoot = mentions[first].actor.root
        }
        // (By index, in place: a mention copied is a retain of each of its strings.)
        guard mentions.contains(where: { Self.isUnplaced($0.actor.code) }) else {
            if let last = mentions.lastIndex(where: { !$0.isPerson }) { context.lastPlace = mentions[last].actor.root }
            return
        }
        let placed = mentions.indices.filter { !Self.isUnplaced(mentions[$0].actor.code) }
        // "The US commander in Iraq, General David Petraeus": a place named after a
        // preposition places someone only when nothing else does.
        let free = placed.filter { !isPrepositional(mentions[$0], tokens) }
        let candidates = free.isEmpty ? placed : free
        let lastPlaced = placed.last { !mentions[$0].isPerson }.map { mentions[$0].actor.root }
        var unplaced: [Int] = [] // those no country places: no actor
        for k in mentions.indices where Self.isUnplaced(mentions[k].actor.code) {
            let nearest = GroupScene.place(of: k, mentions, placed, tokens, lex: lex) ?? candidates.min { abs(mentions[$0].start - mentions[k].start) < abs(mentions[$1].start - mentions[k].start) }
            // "Interior Minister Ana Novak accused Chile of…": an official who opens the sentence
            // with no country before her is of the document's own country, not of the one she names.
            let opensSentence = mentions[k].isPerson && !placed.contains { mentions[$0].start < mentions[k].start }
            let home = opensSentence ? context.homeRoot : nil
            guard let root = home ?? nearest.map({ mentions[$0].actor.root }) ?? context.lastPlace else {
                unplaced.append(k)
                continue
            }
            mentions[k].actor.code = root + mentions[k].actor.code.dropFirst(Self.unplaced.count)
            mentions[k].reason = .placedByNearest
            context.note(mentions[k])
        }
        for k in unplaced.reversed() { mentions.remove(at: k) }
        if let lastPlaced { context.lastPlace = lastPlaced }
    }

    private func dictionaryActor(at i: Int, _ tokens: [Token]) -> (entry: ActorEntry, end: Int)? {
        let first = tokens[i].lowerID
        guard first >= 0 else { return nil }
        let table = lex.table
        let candidates = table.actorCandidates(first: Int(first), next: i + 1 < tokens.count ? tokens[i + 1].lowerID : -1)
        // By index, reading only the fields compared: an entry copied is a retain of its info,
        // and a word like "south" or "king" heads dozens of them.
        var best = -1, bestEnd = i
        table.actorEntries.withView { entries in
            table.actorWords.withView { words in
                for e in candidates {
                    let n = Int(entries[e].count), start = Int(entries[e].idsStart)
                    guard i + n <= tokens.count,
                          best < 0 || i + n > bestEnd || i + n == bestEnd && heldThen(entries[e]) && !heldThen(entries[best])
                    else { continue }
                    var ok = true
                    for k in 0..<n where tokens[i + k].lowerID != words[start + k]
                        || (entries[e].isCapitalized(k) && !tokens[i + k].isCapitalized) {
                        ok = false
                        break
                    }
                    if ok { (best, bestEnd) = (e, i + n) }
                }
            }
        }
        return best < 0 ? nil : (table.actorEntries[best], bestEnd)
    }

    /// The entry's office was held on the item's date (an entry without dates never is, so a
    /// dated office wins a tie only on its dates and the first entry wins otherwise).
    private func heldThen(_ entry: ActorEntry) -> Bool {
        guard let day, let tenure = entry.info.tenure else { return false }
        return tenure.holds(on: day)
    }

    /// Phenomenon: a country fused to "-led" or "-backed" names the side of the group it leads or
    /// backs ("the US-led coalition", "Iranian-backed militias": IRN with the militias' sector);
    /// "a US-backed motion" names no group, so no party.
    private func sponsoredGroup(at i: Int, _ tokens: [Token]) -> Mention? {
        let t = tokens[i]
        guard t.hasHyphen, let dash = t.lower.lastIndex(of: "-") else { return nil }
        let verb = lex.id(String(t.lower[t.lower.index(after: dash)...]))
        let flags = verb >= 0 ? lex.table.info[Int(verb)].flags : 0
        guard flags & (WordClass.sponsor | WordClass.leader) != 0,
              case let country = lex.id(String(t.lower[..<dash])), country >= 0,
              let entry = lex.table.actorEntries(startingWith: Int(country)).first(where: { $0.count == 1 && !$0.isPerson })
        else { return nil }
        var actor = Actor(code: entry.root, name: t.text)
        var end = i + 1
        if end < tokens.count, let r = role(at: end, tokens), r.sector != "NON" {
            actor.code += r.sector
            actor.role = r.phrase
            actor.name = tokens[i..<r.end].spokenText
            end = r.end
        } else if flags & WordClass.leader == 0 {
            return nil
        }
        return Mention(start: i, end: end, actor: actor, isPerson: false, reason: .ledBy)
    }

    /// Phenomenon: a country's party named by its proper name ("Portugal's ruling Socialist
    /// Party", "Kenya's opposition Orange Movement"): capitalised words ending in a party word,
    /// after at most two describing words; "opposition" among them makes it the opposition, and
    /// "ruling" the government's side (a ruling party acts for the state).
    private func namedParty(at k: Int, _ tokens: [Token]) -> (sector: String, end: Int)? {
        var j = k, opposition = false, ruling = false
        while j < min(tokens.count, k + 2), !tokens[j].isCapitalized, lex.isA(tokens[j], WordClass.partyAdjective) {
            opposition = opposition || lex.isA(tokens[j], WordClass.oppositionWord)
            ruling = ruling || lex.isA(tokens[j], WordClass.rulingWord)
            j += 1
        }
        let nameStart = j
        while j < min(tokens.count, nameStart + 5), tokens[j].kind == .word, tokens[j].isCapitalized {
            if lex.isA(tokens[j], WordClass.partyHead), j > nameStart { return (opposition ? "OPP" : ruling ? "GOV" : "PTY", j + 1) }
            j += 1
        }
        return nil
    }

    private func role(at i: Int, _ tokens: [Token]) -> (phrase: String, sector: String, end: Int)? {
        let first = tokens[i].lowerID
        guard first >= 0 else { return nil }
        // "border officials", "frontier commanders": a landmark word modifying a title is part of it.
        if lex.isA(tokens[i], WordClass.landmark), i + 1 < tokens.count, let head = role(at: i + 1, tokens) {
            return (tokens[i..<head.end].spokenText, head.sector, head.end)
        }
        // The longest title that matches, by index: its strings are taken once, at the end.
        let roles = lex.table.rolesByID[Int(first)]
        // A longer title needs the next word as its second: the others are passed over by id.
        let seconds = lex.table.roleSecondWords[Int(first)]
        let next = i + 1 < tokens.count ? tokens[i + 1].lowerID : -1
        var best = -1, bestEnd = i
        for e in roles.indices where seconds[e] < 0 || seconds[e] == next {
            let n = roles[e].ids.count
            guard i + n <= tokens.count, best < 0 || i + n > bestEnd else { continue }
            var ok = true
            for k in 0..<n where tokens[i + k].lowerID != roles[e].ids[k] {
                ok = false
                break
            }
            if ok { (best, bestEnd) = (e, i + n) }
        }
        return best < 0 ? nil : (roles[best].phrase, roles[best].sector, bestEnd)
    }

    /// Capitalised words after a title: a name the dictionaries may not know.
    private func properName(at i: Int, _ tokens: [Token]) -> Int? {
        var j = i
        while j < tokens.count, tokens[j].kind == .word, tokens[j].isCapitalized, j - i < 3,
              dictionaryActor(at: j, tokens) == nil || j > i {
            j += 1
        }
        return j > i ? j : nil
    }

    /// Whether a mention can start at token `i`: every way `mention(at:)` finds one needs one of
    /// these. Most words start none, and are answered from their id and flags without the
    /// token being copied.
    /// (One byte of the word's entry kinds answers for its entries and for pronouns.)
    @inline(__always)
    private func mayStartMention(at i: Int, _ tokens: [Token], context: ResolutionContext) -> Bool {
        guard tokens[i].kind == .word else { return false }
        let kinds = tokens[i].kinds
        if kinds & WordTable.hasActorsOrRoles != 0 { return true }
        if kinds & WordTable.isPersonal != 0 && context.lastPerson != nil { return true }
        if tokens[i].isCapitalized && context.mayBeAlias(tokens[i]) { return true }
        return tokens[i].ends(.ed) && tokens[i].hasHyphen // "US-led", "Iranian-backed" (`sponsoredGroup`)
    }

    /// A mention starting at `i`, where `mayStartMention(at: i)`: a word recalling someone named
    /// before, a sponsored group, a dictionary name (with what follows it), else a title.
    private func mention(at i: Int, _ tokens: [Token], context: ResolutionContext) -> Mention? {
        guard tokens[i].kind == .word else { return nil }
        if let recalled = recalled(at: i, tokens, context: context) { return recalled }
        if let sponsored = sponsoredGroup(at: i, tokens) { return sponsored }
        if let (entry, end) = dictionaryActor(at: i, tokens) {
            if !entry.isPerson, let composite = countryComposite(entry, from: i, nameEnd: end, tokens) { return composite }
            return dictionaryName(entry, from: i, to: end, tokens)
        }
        if let title = role(at: i, tokens) {
            return titleAndPerson(title, at: i, tokens) ?? titleOfCountry(title, at: i, tokens) ?? titledName(title, at: i, tokens)
                ?? lastWithTitle(title, at: i, tokens, context: context) ?? unplacedGroup(title, at: i, tokens)
        }
        return nil
    }

    /// A pronoun, or "we" and "I" in quoted speech (which often runs over several sentences),
    /// name the last person; a name introduced with a title, its actor.
    private func recalled(at i: Int, _ tokens: [Token], context: ResolutionContext) -> Mention? {
        let t = tokens[i]
        let flags = lex.flags(t)
        if flags & WordClass.pronoun != 0, let p = context.lastPerson {
            return Mention(start: i, end: i + 1, actor: Actor(code: p.actor.code, name: p.actor.name, role: p.actor.role),
                           isPerson: true, reason: .pronoun)
        }
        if flags & WordClass.firstPerson != 0, !t.is(.us) || t.inQuote, let p = context.lastPerson {
            return Mention(start: i, end: i + 1, actor: Actor(code: p.actor.code, name: p.actor.name, role: p.actor.role),
                           isPerson: t.is(.i) || t.is(.my), reason: .speaker)
        }
        // ("Zhao Ming" after "Zhao Wenli" is another person: a name read on is not recalled.)
        let nameGoesOn = i + 1 < tokens.count && tokens[i + 1].kind == .word && tokens[i + 1].isCapitalized
        if t.isCapitalized, !nameGoesOn, context.mayBeAlias(t), let alias = context.aliases[t.lower] {
            return Mention(start: i, end: i + 1, actor: alias, isPerson: true, reason: .nameIntroducedEarlier)
        }
        return nil
    }

    /// A dictionary name alone: a country named for its edge ("near the Angolan border", "off
    /// Somalia's coast") marks where, not who.
    private func dictionaryName(_ entry: ActorEntry, from i: Int, to end: Int, _ tokens: [Token]) -> Mention {
        let actor = Actor(code: entry.code, name: tokens[i..<end].spokenText, role: entry.role)
        let edge = (end..<min(end + 2, tokens.count)).first { !tokens[$0].is(.possessive) }.map { lex.isA(tokens[$0], WordClass.landmark) } ?? false
        return Mention(start: i, end: end, actor: actor, isPerson: entry.isPerson, reason: .dictionary,
                       isPlace: entry.info.isPlace || edge, isEdge: edge)
    }

    /// Country + party, or country + title (+ name): "Sweden's ruling Social Democratic Party",
    /// "Russian foreign minister Sergey Lavrov", "Russia's army". A body's people keep its code
    /// ("NATO troops", "Red Cross officials"); a country's sports board or company is no actor.
    private func countryComposite(_ entry: ActorEntry, from i: Int, nameEnd: Int, _ tokens: [Token]) -> Mention? {
        var k = nameEnd
        if k < tokens.count && tokens[k].is(.possessive) { k += 1 }
        guard k < tokens.count else { return nil }
        let root = entry.root
        if let party = namedParty(at: k, tokens), !Self.isBodyRoot(root) {
            let actor = Actor(code: root + party.sector, name: tokens[i..<party.end].spokenText)
            return Mention(start: i, end: party.end, actor: actor, isPerson: false, reason: .dictionary)
        }
        guard let r = role(at: k, tokens) else { return nil }
        if r.sector == "NON" {
            return Mention(start: i, end: r.end, actor: Actor(code: "", name: ""), isPerson: false, reason: .none)
        }
        // An organisation's people speak and act for it: "the Chinese foreign ministry's
        // spokeswoman" is the ministry's, not the media's.
        let code = Self.isBodyRoot(root) || entry.code.count > 3 ? entry.code : root + r.sector
        if r.end < tokens.count, let (person, pend) = dictionaryActor(at: r.end, tokens), person.isPerson {
            let actor = Actor(code: person.code, name: tokens[r.end..<pend].spokenText, role: person.role ?? r.phrase)
            return Mention(start: i, end: pend, actor: actor, isPerson: true, reason: .dictionary)
        }
        if let name = name(after: r, tokens) {
            let actor = Actor(code: code, name: tokens[name].spokenText, role: r.phrase)
            return Mention(start: i, end: name.upperBound, actor: actor, isPerson: true, reason: .dictionary)
        }
        return Mention(start: i, end: r.end, actor: Actor(code: code, name: tokens[i..<r.end].spokenText, role: r.phrase),
                       isPerson: false, reason: .dictionary)
    }

    /// A title, its words' phrase and sector (`role(at:)`).
    private typealias Title = (phrase: String, sector: String, end: Int)

    /// Title + known person: "President Vladimir Putin".
    private func titleAndPerson(_ r: Title, at i: Int, _ tokens: [Token]) -> Mention? {
        guard r.end < tokens.count, let (person, pend) = dictionaryActor(at: r.end, tokens), person.isPerson else { return nil }
        let actor = Actor(code: person.code, name: tokens[r.end..<pend].spokenText, role: person.role ?? r.phrase)
        return Mention(start: i, end: pend, actor: actor, isPerson: true, reason: .titleAndPerson)
    }

    /// Title + of + country: "the president of the Russian Federation"; a group + in or from +
    /// country: "rebels in Mali", "police in Chad" (not "its forces in Lebanon").
    private func titleOfCountry(_ r: Title, at i: Int, _ tokens: [Token]) -> Mention? {
        var k = r.end
        guard k < tokens.count, tokens[k].is(.of) || ((tokens[k].is(.in) || tokens[k].is(.from)) && r.sector != "GOV" && !isOwned(i, tokens))
        else { return nil }
        k += 1
        if k < tokens.count, tokens[k].is(.the) { k += 1 }
        guard k < tokens.count, let (entry, end) = dictionaryActor(at: k, tokens), !entry.isPerson else { return nil }
        let actor = Actor(code: entry.root + r.sector, name: tokens[i..<end].spokenText, role: r.phrase)
        return Mention(start: i, end: end, actor: actor, isPerson: false, reason: .titleOfCountry)
    }

    /// "President Dos Santos", "Judge Karel Dvorak": a titled name the dictionaries do not know,
    /// placed once the sentence's actors are known.
    private func titledName(_ r: Title, at i: Int, _ tokens: [Token]) -> Mention? {
        guard r.end < tokens.count, tokens[i].isCapitalized || role(at: r.end, tokens) != nil, r.sector != "NON",
              let name = name(after: r, tokens), name.count >= 2 else { return nil }
        let actor = Actor(code: Self.unplaced + r.sector, name: tokens[name].spokenText, role: r.phrase)
        return Mention(start: i, end: name.upperBound, actor: actor, isPerson: true, reason: .none)
    }

    /// The capitalised name after a title, past a second title that names the person's post in
    /// the body ("foreign ministry spokeswoman Lin Mei": the ministry's person).
    private func name(after r: Title, _ tokens: [Token]) -> Range<Int>? {
        var start = r.end
        if start < tokens.count, let post = role(at: start, tokens), post.sector != "NON" { start = post.end }
        guard start < tokens.count, let end = properName(at: start, tokens) else { return nil }
        return start..<end
    }

    /// "the minister", "the president": the last actor with that title.
    private func lastWithTitle(_ r: Title, at i: Int, _ tokens: [Token], context: ResolutionContext) -> Mention? {
        guard i > 0, tokens[i - 1].is(.the), let actor = context.lastByRole[r.phrase] else { return nil }
        return Mention(start: i, end: r.end, actor: actor, isPerson: true, reason: .lastWithTitle(phrase: r.phrase))
    }

    /// "police opened fire on demonstrators": a group with no country named is of the country
    /// the sentence names nearest to it (PLOVER codes such acts as domestic). "the opposition
    /// coalition", "the teachers' union" name a group as a whole, singular or not.
    private func unplacedGroup(_ r: Title, at i: Int, _ tokens: [Token]) -> Mention? {
        guard Self.isPlacedGroup(r.sector), !(r.end - i == 1 && lex.isA(tokens[i], WordClass.genericPeople)), !isOwned(i, tokens),
              r.sector == "OPP" || r.sector == "LAB" || (r.end - i == 1 && tokens[i].ends(.s)) else { return nil }
        let actor = Actor(code: Self.unplaced + r.sector, name: tokens[i..<r.end].spokenText, role: r.phrase)
        return Mention(start: i, end: r.end, actor: actor, isPerson: false, reason: .none)
    }

    /// A possessive before the title ("its forces in Lebanon"): the group is someone's own.
    private func isOwned(_ i: Int, _ tokens: [Token]) -> Bool { i > 0 && lex.isA(tokens[i - 1], WordClass.possessive) }
}

extension ArraySlice where Element == Token {
    /// The words as written: "Peru's ambassador", not "Peru 's ambassador".
    var spokenText: String {
        if count == 1, let only = first { return only.text } // most names are one word
        var out = ""
        for t in self {
            if !out.isEmpty && !(t.text.hasPrefix("'") || t.kind == .punct && [",", ".", ")"].contains(t.text)) { out += " " }
            out += t.text
        }
        return out
    }
}
