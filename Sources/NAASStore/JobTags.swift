import Foundation
import NAASCore

/// How job tags are stored: a JSON object of strings, NULL for none.
enum JobTags {
    static func encode(_ tags: [String: String]) -> String? {
        guard !tags.isEmpty else { return nil }
        // Sorted keys, so equal tags store equal text (filters compare it).
        var object = JSONObjectWriter(capacity: 32 * tags.count + 2)
        for key in tags.keys.sorted() { object.add(key, tags[key]) }
        return String(decoding: object.finished, as: UTF8.self)
    }

    /// The device of a stored spec, for listings that show it without decoding the rest of the job.
    static func target(ofSpec spec: String?) -> DeviceTarget? {
        guard let spec else { return nil }
        return try? JobSpec(storedJSON: spec).target
    }

    static func decode(_ stored: String?) -> [String: String] {
        guard let stored, let tags = try? JSONDecoder().decode([String: String].self, from: Data(stored.utf8)) else { return [:] }
        return tags
    }
}
