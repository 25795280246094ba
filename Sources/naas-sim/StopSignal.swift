import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Waits for SIGTERM or SIGINT.
enum StopSignal {
    static func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "naas-sim.signals")
            let once = Once(continuation)
            for number in [SIGTERM, SIGINT] {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { once.fire() }
                source.resume()
                Sources.keep(source)
            }
        }
    }

    /// Resumes the continuation on the first signal only.
    private final class Once: @unchecked Sendable {
        // Only touched on the serial signal queue.
        private var continuation: CheckedContinuation<Void, Never>?
        init(_ continuation: CheckedContinuation<Void, Never>) { self.continuation = continuation }
        func fire() {
            continuation?.resume()
            continuation = nil
        }
    }

    /// Keeps the signal sources alive for the life of the process.
    private enum Sources {
        nonisolated(unsafe) static var all: [any DispatchSourceSignal] = []
        static func keep(_ source: any DispatchSourceSignal) { all.append(source) }
    }
}
