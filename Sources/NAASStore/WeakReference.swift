import Synchronization

/// A weak reference that a closure can capture before its target exists.
final class WeakReference<Target: AnyObject & Sendable>: Sendable {
    private struct Weak: Sendable {
        weak var target: Target?
    }

    private let reference = Mutex(Weak())

    var target: Target? {
        get { reference.withLock { $0.target } }
        set { reference.withLock { $0.target = newValue } }
    }
}
