import Synchronization

/// The bounded hand-off from the watcher thread to the async consumer. When the consumer falls
/// `capacity` events behind, the queue is dropped for one pending rescan: a rescan re-reads
/// everything, so queueing more would only delay it. Rescans coalesce and come out first.
final class EventBuffer: Sendable {
    enum PushResult { case queued, overflowed, dropped }

    private struct State: ~Copyable {
        var queue: [WatchEvent] = []
        var head = 0
        var rescan: RescanReason?
        var finished: Result<Void, WatchError>?
        var waiter: CheckedContinuation<WatchEvent?, any Error>?

        var count: Int { queue.count - head }

        mutating func popFirst() -> WatchEvent? {
            guard head < queue.count else { return nil }
            let event = queue[head]
            head += 1
            if head > 1024 && head * 2 > queue.count {
                queue.removeFirst(head)
                head = 0
            }
            return event
        }

        mutating func clear() {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Hands an event over. `.overflowed` the first time the consumer is found `capacity` behind
    /// (the caller logs it), `.dropped` while that rescan is still pending or after `finish`.
    @discardableResult
    func push(_ event: WatchEvent) -> PushResult {
        let (result, waiter): (PushResult, CheckedContinuation<WatchEvent?, any Error>?) = state.withLock { state in
            if state.finished != nil { return (.dropped, nil) }
            if let waiter = state.waiter {
                state.waiter = nil
                return (.queued, waiter)
            }
            if case .rescan(let reason) = event {
                state.clear() // everything queued is covered by the rescan
                if state.rescan == nil { state.rescan = reason }
                return (.queued, nil)
            }
            if state.rescan != nil { return (.dropped, nil) } // the pending rescan covers it
            if state.count >= capacity {
                state.clear()
                state.rescan = .consumerBehind
                return (.overflowed, nil)
            }
            state.queue.append(event)
            return (.queued, nil)
        }
        waiter?.resume(returning: event)
        return result
    }

    /// Ends the sequence: after the queued events, `next` returns nil or throws the error.
    func finish(_ result: Result<Void, WatchError>) {
        let waiter: CheckedContinuation<WatchEvent?, any Error>? = state.withLock { state in
            if state.finished == nil { state.finished = result }
            defer { state.waiter = nil }
            return state.waiter
        }
        switch result {
        case .success: waiter?.resume(returning: nil)
        case .failure(let error): waiter?.resume(throwing: error)
        }
    }

    /// The next event; nil when finished or when the calling task is cancelled.
    func next() async throws -> WatchEvent? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<WatchEvent?, any Error>) in
                let ready: Result<WatchEvent?, WatchError>? = state.withLock { state in
                    if let reason = state.rescan {
                        state.rescan = nil
                        return .success(.rescan(reason))
                    }
                    if let event = state.popFirst() { return .success(event) }
                    if let finished = state.finished { return finished.map { nil } }
                    if Task.isCancelled { return .success(nil) }
                    state.waiter = continuation
                    return nil
                }
                if let ready { continuation.resume(with: ready.mapError { $0 as any Error }) }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume(returning: nil)
        }
    }
}

/// A one-shot signal a task can await: the watcher thread has exited.
final class Completion: Sendable {
    private let state = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func signal() {
        let waiters = state.withLock { state in
            state.done = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state in
                if !state.done { state.waiters.append(continuation) }
                return state.done
            }
            if done { continuation.resume() }
        }
    }
}
