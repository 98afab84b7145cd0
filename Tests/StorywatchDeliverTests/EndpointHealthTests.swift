import Foundation
import StorywatchDeliver
import Testing

struct EndpointHealthTests {
    private static let t0 = Date(timeIntervalSince1970: 1_000)

    @Test func record_whenFailingPastThreshold_reportsDownOnce() {
        // Given a webhook that fails every attempt for 20 minutes
        var health = EndpointHealth(threshold: 600)
        let changes = stride(from: 0.0, through: 1_200, by: 60).compactMap { t in
            health.record(success: false, error: "HTTP 503", now: Self.t0.addingTimeInterval(t))
        }
        // Then it is reported down once, from the first failure
        #expect(changes == [.down(since: Self.t0, lastError: "HTTP 503")])
        #expect(health.isDown)
    }

    @Test func record_whenSucceedingAfterDown_reportsRecoveredOnce() {
        var health = EndpointHealth(threshold: 0)
        _ = health.record(success: false, now: Self.t0)
        #expect(health.record(success: true, now: Self.t0.addingTimeInterval(5)) == .recovered(downSince: Self.t0))
        #expect(health.record(success: true, now: Self.t0.addingTimeInterval(6)) == nil)
        #expect(!health.isDown)
    }

    @Test func record_whenFailureIsShort_reportsNothing() {
        var health = EndpointHealth(threshold: 600)
        #expect(health.record(success: false, now: Self.t0) == nil)
        #expect(health.record(success: true, now: Self.t0.addingTimeInterval(30)) == nil)
    }
}
