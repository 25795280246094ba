/// A round that did not complete; the run stops at the first one, since a
/// latency figure over partly failed rounds would mean nothing.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
