extension SimulatedOS {
    /// Word patterns that accept any line starting with one of `words`.
    public static func startingWith(_ words: [String]) -> [String] {
        words.map { $0 + " ..." }
    }

    /// `count` lines of Cisco-style interface status, for realistic filler output.
    public static func interfaceTable(prefix: String, count: Int) -> String {
        (1...count).map { "\(prefix)\($0)".padding(to: 23) + "unassigned      YES unset  up                    up      " }
            .joined(separator: "\n")
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
