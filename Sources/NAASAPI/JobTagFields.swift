import Hummingbird

/// Job tags as the API takes them: `tags` on a submission (an object of at
/// most ten strings) and `tag=key:value` filters on listings. Keys and values
/// are 1 to 64 of `A-Z a-z 0-9 _ - :`, as NAAS allows.
enum JobTagFields {
    static let maxTags = 10
    static let maxLength = 64

    static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= maxLength && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ":")
        }
    }

    private static let rule = "1 to \(maxLength) of letters, digits, _, - and :"

    /// The `tags` of a submission body; problems are appended to `errors`.
    static func submitted(_ body: JSONValue, _ errors: inout [FieldError]) -> [String: String] {
        guard case .object(let fields) = body, let value = fields["tags"], value != .null else { return [:] }
        guard case .object(let entries) = value else {
            errors.append(FieldError(["tags"], "tags must be an object of strings, not \(value.typeName)", type: "type_error"))
            return [:]
        }
        if entries.count > maxTags {
            errors.append(FieldError(["tags"], "At most \(maxTags) tags are allowed (\(entries.count) sent)"))
            return [:]
        }
        var tags: [String: String] = [:]
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) {
            guard isValid(key) else {
                errors.append(FieldError(["tags", .string(String(key.prefix(80)))], "A tag key must be \(rule)"))
                continue
            }
            guard case .string(let text) = entry else {
                errors.append(FieldError(["tags", .string(key)], "A tag value must be a string, not \(entry.typeName)", type: "type_error"))
                continue
            }
            guard isValid(text) else {
                errors.append(FieldError(["tags", .string(key)], "A tag value must be \(rule)"))
                continue
            }
            tags[key] = text
        }
        return tags
    }

    /// The `tag=key:value` filters of a listing (every one must match); the key ends at the first colon.
    static func filters(_ query: Hummingbird.Parameters) throws(APIError) -> [String: String] {
        var tags: [String: String] = [:]
        var errors: [FieldError] = []
        for raw in query.getAll("tag") {
            guard let colon = raw.firstIndex(of: ":"), isValid(String(raw[..<colon])),
                  isValid(String(raw[raw.index(after: colon)...])) else {
                errors.append(FieldError(["tag"], "tag=\"\(raw.prefix(80))\" is not key:value, each \(rule)"))
                continue
            }
            tags[String(raw[..<colon])] = String(raw[raw.index(after: colon)...])
        }
        if !errors.isEmpty { throw .validation(source: "query", errors) }
        return tags
    }
}
