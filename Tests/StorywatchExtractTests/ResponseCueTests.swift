@testable import StorywatchExtract
import StorywatchModel
import Testing

/// An answer to the other side's act named without an explicit "in retaliation" (design §3,
/// retaliation: a vow to punish those behind an attack), on sentences written for the rule.
struct ResponseCueTests {
    @Test(arguments: [
        "Kenya vowed to punish those behind the attack on its embassy.",
        "Ghana pledged to punish whoever ordered the raid on its border post.",
    ])
    func extract_whenSideVowsToPunish_readsAThreatenedAnswer(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        let answer = try #require(events.first { $0.type == .sanction })
        #expect(answer.isResponse)
        #expect(answer.status == .threatened || answer.status == .promised)
    }

    @Test func extract_whenOnlyTheAttackIsTold_readsNoAnswer() throws {
        let events = try Shipped.extractor().extract(text: "Gunmen attacked the Kenyan embassy in Kampala on Sunday.", document: "t.txt")
        #expect(events.allSatisfy { !$0.isResponse })
    }

    /// `Aftermath`: "in the wake of" a hostile act frames an answer; in the wake of a flood, none.
    @Test func extract_whenActFollowsInTheWakeOf_answersOnlyAHostileAct() throws {
        let extractor = try Shipped.extractor()
        let shelling = extractor.extract(text: "Chilean troops shelled Peruvian positions in the wake of the border killings.", document: "t.txt")
        #expect(shelling.contains { $0.type == .assault && $0.isResponse })
        let troops = extractor.extract(text: "Chile sent troops to Peru in the wake of the floods.", document: "t.txt")
        #expect(!troops.isEmpty)
        #expect(troops.allSatisfy { !$0.isResponse })
    }

    /// An answer with no party as its object is aimed at the party named in the measure the
    /// sentence goes on to state, not at whoever acted last.
    @Test(arguments: [
        ("Minsk hit back on Friday, an aide saying that \"Belarus will recall its envoy from Norway.\"", "NOR"),
        ("Lima retaliated on Monday, officials saying that Peru would close its border with Chile.", "CHL"),
    ])
    func extract_whenAnswerStatesItsMeasure_aimsAtThePartyOfTheMeasure(_ sentence: String, _ party: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt")
        let answer = try #require(events.first { $0.isResponse })
        #expect(answer.target?.root == party)
    }
}
