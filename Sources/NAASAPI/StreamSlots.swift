import Synchronization

/// Counts the job streams open in this process against their limit.
final class StreamSlots: Sendable {
    let limit: Int
    private let open = Mutex(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// A slot, or nil when every slot is taken.
    func take() -> Slot? {
        let taken = open.withLock { open in
            guard open < limit else { return false }
            open += 1
            return true
        }
        return taken ? Slot(slots: self) : nil
    }

    var inUse: Int { open.withLock { $0 } }

    /// One open stream's place. It is given back once: when the stream ends, or when a response
    /// that never sent its body (a HEAD request, a client gone before the body began) is dropped.
    final class Slot: Sendable {
        private let slots: StreamSlots
        private let held = Mutex(true)

        fileprivate init(slots: StreamSlots) {
            self.slots = slots
        }

        func release() {
            guard held.withLock({ held in defer { held = false }; return held }) else { return }
            slots.open.withLock { $0 -= 1 }
        }

        deinit { release() }
    }
}
