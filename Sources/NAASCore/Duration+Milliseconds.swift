extension Duration {
    /// Whole milliseconds, rounded down: for timeouts and log lines.
    public var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }

    /// Seconds, with their fraction: for dates and Foundation's intervals.
    public var timeInterval: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// Seconds for a message: whole when there is no fraction (`10`, `0.5`).
    public var secondsText: String {
        let value = timeInterval
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
