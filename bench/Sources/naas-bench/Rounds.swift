/// Runs `round` `count` times back to back and returns each one's wall time.
/// Rounds are sequential on purpose: the figure wanted is the latency of one
/// cold job, not throughput under contention.
func timeRounds(_ count: Int, _ round: (Int) throws -> Void) throws -> [Duration] {
    let clock = ContinuousClock()
    var samples: [Duration] = []
    samples.reserveCapacity(count)
    for index in 1...count {
        samples.append(try clock.measure { try round(index) })
    }
    return samples
}

/// The same for rounds that suspend (a device session on the reactor).
func timeRounds(_ count: Int, _ round: (Int) async throws -> Void) async throws -> [Duration] {
    var samples: [Duration] = []
    samples.reserveCapacity(count)
    for index in 1...count {
        let started = ContinuousClock.now
        try await round(index)
        samples.append(ContinuousClock.now - started)
    }
    return samples
}
