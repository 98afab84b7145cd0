/// PLOVER's 16 event types, in the order of design §3.
package enum EventType: String, Sendable, Codable, CaseIterable {
    case agree = "AGREE", consult = "CONSULT", support = "SUPPORT", concede = "CONCEDE"
    case cooperate = "COOPERATE", aid = "AID", retreat = "RETREAT", request = "REQUEST"
    case accuse = "ACCUSE", reject = "REJECT", threaten = "THREATEN", protest = "PROTEST"
    case sanction = "SANCTION", mobilize = "MOBILIZE", coerce = "COERCE", assault = "ASSAULT"

    /// Position on the conflict scale used by escalation (design §3); nil when off the scale.
    package var conflictRank: Int? {
        switch self {
        case .consult: 0
        case .accuse: 1
        case .threaten: 2
        case .sanction: 3
        case .coerce: 4
        case .mobilize: 5
        case .assault: 6
        default: nil
        }
    }
}

/// How the action stands as the sentence reports it (design §3, Status).
package enum EventStatus: String, Sendable, Codable, CaseIterable {
    case proposed, demanded, threatened, promised, considered, done, refused, denied, admitted, cancelled

    /// A stance about a future action: what a later `done` fulfils or a refusal reverses.
    package var isIntent: Bool {
        switch self {
        case .proposed, .demanded, .threatened, .promised: true
        default: false
        }
    }
}

/// A figure attached to an event ("35 diplomats", "26 dead").
package struct Quantity: Sendable, Hashable, Codable {
    package var value: Double
    package var unit: String?

    package init(value: Double, unit: String? = nil) {
        self.value = value
        self.unit = unit
    }
}

/// One action mentioned in one sentence.
package struct Event: Sendable, Hashable, Codable {
    package var source: Actor?
    package var target: Actor?
    package var saidBy: Actor?
    package var type: EventType?
    package var mode: String
    package var status: EventStatus
    package var quantity: Quantity?
    package var date: Day?
    /// Path of the document relative to the corpus root.
    package var document: String
    /// The sentence, verbatim.
    package var quote: String
    /// The sentence frames the action as an answer ("in retaliation for", "tit-for-tat").
    package var isResponse: Bool
    /// The sentence says an agreement or truce was breached.
    package var isBreach: Bool
    /// Reading order inside the document (chronological after newest-first reversal).
    package var order: Int
    /// The policy the action is about, as normalised head words ("fuel tax plan"), when the
    /// action is a side's stance on a policy object of its own (design §2, Policy storyline).
    package var object: String?
    /// The sentence recounts what happened before the document's news (design §2,
    /// Background): it updates a storyline's history but raises nothing.
    package var isBackground: Bool
    /// The sentence tells the act as going on ("still shelling", "continued to bomb"): begun
    /// before the news, so no fresh answer to the other side's latest act.
    package var isOngoing: Bool

    @inlinable package init(source: Actor?, target: Actor?, saidBy: Actor? = nil, type: EventType?, mode: String,
                 status: EventStatus, quantity: Quantity? = nil, date: Day? = nil, document: String,
                 quote: String, isResponse: Bool = false, isBreach: Bool = false, order: Int = 0,
                 object: String? = nil, isBackground: Bool = false, isOngoing: Bool = false) {
        self.source = source
        self.target = target
        self.saidBy = saidBy
        self.type = type
        self.mode = mode
        self.status = status
        self.quantity = quantity
        self.date = date
        self.document = document
        self.quote = quote
        self.isResponse = isResponse
        self.isBreach = isBreach
        self.order = order
        self.object = object
        self.isBackground = isBackground
        self.isOngoing = isOngoing
    }

    /// The action family a thread follows: type and mode.
    package var family: String { "\(type?.rawValue ?? "NONE")/\(mode)" }

    /// The target when it is another party. A party acting on its own people or ground
    /// ("Sudan lifted the state of emergency in Darfur") is coded with itself as target, as
    /// PLOVER does; storylines read such an event as domestic.
    /// A government and the rebels of its own country are different sides (`Actor.side`).
    package var foreignTarget: Actor? { target?.side == source?.side ? nil : target }

    /// The side that acts or speaks for the action (design §2, Side).
    package var side: String? {
        switch status {
        case .denied, .admitted: saidBy?.side ?? source?.side
        default: source?.side ?? saidBy?.side
        }
    }
}

extension Event {
    private enum CodingKeys: String, CodingKey {
        case source, target, saidBy, type, mode, status, quantity, date, document, quote, isResponse, isBreach, order
        case object, isBackground, isOngoing
    }

    /// States written before `object`, `isBackground` and `isOngoing` existed read as no object,
    /// not background, not going on.
    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try c.decodeIfPresent(Actor.self, forKey: .source),
                  target: try c.decodeIfPresent(Actor.self, forKey: .target),
                  saidBy: try c.decodeIfPresent(Actor.self, forKey: .saidBy),
                  type: try c.decodeIfPresent(EventType.self, forKey: .type),
                  mode: try c.decode(String.self, forKey: .mode), status: try c.decode(EventStatus.self, forKey: .status),
                  quantity: try c.decodeIfPresent(Quantity.self, forKey: .quantity),
                  date: try c.decodeIfPresent(Day.self, forKey: .date),
                  document: try c.decode(String.self, forKey: .document), quote: try c.decode(String.self, forKey: .quote),
                  isResponse: try c.decodeIfPresent(Bool.self, forKey: .isResponse) ?? false,
                  isBreach: try c.decodeIfPresent(Bool.self, forKey: .isBreach) ?? false,
                  order: try c.decodeIfPresent(Int.self, forKey: .order) ?? 0,
                  object: try c.decodeIfPresent(String.self, forKey: .object),
                  isBackground: try c.decodeIfPresent(Bool.self, forKey: .isBackground) ?? false,
                  isOngoing: try c.decodeIfPresent(Bool.self, forKey: .isOngoing) ?? false)
    }
}
