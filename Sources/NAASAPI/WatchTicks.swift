import NAASStore

/// What a job's watcher reacts to, merged into one sequence: the job may have
/// changed (each time `changes` yields: see `jobChanges` and `laterChanges`), a heartbeat
/// is due, or the watch ran out of time. Nothing here polls the store.
final class WatchTicks: Sendable {
    enum Tick: Sendable {
        case changed
        case heartbeat
        case expired
    }

    let ticks: AsyncStream<Tick>
    private let continuation: AsyncStream<Tick>.Continuation
    private let sources: [Task<Void, Never>]

    init(changes: AsyncStream<Void>, limit: Duration, heartbeat: Duration? = nil) {
        let (ticks, continuation) = AsyncStream.makeStream(of: Tick.self, bufferingPolicy: .unbounded)
        self.ticks = ticks
        self.continuation = continuation
        var sources = [
            Task {
                for await _ in changes { continuation.yield(.changed) }
            },
            Task {
                guard (try? await Task.sleep(for: limit)) != nil else { return }
                continuation.yield(.expired)
            },
        ]
        if let heartbeat {
            sources.append(Task {
                while (try? await Task.sleep(for: heartbeat)) != nil { continuation.yield(.heartbeat) }
            })
        }
        self.sources = sources
    }

    /// Stops the sources and ends the sequence.
    func stop() {
        for source in sources { source.cancel() }
        continuation.finish()
    }

    deinit { stop() }
}
