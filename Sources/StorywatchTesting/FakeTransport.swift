import Foundation
import StorywatchDeliver
import Synchronization

/// An `HTTPTransport` that answers from a script, in memory: request n (0-based) gets
/// `replies[n]`, later ones `fallback`. Tests await the requests it saw instead of polling.
package final class FakeTransport: HTTPTransport {
    private struct State {
        var requests: [HTTPRequest] = []
        var waiters: [UUID: (count: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
    }

    private let replies: [Result<HTTPResponse, TransportFailure>]
    private let fallback: Result<HTTPResponse, TransportFailure>
    private let state = Mutex(State())

    package init(replies: [Result<HTTPResponse, TransportFailure>] = [],
                 fallback: Result<HTTPResponse, TransportFailure> = .success(HTTPResponse(status: 200))) {
        self.replies = replies
        self.fallback = fallback
    }

    package func send(_ request: HTTPRequest) async -> HTTPResult {
        let (index, ready) = state.withLock { state in
            state.requests.append(request)
            let count = state.requests.count
            let ready = state.waiters.filter { $0.value.count <= count }
            for id in ready.keys { state.waiters[id] = nil }
            return (count - 1, ready.values.map(\.continuation))
        }
        for waiter in ready { waiter.resume() }
        return HTTPResult(outcome: index < replies.count ? replies[index] : fallback, durationMs: 1)
    }

    /// The requests so far, in arrival order.
    package var requests: [HTTPRequest] { state.withLock { $0.requests } }

    /// Returns once `count` requests arrived, or after `timeout` with those that did.
    package func waitForRequests(_ count: Int, timeout: Duration = .seconds(30)) async -> [HTTPRequest] {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.arrival(of: count) }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
        return requests
    }

    private func arrival(of count: Int) async {
        let id = UUID()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state in
                    if state.requests.count >= count || Task.isCancelled { return true }
                    state.waiters[id] = (count, continuation)
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume()
        }
    }
}
