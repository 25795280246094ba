extension Duration {
    /// Whole milliseconds, rounded down: for timeouts and log lines.
    public var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
