import NAASCore

/// A microversion as written in an API document (`2.3`). The gate and the
/// server share one type, from the value layer, so they cannot disagree on
/// how a version is spelled or ordered.
public typealias ContractMicroversion = Microversion

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
