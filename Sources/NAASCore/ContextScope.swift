/// The routing contexts a caller may use: all of them, or a named few.
public enum ContextScope: Sendable, Equatable, Hashable {
    case all
    case only(Set<String>)

    /// The wildcard that stands for every context on the wire and in the store.
    public static let wildcard = "*"

    public func allows(_ context: String) -> Bool {
        switch self {
        case .all: true
        case .only(let names): names.contains(context)
        }
    }

    /// Whether every context `other` allows, this one allows too.
    public func covers(_ other: ContextScope) -> Bool {
        switch (self, other) {
        case (.all, _): true
        case (.only, .all): false
        case (.only(let mine), .only(let theirs)): theirs.isSubset(of: mine)
        }
    }

    /// `["*"]` or the sorted names.
    public var names: [String] {
        switch self {
        case .all: [Self.wildcard]
        case .only(let names): names.sorted()
        }
    }

    /// The inverse of `names`.
    public init(names: [String]) {
        self = names.contains(Self.wildcard) ? .all : .only(Set(names))
    }
}

/// The names contexts may have: short, lowercase, safe in paths and logs.
public enum ContextName {
    public static let defaultName = "default"

    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= 63, isLowerAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
