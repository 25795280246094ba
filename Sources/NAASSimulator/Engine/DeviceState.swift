import Foundation

/// What one simulated device keeps across its sessions, as a real device
/// does: the running configuration and whether it has been saved. Sessions of
/// one device may run on different event loops, so access is locked.
public final class DeviceState: @unchecked Sendable {
    private let lock = NSLock()
    private let seeding = NSLock()
    private var storedRunning = ConfigStore()
    private var storedUnsaved = false
    private var seeded = false

    public init() {}

    var running: ConfigStore {
        get { lock.withLock { storedRunning } }
        set { lock.withLock { storedRunning = newValue } }
    }

    var unsaved: Bool {
        get { lock.withLock { storedUnsaved } }
        set { lock.withLock { storedUnsaved = newValue } }
    }

    /// Runs `seed` (the OS's initial configuration) for the first session only.
    func seedOnce(_ seed: () -> Void) {
        seeding.withLock {
            guard !seeded else { return }
            seed()
            seeded = true
        }
    }
}
