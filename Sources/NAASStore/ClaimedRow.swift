import Foundation
import NAASCore

extension CredentialVault {
    /// A claimed job's row as a worker receives it: its spec decoded and its
    /// credentials opened. Both stores hand claims out this way.
    func claimedJob(id: String, submittedBy: String?, specJSON: String, sealed: Data?) throws -> ClaimedJob {
        let spec = try JSONDecoder().decode(JobSpec.self, from: Data(specJSON.utf8))
        guard let sealed else {
            throw StoreError.undecryptableCredentials(id)
        }
        return ClaimedJob(id: id, submittedBy: submittedBy, spec: spec, credentials: try open(sealed, jobID: id))
    }
}
