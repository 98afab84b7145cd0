import Foundation
import StorywatchService
import Testing

@Suite struct StatusTextTests {
    @Test func groupsThousandsWithCommas() {
        #expect(StatusText.grouped(0) == "0")
        #expect(StatusText.grouped(999) == "999")
        #expect(StatusText.grouped(1_000) == "1,000")
        #expect(StatusText.grouped(10_000) == "10,000")
        #expect(StatusText.grouped(1_234_567) == "1,234,567")
        #expect(StatusText.grouped(-1_234) == "-1,234")
    }

    @Test func clockIsLocalHoursAndMinutes() {
        let text = StatusText.clock(Date(timeIntervalSince1970: 0))
        #expect(text.count == 5)
        #expect(text.dropFirst(2).first == ":")
        #expect(text.allSatisfy { $0.isNumber || $0 == ":" })
    }
}
