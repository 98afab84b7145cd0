import Synchronization

/// Collects the webhooks reported down by a delivery worker's or pool's `onHealthChange`.
package final class Reports: Sendable {
    private let items = Mutex<[[String]]>([])

    package init() {}

    package func append(_ item: [String]) { items.withLock { $0.append(item) } }

    package var all: [[String]] { items.withLock { $0 } }
}
