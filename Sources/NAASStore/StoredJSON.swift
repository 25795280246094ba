import Foundation
import NAASCore

// The stored forms of a job's spec and login: the JSON that their `Codable`
// conformances read back (the worker decodes them with `JSONDecoder`),
// written by hand because the submission path pays for it on every job.

extension JobSpec {
    /// The spec as stored; equal specs give equal text (the fields in a fixed order), so it also fingerprints the work.
    public var storedJSON: String {
        var target = JSONObjectWriter(capacity: 64)
        target.add("host", self.target.host)
        target.add("port", self.target.port)
        target.add("platform", self.target.platform)
        var spec = JSONObjectWriter(capacity: 256)
        spec.add("kind", kind.rawValue)
        spec.add("target", object: target)
        spec.add("lines", lines)
        spec.add("readTimeout", readTimeout)
        spec.add("connectTimeout", connectTimeout)
        spec.add("expectString", expectString)
        spec.add("saveConfig", saveConfig)
        spec.add("commit", commit)
        spec.add("textfsmTemplate", textfsmTemplate)
        spec.add("reuseSession", reuseSession)
        return String(decoding: spec.finished, as: UTF8.self)
    }

    /// A spec read back from its stored text.
    init(storedJSON: String) throws {
        self = try JSONDecoder().decode(JobSpec.self, from: Data(storedJSON.utf8))
    }
}

extension Credentials {
    var storedJSON: [UInt8] {
        var login = JSONObjectWriter(capacity: 96)
        login.add("username", username)
        login.add("password", password)
        login.add("enableSecret", enableSecret)
        return login.finished
    }
}
