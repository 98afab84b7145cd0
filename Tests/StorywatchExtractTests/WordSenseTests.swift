@testable import StorywatchExtract
import StorywatchModel
import Testing

/// Word senses a phrase's object decides, on sentences written for each sense.
struct WordSenseTests {
    @Test(arguments: [
        // Blocking a decision is rejecting it; blocking roads is a protest.
        ("Germany said it would block the motion at the council meeting.", EventType.reject),
        ("Austria blocked the proposal to widen the quota.", EventType.reject),
    ])
    func extract_whenBlockTakesADecision_readsRejection(_ c: (String, EventType)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        #expect(events.map(\.type) == [c.1])
    }

    @Test(arguments: [
        // Pounding, striking or hitting military targets is force; striking a deal or a storm striking is not.
        ("Malawian artillery pounded Zambian army positions on Sunday.", true),
        ("Zambian jets struck rebel bases in northern Malawi.", true),
        ("Malawi and Zambia struck a deal on border trade.", false),
        ("The Malawian kwacha pounded lower against the dollar.", false),
    ])
    func extract_whenForceVerbTakesAMilitaryTarget_readsForce(_ c: (String, Bool)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        #expect(events.contains { $0.type == .assault } == c.1, "\(events.map(\.family))")
    }

    // "promising" describing a noun is an adjective, no promise; after "be" it is the verb.
    @Test func extract_whenPromisingDescribesANoun_readsNoPromise() throws {
        let adjective = try Shipped.extractor().extract(text: "Chile and Peru held frankly promising discussions in Lima.", document: "t.txt")
        #expect(!adjective.contains { $0.type == .agree }, "\(adjective)")
        let verb = try Shipped.extractor().extract(text: "Chile is promising fresh aid to Peru.", document: "t.txt")
        #expect(verb.contains { $0.type == .aid && $0.status == .promised }, "\(verb)")
    }

    // "May" capitalised inside a sentence is the month, no modal; at its start it may be either.
    @Test func extract_whenMayNamesTheMonth_readsNoModal() throws {
        let month = try Shipped.extractor().extract(
            text: "The visit, which had been planned for May, was called off after Chile criticised Peru.", document: "t.txt")
        #expect(month.contains { $0.type == .accuse && $0.status == .done }, "\(month)")
        let modal = try Shipped.extractor().extract(text: "Chile may expel two Peruvian diplomats.", document: "t.txt")
        #expect(modal.contains { $0.type == .sanction && $0.status == .considered }, "\(modal)")
    }

    // Looking forward to an act is expecting it: the act is promised, not done.
    @Test func extract_whenLookingForwardToAnAct_readsItPromised() throws {
        let events = try Shipped.extractor().extract(text: "Peru said it was looking forward to a visit by the Chilean president.", document: "t.txt")
        #expect(events.contains { $0.type == .consult && $0.status == .promised }, "\(events)")
    }

    @Test func extract_whenBlockTakesRoads_readsProtest() throws {
        let events = try Shipped.extractor().extract(text: "Farmers in Chile blocked the roads into Santiago.", document: "t.txt")
        #expect(events.first?.type == .protest)
    }
}

/// Agreements reached and truces agreed, and organised labour as a side, on our own sentences.
struct AgreementAndLabourTests {
    @Test(arguments: [
        "Chile and Peru reached an agreement on fishing rights.",
        "Chile struck a deal with Peru on fishing rights.",
    ])
    func extract_whenDealReachedOrStruck_readsAgreement(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        #expect(events.contains { $0.type == .agree && $0.source?.root == "CHL" && $0.target?.root == "PER" }, "\(events)")
        #expect(!events.contains { $0.type == .assault })
    }

    @Test func extract_whenTruceAgreed_readsAnAgreementOfATruce() throws {
        let events = try Shipped.extractor().extract(text: "Chile and Peru agreed to a ceasefire on Sunday.", document: "t.txt")
        #expect(events.contains { $0.type == .agree && $0.mode == "ceasefire" && $0.status == .done }, "\(events)")
    }

    @Test func extract_whenUnionActs_isLabourOfItsCountry() throws {
        let events = try Shipped.extractor().extract(text: "Chilean unions staged a national strike against the pension law.",
                                                     document: "t.txt")
        let strike = try #require(events.first { $0.type == .protest })
        #expect(strike.source?.code == "CHLLAB")
        #expect(strike.source?.side == "CHLLAB")
    }
}

/// `LabourSense`: "strike" is industrial action when labour is the party, people are "on" it,
/// or it is balloted or voted on; force otherwise.
struct LabourSenseTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("The Chilean teachers' union will ballot its members on strikes over pay.", source: "CHL", target: nil, .protest, "strike", .promised),
        ExpectedEvent("Thousands of Chilean nurses were on strike on Friday.", source: "CHL", target: nil, .protest, "strike", .done),
        // Trap: jets carry out air strikes.
        ExpectedEvent("Chilean jets carried out strikes on rebel camps in Peru.", source: "CHL", target: "PER", .assault, "other", .done),
        // A vote to walk out decides a strike still to come.
        ExpectedEvent("Chilean dockers' union members voted to strike for two days next month.", source: "CHL", target: nil, .protest, "strike", .promised),
        // A warning of strikes by a union is a threatened walkout, and so is industrial action.
        ExpectedEvent("Peruvian miners' union leaders warned of strikes over the new safety code.", source: "PER", target: "PER", .protest, "strike", .threatened),
        ExpectedEvent("The Chilean nurses' union threatened industrial action over the rota.", source: "CHL", target: nil, .protest, "strike", .threatened),
        // A strike with no agent named that hurts no one is a walkout of the country's workers.
        ExpectedEvent("At least thirty strikes broke out across Peru in the past week.", source: "PER", target: "PER", .protest, "strike", .done),
        // A walkout called off is a concession.
        ExpectedEvent("The Chilean dockers' union called off its strike after a pay offer.", source: "CHL", target: nil, .concede, "other", .done),
        // Trap: pressed to call off a strike, no one has conceded yet.
        ExpectedEvent("The Chilean port authority urged the dockers' union to call off its strike.", source: "CHL", target: "CHL", .protest, "strike", .cancelled),
        // Trap: a strike with no agent that kills is force, coded to where it happened.
        ExpectedEvent("Two soldiers were killed in a strike near the Peruvian town of Tumbes.", source: "PER", target: "PER", .assault, "other", .done),
    ]

    @Test(arguments: cases)
    func extract_whenStrikeIsLabours_readsAWalkout(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    /// People on strike with no group named are workers: organised labour, not the public.
    @Test func extract_whenUnnamedPeopleStrike_theyAreLabour() throws {
        let events = try Shipped.extractor().extract(text: "Hundreds of bus drivers were on strike across Peru on Monday.", document: "t.txt")
        let strike = try #require(events.first { $0.type == .protest })
        #expect(strike.source?.code == "PERLAB")
        #expect(strike.status == .done)
    }
}

/// `ConditionalWarning`: harm to relations warned of on a condition is the speaker's threat
/// against the party whose act is the condition; a harm told in the past, or a good outcome, is none.
struct ConditionalWarningTests {
    static let cases: [ExpectedEvent] = [
        ExpectedEvent("If Norway goes ahead with the motion, it will seriously damage relations with China, a Chinese spokesman said.",
                      source: "CHN", target: "NOR", .threaten, "relations", .threatened),
        ExpectedEvent("A Chinese spokesman said ties with Norway would be harmed unless Oslo dropped the motion.",
                      source: "CHN", target: "NOR", .threaten, "relations", .threatened),
        // What would be harmed ("all trade and cooperation") names no act of its own.
        ExpectedEvent("If Peru goes ahead with the vote, this will hurt relations and affect all trade and cooperation, a Chilean envoy said.",
                      source: "CHL", target: "PER", .threaten, "relations", .threatened),
    ]

    @Test(arguments: cases)
    func extract_whenHarmToRelationsIsConditional_readsAThreat(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }

    @Test(arguments: [
        "The dispute over fishing quotas damaged relations between Chile and Peru last year.",
        "If it rains, the match will affect relations between the clubs, the coach said.",
        "Chile said relations with Peru would improve if the talks went well.",
    ])
    func extract_whenNoConditionalHarm_readsNoThreat(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        #expect(!events.contains { $0.type == .threaten }, "\(events)")
    }
}

/// Concessions given up, on our own sentences.
struct ConcessionTests {
    @Test(arguments: [
        ("Portugal will forgo two billion euros of its farm rebate.", EventStatus.promised),
        ("Portugal gave up its claim to the islands.", .done),
        ("Portugal will give in.", .promised),
    ])
    func extract_whenPartyGivesSomethingUp_readsConcession(_ c: (String, EventStatus)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        #expect(events.contains { $0.type == .concede && $0.source?.root == "PRT" && $0.status == c.1 }, "\(events)")
    }
}

/// Disapproval voiced as a feeling, and a plan called unacceptable, on our own sentences.
struct DisapprovalTests {
    @Test(arguments: [
        ("Peru expressed indignation at the Chilean statements.", EventType.accuse),
        ("Peru voiced anger over the Chilean raid.", .accuse),
        ("Peru called the Chilean plan unacceptable.", .reject),
    ])
    func extract_whenPartyVoicesDisapproval_readsItAgainstTheOther(_ c: (String, EventType)) throws {
        let events = try Shipped.extractor().extract(text: c.0, document: "t.txt")
        #expect(events.contains { $0.type == c.1 && $0.source?.root == "PER" && $0.target?.root == "CHL" }, "\(events)")
    }

    // Trap: anger felt by no party names no act of one.
    @Test func extract_whenAngerHasNoParty_readsNoDisapproval() throws {
        let events = try Shipped.extractor().extract(text: "Public anger over fuel prices grew last week.", document: "t.txt")
        #expect(!events.contains { $0.type == .accuse }, "\(events)")
    }
}

/// Ports closed to the other side's ships are a restriction; reopened, access given back.
struct PortsTests {
    @Test(arguments: [
        ExpectedEvent("Malawi closed its ports to Zambian fishing boats on Monday.", source: "MWI", target: "ZMB", .coerce, "restrict", .done),
        ExpectedEvent("Zambia will reopen its ports to Malawian ships next week.", source: "ZMB", target: "MWI", .retreat, "access", .promised),
    ])
    func extract_whenPortsClosedOrReopened_readsRestrictionOrAccess(_ expected: ExpectedEvent) throws {
        try expected.verify(with: Shipped.extractor())
    }
}
