/// One stored config line and the lines nested under it.
struct ConfigEntry: Equatable {
    var line: String
    var children: [ConfigEntry] = []
}

/// An ordered tree of config lines: the running or the candidate configuration.
struct ConfigStore: Equatable {
    var entries: [ConfigEntry] = []

    /// Adds `line` under the block at `path` (or finds it if it is already there);
    /// returns the path of the line, for a sub-mode that opens it.
    @discardableResult
    mutating func add(_ line: String, under path: [Int]) -> [Int] {
        var index = 0
        modify(path) { list in
            if let existing = list.firstIndex(where: { $0.line == line }) {
                index = existing
            } else {
                list.append(ConfigEntry(line: line))
                index = list.count - 1
            }
        }
        return path + [index]
    }

    /// Removes lines under `path` that start with `prefix` (a `no ...` line).
    mutating func remove(prefix: String, under path: [Int]) {
        modify(path) { list in
            list.removeAll { $0.line == prefix || $0.line.hasPrefix(prefix + " ") }
        }
    }

    /// Whether any stored line (at any depth) contains `text`.
    func contains(_ text: String) -> Bool {
        func search(_ list: [ConfigEntry]) -> Bool {
            list.contains { $0.line.contains(text) || search($0.children) }
        }
        return search(entries)
    }

    private mutating func modify(_ path: [Int], _ change: (inout [ConfigEntry]) -> Void) {
        func walk(_ list: inout [ConfigEntry], _ rest: ArraySlice<Int>) {
            guard let first = rest.first else { return change(&list) }
            guard list.indices.contains(first) else { return change(&list) }
            walk(&list[first].children, rest.dropFirst())
        }
        walk(&entries, path[...])
    }
}
