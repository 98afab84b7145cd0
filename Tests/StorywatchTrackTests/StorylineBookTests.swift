import StorywatchModel
@testable import StorywatchTrack
import Testing

/// `StorylineBook`: one document's bookkeeping over a repository kept in memory.
struct StorylineBookTests {
    final class Memory: StorylineRepository {
        var states: [String: StorylineState] = [:]
        var recorded: Set<String> = []
        private(set) var reads = 0

        func storyline(id: String) throws -> StorylineState? {
            reads += 1
            return states[id]
        }

        func developmentExists(id: String) throws -> Bool { recorded.contains(id) }
    }

    private func expel(_ source: Actor, _ target: Actor, day: Int, quote: String) -> Event {
        Given.event(source, target, .sanction, "expel", .done, on: Given.march(day), quote: quote)
    }

    @Test func record_whenSameTurnToldTwiceInDocument_raisesItOnce() throws {
        let memory = Memory()
        var book = StorylineBook(repository: memory, tracker: Tracker())
        _ = try book.record(expel(Given.norway, Given.belarus, day: 1, quote: "Norway expelled two Belarusian envoys."))
        let answer = expel(Given.belarus, Given.norway, day: 2, quote: "Belarus expelled two Norwegian envoys.")
        let first = try book.record(answer)
        var retold = answer
        retold.order = 5
        #expect(first?.kind == .retaliation)
        #expect(try book.record(retold) == nil)
        #expect(book.changedStates.map(\.id) == ["BLR-NOR"])
    }

    @Test func record_whenDevelopmentRecordedByEarlierPass_raisesNothing() throws {
        let memory = Memory()
        var first = StorylineBook(repository: memory, tracker: Tracker())
        _ = try first.record(expel(Given.norway, Given.belarus, day: 1, quote: "Norway expelled two Belarusian envoys."))
        let answer = expel(Given.belarus, Given.norway, day: 2, quote: "Belarus expelled two Norwegian envoys.")
        let development = try #require(try first.record(answer))
        // A second pass over the same article, with the state and the development stored.
        memory.recorded.insert(development.id)
        for state in first.changedStates { memory.states[state.id] = state }
        var second = StorylineBook(repository: memory, tracker: Tracker())
        #expect(try second.record(answer) == nil)
    }

    @Test func assess_whenStorylineTouchedAgain_readsTheRepositoryOnce() throws {
        let memory = Memory()
        var book = StorylineBook(repository: memory, tracker: Tracker())
        _ = try book.assess(Given.event(Given.norway, nil, .consult, "other", .done, on: Given.march(1), quote: "Norway met."))
        _ = try book.assess(Given.event(Given.norway, nil, .consult, "other", .done, on: Given.march(2), quote: "Norway met again."))
        #expect(memory.reads == 1)
    }

    @Test func record_whenAdmissionFiledUnderAnotherStoryline_findsTheDenial() throws {
        let memory = Memory()
        var book = StorylineBook(repository: memory, tracker: Tracker())
        // Belarus denies hacking Norway (the Belarus – Norway storyline)…
        let denial = Given.event(Given.belarus, Given.norway, .coerce, "cyber", .denied, on: Given.march(1), saidBy: Given.minsk,
                                 quote: "Minsk denied that its agents broke into Norwegian servers.")
        _ = try book.record(denial)
        // …and later admits an act told with no target (its own storyline).
        let admission = Given.event(Given.belarus, nil, .coerce, "cyber", .admitted, on: Given.march(9), saidBy: Given.minsk,
                                    quote: "Minsk admitted that its agents had broken into foreign servers.")
        let development = try book.record(admission)
        #expect(development?.kind == .reversal)
        #expect(development?.previous?.quote == denial.quote)
    }

    @Test func record_whenAdmittedWithNoDenialAnywhere_raisesNoReversal() throws {
        var book = StorylineBook(repository: Memory(), tracker: Tracker())
        let admission = Given.event(Given.belarus, nil, .coerce, "cyber", .admitted, on: Given.march(9), saidBy: Given.minsk,
                                    quote: "Minsk admitted that its agents had broken into foreign servers.")
        #expect(try book.record(admission)?.kind != .reversal)
    }
}

