@testable import StorywatchExtract
import StorywatchModel
import Testing

/// Two clauses joined by "and": the party after "and" is the second clause's subject, not a
/// subject joined to the first clause's object (`CoordinatedSubjects`), a gerund after it
/// continues that second clause (`continueClause`), and the means after a verb of answer is
/// the answer (`answeringTrigger`, `SettingPhrase`). Sentences written for the rules.
struct JoinedClausesTests {
    @Test(arguments: [
        "Malawi expelled two Zambian diplomats, and Zambia ordered out three Malawian diplomats.",
        "Malawi expelled two Zambian diplomats and Zambia ordered out three Malawian diplomats.",
        "Malawi expelled two Zambian diplomats and Zambia answered by ordering out three Malawian diplomats.",
        "Malawi expelled two Zambian diplomats, and Zambia responded on Friday by expelling three Malawian diplomats.",
    ])
    func extract_whenSecondClauseAnswersTheFirst_readsEachSideItsOwnAct(_ sentence: String) throws {
        let events = try Shipped.extractor().extract(text: sentence, document: "t.txt").filter { $0.type == .sanction }
        let pairs = Set(events.map { "\($0.source?.code ?? "-")>\($0.target?.root ?? "-")" })
        #expect(pairs == ["MWI>ZMB", "ZMB>MWI"], "\(events.map { ($0.source?.code, $0.target?.code, $0.family) })")
    }

    @Test func extract_whenAnsweredByMeans_marksTheMeansAsTheAnswer() throws {
        let events = try Shipped.extractor().extract(
            text: "Malawi expelled two Zambian diplomats and Zambia answered by ordering out three Malawian diplomats.", document: "t.txt")
        #expect(events.first { $0.source?.root == "MWI" }?.isResponse == false)
        #expect(events.first { $0.source?.root == "ZMB" }?.isResponse == true)
    }

    /// A list of three keeps its comma before "and"; the subjects each act.
    @Test func extract_whenThreeSubjectsListed_readsEachAsSource() throws {
        let events = try Shipped.extractor().extract(
            text: "Malawi, Zambia, and Zimbabwe expelled Mozambican diplomats.", document: "t.txt")
        #expect(Set(events.compactMap { $0.source?.root }) == ["MWI", "ZMB", "ZWE"])
    }

    /// A fact told after "after" came first: its event is read first.
    @Test func extract_whenActToldAfterAfter_readsItFirst() throws {
        let events = try Shipped.extractor().extract(
            text: "Malawian guns shelled Zambian posts on Sunday after Zambian mortars killed two Malawian farmers.", document: "t.txt")
        #expect(events.compactMap { $0.source?.root } == ["ZMB", "MWI"], "\(events.map { ($0.source?.code, $0.family) })")
    }
}
