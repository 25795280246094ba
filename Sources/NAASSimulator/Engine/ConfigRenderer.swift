/// Prints a `ConfigStore` the way the OS shows its configuration.
struct ConfigRenderer {
    let rendering: ConfigRendering
    let values: [String: String]

    func render(_ store: ConfigStore) -> [String] {
        switch rendering {
        case let .indented(header, footer, indent, separator):
            var lines = split(header)
            for entry in store.entries {
                lines.append(entry.line)
                appendChildren(entry.children, depth: 1, indent: indent, to: &lines)
                if let separator, !entry.children.isEmpty { lines.append(separator) }
            }
            return lines + split(footer)
        case let .flat(header, footer, indent):
            var lines = split(header)
            for entry in store.entries {
                lines.append(entry.line)
                appendChildren(entry.children, depth: 1, indent: indent, to: &lines)
            }
            return lines + split(footer)
        case let .closed(header, footer, indent, closers):
            var lines = split(header)
            appendClosed(store.entries, depth: 0, indent: indent, closers: closers, to: &lines)
            return lines + split(footer)
        case let .braces(header, footer, terminator):
            let tree = BraceNode.build(from: store.entries.map(\.line))
            var lines = split(header)
            tree.render(depth: 0, terminator: terminator, into: &lines)
            return lines + split(footer)
        }
    }

    private func appendChildren(_ children: [ConfigEntry], depth: Int, indent: String, to lines: inout [String]) {
        let pad = String(repeating: indent, count: depth)
        for child in children {
            lines.append(pad + child.line)
            appendChildren(child.children, depth: depth + 1, indent: indent, to: &lines)
        }
    }

    private func appendClosed(_ entries: [ConfigEntry], depth: Int, indent: String, closers: [String: String],
                              to lines: inout [String]) {
        let pad = String(repeating: indent, count: depth)
        for entry in entries {
            lines.append(pad + entry.line)
            appendClosed(entry.children, depth: depth + 1, indent: indent, closers: closers, to: &lines)
            if let first = entry.line.commandWords().first, let closer = closers[String(first)] {
                lines.append(pad + closer)
            }
        }
    }

    private func split(_ text: String) -> [String] {
        text.isEmpty ? [] : text.filled(values).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The hierarchy that `set a b c value` lines describe, for brace-style OSes.
struct BraceNode {
    var name: String
    var children: [BraceNode] = []
    var leaves: [String] = []

    static func build(from lines: [String]) -> BraceNode {
        var root = BraceNode(name: "")
        for line in lines {
            var words = line.commandWords().map(String.init)
            if words.first == "set" { words.removeFirst() }
            guard !words.isEmpty else { continue }
            // The last two words are the statement (`description "x"`); the rest are containers.
            let leafCount = words.count >= 2 ? 2 : 1
            let containers = Array(words.dropLast(leafCount))
            root.insert(containers[...], leaf: words.suffix(leafCount).joined(separator: " "))
        }
        return root
    }

    private mutating func insert(_ path: ArraySlice<String>, leaf: String) {
        guard let first = path.first else {
            if !leaves.contains(leaf) { leaves.append(leaf) }
            return
        }
        if let index = children.firstIndex(where: { $0.name == first }) {
            children[index].insert(path.dropFirst(), leaf: leaf)
        } else {
            var child = BraceNode(name: first)
            child.insert(path.dropFirst(), leaf: leaf)
            children.append(child)
        }
    }

    func render(depth: Int, terminator: String, into lines: inout [String]) {
        let pad = String(repeating: "    ", count: depth)
        for leaf in leaves { lines.append(pad + leaf + terminator) }
        for child in children {
            lines.append(pad + child.name + " {")
            child.render(depth: depth + 1, terminator: terminator, into: &lines)
            lines.append(pad + "}")
        }
    }
}
