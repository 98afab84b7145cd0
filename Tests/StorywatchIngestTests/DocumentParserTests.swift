import Foundation
import StorywatchIngest
import StorywatchModel
import Testing

struct DocumentParserTests {
    private let parser = DocumentParser()
    private let mayFirst = Day(year: 2026, month: 5, day: 1)

    // MARK: Live blog

    private static let liveBlog = """
        Live updates

        Harbour strike enters third day as talks stall

        Posted at 18:10

        Dock workers at the port of Valmora rejected the latest pay offer on Tuesday evening, union leaders told reporters.

        Union leader Ines Carvalho outside the talks. Credit: Reuters


        Ministers call emergency meeting on port strike

        The transport minister summoned both sides to a meeting in the capital on Wednesday, her office said.

        Sorry, this content cannot be played in your region.


        Strike begins at Valmora port

        Workers at the port walked out at dawn on Monday after talks on pay broke down late on Sunday.

        Load more updates
        """

    @Test func parse_whenLiveBlog_splitsPostsNewestFirst() {
        // Given a live blog of three posts separated by two blank lines
        // When it is parsed
        let document = parser.parse(text: Self.liveBlog, path: "blog.txt", fallbackDate: mayFirst)

        // Then it is a newest-first live blog with one post item per post, in file order
        #expect(document.layout == .liveBlog)
        #expect(document.layout.isNewestFirst)
        #expect(document.items.map(\.kind) == [.post, .post, .post])
        #expect(document.items.map(\.position) == [0, 1, 2])
        #expect(document.items.map(\.headline) == [
            "Harbour strike enters third day as talks stall",
            "Ministers call emergency meeting on port strike",
            "Strike begins at Valmora port",
        ])
        #expect(document.items.first?.text
            == "Dock workers at the port of Valmora rejected the latest pay offer on Tuesday evening, union leaders told reporters.")
    }

    @Test func parse_whenLiveBlogHasFurniture_dropsBoilerplateLines() {
        // Given a live blog with a photo credit, a time stamp, an unavailable-content notice and a "Load more" link
        // When it is parsed
        let document = parser.parse(text: Self.liveBlog, path: "blog.txt", fallbackDate: mayFirst)

        // Then none of that furniture survives in any item
        let allText = document.items.map { ($0.headline ?? "") + "\n" + $0.text }.joined(separator: "\n")
        for furniture in ["Credit: Reuters", "Posted at", "Sorry, this content", "Load more updates", "Live updates"] {
            #expect(!allText.contains(furniture), "\(furniture) should have been dropped")
        }
        #expect(document.items[1].text
            == "The transport minister summoned both sides to a meeting in the capital on Wednesday, her office said.")
    }

    // MARK: Timeline

    private static let timeline = """
        Timeline: the Valmora port dispute

        Key moments in the row over pay at the port.

          • 14 Apr 2026
            Dock workers walk out after talks on pay collapse. The union says
            the strike will last until the company improves its offer.

          • 2 Mar 2026
            The port company offers a two percent rise, which the union
            calls an insult to its members.
        """

    @Test func parse_whenTimeline_givesDatedEntries() {
        // Given a timeline of bulleted date lines, each followed by an indented paragraph
        // When it is parsed
        let document = parser.parse(text: Self.timeline, path: "timeline.txt", fallbackDate: mayFirst)

        // Then each date becomes one dated entry, newest first, and the document takes the latest date
        #expect(document.layout == .timeline)
        #expect(document.layout.isNewestFirst)
        #expect(document.items.map(\.kind) == [.entry, .entry])
        #expect(document.items.map(\.date) == [Day(year: 2026, month: 4, day: 14), Day(year: 2026, month: 3, day: 2)])
        #expect(document.date == Day(year: 2026, month: 4, day: 14))
    }

    @Test func parse_whenTimelineEntryIsHardWrapped_joinsItsLines() {
        // Given a timeline entry whose paragraph is wrapped over two indented lines
        // When it is parsed
        let document = parser.parse(text: Self.timeline, path: "timeline.txt", fallbackDate: mayFirst)

        // Then the entry is one line of text with single spaces, and the intro is not an entry
        #expect(document.items.first?.text == "Dock workers walk out after talks on pay collapse. The union says "
            + "the strike will last until the company improves its offer.")
        #expect(document.items.last?.text == "The port company offers a two percent rise, which the union calls an insult to its members.")
        #expect(!document.items.contains { $0.text.contains("Key moments") })
    }

    // MARK: Wire story

    private static let wire = """
        PORT UNIONS AGREE TO RETURN TO WORK

            TOKYO, April 18 - Dock workers in Yokohama agreed on Friday to
        end a four-day strike after the port operator raised its pay offer,
        the union said.
            "We have won what we asked for," a union spokesman told
        reporters outside the talks.
            The operator said ships would be loaded again from Saturday.
        """

    @Test func parse_whenWireStory_splitsIndentedParagraphs() {
        // Given hard-wrapped wire copy whose paragraphs start with a four-space indent
        // When it is parsed
        let document = parser.parse(text: Self.wire, path: "wire.txt", fallbackDate: mayFirst)

        // Then it is a wire story with one item per indented paragraph, wrapped lines joined
        #expect(document.layout == .wire)
        #expect(!document.layout.isNewestFirst)
        #expect(document.items.count == 3)
        #expect(document.items.map(\.kind) == [.paragraph, .paragraph, .paragraph])
        #expect(document.items[1].text == "\"We have won what we asked for,\" a union spokesman told reporters outside the talks.")
        #expect(document.items[2].text == "The operator said ships would be loaded again from Saturday.")
    }

    @Test func parse_whenWireStory_stripsDatelineAndKeepsHeadline() {
        // Given a wire story whose first paragraph opens with "TOKYO, April 18 - "
        // When it is parsed
        let document = parser.parse(text: Self.wire, path: "wire.txt", fallbackDate: mayFirst)

        // Then the first item starts after the dateline and carries the headline
        #expect(document.items.first?.text == "Dock workers in Yokohama agreed on Friday to end a four-day strike "
            + "after the port operator raised its pay offer, the union said.")
        #expect(document.items.first?.headline == "PORT UNIONS AGREE TO RETURN TO WORK")
        #expect(document.items.dropFirst().allSatisfy { $0.headline == nil })
    }

    @Test func parse_whenCRLFLineEnds_givesSameItems() {
        // Given the wire story with Windows line ends
        let crlf = Self.wire.replacingOccurrences(of: "\n", with: "\r\n")

        // When both are parsed
        let unix = parser.parse(text: Self.wire, path: "wire.txt", fallbackDate: mayFirst)
        let windows = parser.parse(text: crlf, path: "wire.txt", fallbackDate: mayFirst)

        // Then they give the same document
        #expect(windows == unix)
    }

    @Test(arguments: [
        // (fallback date, expected dateline date): the latest April 18 on or before the fallback
        (Day(year: 2026, month: 5, day: 1), Day(year: 2026, month: 4, day: 18)),
        (Day(year: 2026, month: 4, day: 18), Day(year: 2026, month: 4, day: 18)),
        (Day(year: 2026, month: 4, day: 17), Day(year: 2025, month: 4, day: 18)),
        (Day(year: 2026, month: 1, day: 3), Day(year: 2025, month: 4, day: 18)),
    ])
    func parse_whenDatelineHasNoYear_resolvesAgainstFallbackDate(fallback: Day, expected: Day) {
        // Given a dateline without a year and a file date
        // When it is parsed
        let document = parser.parse(text: Self.wire, path: "wire.txt", fallbackDate: fallback)

        // Then the document and its items are dated with the latest such day not after the file date
        #expect(document.date == expected)
        #expect(document.items.allSatisfy { $0.date == expected })
    }

    @Test func parse_whenDatelineHasYear_usesItsYear() {
        // Given a dateline that writes its year, with an agency tag and a double dash
        let text = """
            JERUSALEM, Nov. 26 , 2006 (Xinhua) -- Negotiators from both sides met for three hours on Sunday and agreed to meet again next week, officials said.

            A spokesman said no date had yet been set for the next round.
            """

        // When it is parsed with a fallback date in another year
        let document = parser.parse(text: text, path: "xinhua.txt", fallbackDate: mayFirst)

        // Then the date is the written one and the dateline is gone from the first item
        #expect(document.layout == .wire)
        #expect(document.date == Day(year: 2006, month: 11, day: 26))
        #expect(document.items.count == 2)
        #expect(document.items.first?.text.hasPrefix("Negotiators from both sides") == true)
        #expect(document.items.first?.text.contains("Xinhua") == false)
    }

    @Test func parse_whenDatelineIsFeb29_resolvesToLatestLeapYear() {
        // Given a "Feb 29" dateline in a file dated 1 March 2026, a year without 29 February
        let text = "KYIV, Feb 29 - Talks between the two delegations ended on Thursday without a deal."

        // When it is parsed
        let document = parser.parse(text: text, path: "kyiv.txt", fallbackDate: Day(year: 2026, month: 3, day: 1))

        // Then the date is the latest real 29 February before the file date
        #expect(document.date == Day(year: 2024, month: 2, day: 29))
    }

    // MARK: Blurb list

    private static let blurbs = """
        Farmers block a motorway near the capital in protest over fuel prices – Subscribe to our channel: video.example/newsdesk
        Firefighters battle a blaze at a textile warehouse on the city outskirts – Subscribe to our channel: video.example/newsdesk
        Thousands march in the rain to demand cleaner rivers in the north – Subscribe to our channel: video.example/newsdesk
        Follow us on Twitter: @newsdesk
        """

    @Test func parse_whenBlurbList_stripsFurniture() {
        // Given lines that are each one blurb ending with a call to subscribe
        // When they are parsed
        let document = parser.parse(text: Self.blurbs, path: "videos.txt", fallbackDate: mayFirst)

        // Then each line is one newest-first blurb without the furniture, and the bare "Follow us" line is gone
        #expect(document.layout == .blurbList)
        #expect(document.layout.isNewestFirst)
        #expect(document.items.map(\.kind) == [.blurb, .blurb, .blurb])
        #expect(document.items.map(\.text) == [
            "Farmers block a motorway near the capital in protest over fuel prices",
            "Firefighters battle a blaze at a textile warehouse on the city outskirts",
            "Thousands march in the rain to demand cleaner rivers in the north",
        ])
    }

    @Test func parse_whenBlurbLinesAreShort_keepsOneBlurbPerLine() {
        // Given blurbs on consecutive lines, each well under the width of hard-wrapped copy
        let text = """
            Farmers block a motorway – Subscribe to our channel: video.example/newsdesk
            Fire destroys a warehouse – Subscribe to our channel: video.example/newsdesk
            Thousands march for rivers – Subscribe to our channel: video.example/newsdesk
            """

        // When they are parsed
        let document = parser.parse(text: text, path: "videos.txt", fallbackDate: mayFirst)

        // Then each line is still its own blurb
        #expect(document.layout == .blurbList)
        #expect(document.items.map(\.text) == [
            "Farmers block a motorway", "Fire destroys a warehouse", "Thousands march for rivers",
        ])
    }

    // MARK: Item hashes

    @Test func parse_whenTextIsRewrappedAndRespaced_keepsItemHashes() {
        // Given the same wire story wrapped at another width, with doubled spaces and curly quotes
        let rewrapped = """
            PORT UNIONS  AGREE TO RETURN TO WORK

                TOKYO, April 18 - Dock workers in Yokohama agreed on Friday to end a four-day
            strike after the port  operator raised its pay offer, the union said.
                \u{201C}We have won what we asked for,\u{201D} a union
            spokesman told reporters   outside the talks.
                The operator said ships would be loaded again
            from Saturday.
            """

        // When both are parsed
        let original = parser.parse(text: Self.wire, path: "a.txt", fallbackDate: mayFirst)
        let copy = parser.parse(text: rewrapped, path: "b.txt", fallbackDate: mayFirst)

        // Then their items hash the same
        #expect(copy.items.count == 3)
        #expect(copy.items.map(\.hash) == original.items.map(\.hash))
    }

    @Test func parse_whenPostIsPrepended_keepsOlderItemHashes() {
        // Given a live blog, and the same blog after a new post was added on top
        let before = """
            Live updates

            Ministers call emergency meeting on port strike

            The transport minister summoned both sides to a meeting in the capital on Wednesday, her office said.


            Strike begins at Valmora port

            Workers at the port walked out at dawn on Monday after talks on pay broke down late on Sunday.
            """
        let newPost = "Port strike ends after deal on pay\n\n"
            + "Union leaders and the port company signed an agreement on Thursday night, ending the strike.\n\n\n"
        let after = before.replacingOccurrences(of: "Live updates\n\n", with: "Live updates\n\n" + newPost)

        // When both versions are parsed
        let old = parser.parse(text: before, path: "blog.txt", fallbackDate: mayFirst)
        let new = parser.parse(text: after, path: "blog.txt", fallbackDate: mayFirst)

        // Then the new version has one more item and the old items keep their hashes
        #expect(old.items.count == 2)
        #expect(new.items.count == 3)
        #expect(Array(new.items.dropFirst().map(\.hash)) == old.items.map(\.hash))
        #expect(!old.items.map(\.hash).contains(new.items[0].hash))
    }

    @Test func parse_whenWordsDiffer_changesItemHash() {
        // Given two paragraphs that differ by one figure
        let first = parser.parse(text: "Twelve diplomats were told to leave the country.", path: "a.txt", fallbackDate: mayFirst)
        let second = parser.parse(text: "Thirteen diplomats were told to leave the country.", path: "b.txt", fallbackDate: mayFirst)

        // Then their items hash differently
        #expect(first.items.count == 1)
        #expect(first.items.first?.hash != second.items.first?.hash)
    }

    @Test(arguments: ["Sorry, this content cannot be played in your region.", "SORRY, THIS CONTENT IS NOT SUPPORTED IN YOUR BROWSER"])
    func isBoilerplate_whenUnavailableContentNotice_isTrueWhateverTheReason(_ line: String) {
        // Given a player's apology for media it cannot show, with any reason after it
        // When it is checked
        // Then it is furniture
        #expect(Boilerplate.isBoilerplate(line))
    }

    @Test func isBoilerplate_whenSentenceOpensWithSorry_isFalse() {
        // Given a news sentence that opens with "Sorry" but is no notice
        // When it is checked
        // Then it is kept
        #expect(!Boilerplate.isBoilerplate("Sorry, the minister said, but the talks are over."))
    }
}
