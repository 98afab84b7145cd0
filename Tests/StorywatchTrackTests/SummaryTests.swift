import Foundation
import StorywatchModel
import Testing
@testable import StorywatchTrack

/// Every summary the builder can write — each kind × status × type (and mode with its own
/// wording), after an earlier event of the same side and of the other — read for the faults
/// people noticed: a doubled word, a stray figure, the quote copied in, more than one sentence.
struct SummaryTests {
    static let builder = DevelopmentBuilder(names: ["BLR": "Belarus", "NOR": "Norway"])
    static let quote = "Officials in Minsk said on Tuesday that the government would keep every option open "
        + "while the dispute with Oslo over the border crossings and the expelled envoys continued."

    /// The types with each mode the summary words differently, and no type (a figure or a policy).
    static let actions: [(EventType?, String)] = EventType.allCases.map { ($0, "other") }
        + [(.sanction, "expel"), (.sanction, "withdraw"), (.sanction, "discontinue"), (.coerce, "cyber"),
           (.coerce, "misinformation"), (.retreat, "ceasefire"), (nil, "other")]

    static func event(_ source: Actor, _ target: Actor, _ type: EventType?, _ mode: String, _ status: EventStatus,
                      quantity: Quantity? = nil, object: String? = nil) -> Event {
        Event(source: source, target: target, type: type, mode: mode, status: status, quantity: quantity,
              document: "2025/belarus.txt", quote: quote, object: object)
    }

    /// All summaries, one a line: "kind status type/mode previous: summary".
    static func allSummaries() -> [(label: String, summary: String)] {
        let belarus = Actor(code: "BLRGOV", name: "Minsk")
        let norway = Actor(code: "NOR", name: "Norway")
        var out: [(String, String)] = []
        for kind in DevelopmentKind.allCases {
            for status in EventStatus.allCases {
                for (type, mode) in actions {
                    let current = event(belarus, norway, type, mode, status, quantity: Quantity(value: 35, unit: "dead"))
                    let previous = [nil, event(belarus, norway, .threaten, "other", .threatened, quantity: Quantity(value: 12)),
                                    event(norway, belarus, type, mode, .done, quantity: Quantity(value: 26, unit: "dead"))]
                    for (n, p) in previous.enumerated() {
                        let label = "\(kind.rawValue) \(status.rawValue) \(type?.rawValue ?? "NONE")/\(mode) p\(n)"
                        out.append((label, builder.summary(kind: kind, event: current, previous: p)))
                    }
                }
            }
        }
        return out
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
    }

    @Test func summary_forEveryKindStatusAndType_isOnePlainSentence() throws {
        // Given every combination, written out for a reader to review
        let all = Self.allSummaries()
        #expect(all.count == DevelopmentKind.allCases.count * EventStatus.allCases.count * Self.actions.count * 3)
        let text = all.map { "\($0.label): \($0.summary)" }.joined(separator: "\n") + "\n"
        try text.write(toFile: NSTemporaryDirectory() + "storywatch-summaries.txt", atomically: true, encoding: .utf8)

        let quoteRuns = Set(Self.runs(of: 8, in: Self.words(Self.quote)))
        let strayFigure = try Regex(#", \d+( \(|,|$)"#)
        for (label, summary) in all {
            let words = Self.words(summary)
            // Then no word follows itself
            let doubled = zip(words, words.dropFirst()).filter { $0 == $1 }
            #expect(doubled.isEmpty, "\(label): doubled word in \"\(summary)\"")
            // no figure hangs off a comma ("…, 12 (" or "…, 35,")
            #expect(summary.firstMatch(of: strayFigure) == nil, "\(label): stray figure in \"\(summary)\"")
            // no run of 8 words comes from the quote, and no quote marks or file names appear
            #expect(Self.runs(of: 8, in: words).allSatisfy { !quoteRuns.contains($0) }, "\(label): quote in \"\(summary)\"")
            #expect(!summary.contains("\"") && !summary.contains(".txt"), "\(label): \"\(summary)\"")
            // one sentence: a capital first, one full stop at the end, no colon
            #expect(summary.first?.isUppercase == true && summary.hasSuffix("."), "\(label): \"\(summary)\"")
            #expect(summary.dropLast().allSatisfy { $0 != "." && $0 != ":" }, "\(label): \"\(summary)\"")
            #expect(!summary.contains("Unknown"), "\(label): \"\(summary)\"")
        }
    }

    static func runs(of n: Int, in words: [String]) -> [String] {
        words.count < n ? [] : (0...(words.count - n)).map { words[$0..<$0 + n].joined(separator: " ") }
    }

    /// An answer in kind names both acts; PLOVER's discontinue (tariffs, embargoes, ties cut) reads as
    /// economic measures, never as a break in ties.
    static let answers: [(mode: String, summary: String)] = [
        ("expel", "Belarus expels Norway's diplomats in response to Norway's expulsion of Belarus' diplomats."),
        ("discontinue", "Belarus imposes economic measures on Norway in response to Norway's economic measures on Belarus."),
    ]

    @Test(arguments: answers) func summary_whenRetaliation_namesWhatItAnswers(_ answer: (mode: String, summary: String)) {
        // Given Norway's measure against Belarus, then Belarus answering in kind
        let norway = Actor(code: "NOR", name: "Norway")
        let belarus = Actor(code: "BLR", name: "Belarus")
        let earlier = Self.event(norway, belarus, .sanction, answer.mode, .done)
        let reply = Self.event(belarus, norway, .sanction, answer.mode, .done)

        // Then the retaliation reads as one sentence naming both acts
        #expect(Self.builder.summary(kind: .retaliation, event: reply, previous: earlier) == answer.summary)
    }

    @Test func summary_whenViolation_namesTheOtherPartyOfTheTruce() {
        // Given a ceasefire Norway agreed with Belarus, then Belarus attacking Norway
        let norway = Actor(code: "NOR", name: "Norway")
        let belarus = Actor(code: "BLR", name: "Belarus")
        let truce = Self.event(norway, belarus, .retreat, "ceasefire", .done)
        let attack = Self.event(belarus, norway, .assault, "other", .done)

        // When the violation is summarised, the truce is Belarus' with Norway
        #expect(Self.builder.summary(kind: .violation, event: attack, previous: truce)
            == "Belarus attacks Norway, breaking the ceasefire with Norway.")
    }

    @Test func summary_whenPolicyCalledOff_namesThePolicy() {
        // Given a government's promise of its own plan, then its cancellation
        let norway = Actor(code: "NORGOV", name: "the Norwegian government")
        let promised = Event(source: norway, target: nil, type: nil, mode: "other", status: .promised,
                             document: "a.txt", quote: "q", object: "road toll plan")
        var dropped = promised
        dropped.status = .cancelled

        // Then the reversal names the plan and the earlier promise
        #expect(Self.builder.summary(kind: .reversal, event: dropped, previous: promised)
            == "Norway calls off the road toll plan, reversing its earlier promise.")
    }

    @Test func summary_whenFigureChanges_saysWhichWay() {
        let norway = Actor(code: "NOR", name: "Norway")
        let before = Event(source: norway, target: nil, type: nil, mode: "other", status: .done,
                           quantity: Quantity(value: 26, unit: "dead"), document: "a.txt", quote: "q")
        var after = before
        after.quantity = Quantity(value: 35, unit: "dead")
        #expect(Self.builder.summary(kind: .update, event: after, previous: before) == "Norway reports 35 dead, up from 26.")
    }
}
