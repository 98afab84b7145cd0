import Synchronization

/// A value under a lock and the tasks waiting for it to change: each `update` wakes every
/// waiter. The one place for the continuation bookkeeping of `Nudge` and `CurrentConfig`.
final class WaitList<Value: Sendable>: Sendable {
    private struct State {
        var value: Value
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextID = 0
    }

    private let state: Mutex<State>

    init(_ value: Value) {
        state = Mutex(State(value: value))
    }

    var value: Value { state.withLock { $0.value } }

    /// Changes the value (told whether anyone is waiting) and wakes every waiter.
    func update(_ change: (inout Value, _ anyoneWaiting: Bool) -> Void) {
        let waiters = state.withLock { state in
            change(&state.value, !state.waiters.isEmpty)
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns at once when `ready` holds (it may consume what it found), else at the next
    /// `update`, or when the task is cancelled.
    func wait(unlessReady ready: (inout Value) -> Bool) async {
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if ready(&state.value) || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { $0.waiters.removeValue(forKey: id) }
            waiter?.resume()
        }
    }
}
