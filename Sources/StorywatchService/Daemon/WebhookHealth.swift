import Foundation
import Synchronization

/// Webhooks currently failing and since when, for STATUS= lines.
final class WebhookHealth: Sendable {
    private let down = Mutex<[String: Date]>([:])

    func update(downNow names: [String], now: Date = Date()) {
        down.withLock { down in
            down = down.filter { names.contains($0.key) }
            for name in names where down[name] == nil { down[name] = now }
        }
    }

    var failing: [(name: String, since: Date)] {
        down.withLock { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
    }
}
