import Foundation
import NAASCore

extension CredentialVault {
    /// A claimed job's row as a worker receives it: its spec decoded and its
    /// credentials opened. Both stores hand claims out this way.
    func claimedJob(id: String, submittedBy: String?, specJSON: String, sealed: Data?) throws -> ClaimedJob {
        try claimedJob(id: id, submittedBy: submittedBy, spec: try JobSpec(storedJSON: specJSON), sealed: sealed, circuit: nil)
    }

    func claimedJob(id: String, submittedBy: String?, spec: JobSpec, sealed: Data?, circuit: CircuitGate?) throws -> ClaimedJob {
        guard let sealed else {
            throw StoreError.undecryptableCredentials(id)
        }
        return ClaimedJob(id: id, submittedBy: submittedBy, spec: spec, credentials: try open(sealed, jobID: id), circuit: circuit)
    }
}

/// The columns of a row the SQLite store just claimed, and what its claim
/// transaction learnt of it besides.
struct ClaimedRow: Sendable {
    let id: String
    let submittedBy: String?
    let specJSON: String
    let sealed: Data?
    /// The decoded spec and its device's circuit, when the claim looked.
    var decoded: (spec: JobSpec, circuit: CircuitGate)?

    func job(opening vault: CredentialVault) throws -> ClaimedJob {
        guard let decoded else {
            return try vault.claimedJob(id: id, submittedBy: submittedBy, specJSON: specJSON, sealed: sealed)
        }
        return try vault.claimedJob(id: id, submittedBy: submittedBy, spec: decoded.spec, sealed: sealed, circuit: decoded.circuit)
    }
}

extension JobStore {
    /// The claimed jobs a worker can run. One whose spec or login cannot be
    /// read back (the encryption key changed since it was queued) ends
    /// `failed` at once, saying why: the rest of its claim still runs, and it
    /// does not sit `started` until its lease lapses.
    func readable(_ claimed: [(id: String, read: () throws -> ClaimedJob)]) async -> [ClaimedJob] {
        let (jobs, unreadable) = Self.opened(claimed)
        await endUnreadable(unreadable)
        return jobs
    }

    /// The claimed jobs that can be read back, and the others with why not.
    static func opened(
        _ claimed: [(id: String, read: () throws -> ClaimedJob)]
    ) -> (jobs: [ClaimedJob], unreadable: [(id: String, error: any Error)]) {
        var jobs: [ClaimedJob] = []
        var unreadable: [(id: String, error: any Error)] = []
        for (id, read) in claimed {
            do {
                jobs.append(try read())
            } catch {
                unreadable.append((id, error))
            }
        }
        return (jobs, unreadable)
    }

    /// Ends each unreadable claimed job failed, saying why.
    func endUnreadable(_ unreadable: [(id: String, error: any Error)]) async {
        for job in unreadable { _ = try? await finish(job.id, outcome: .crashed(Self.unreadableReason(job.error))) }
    }

    static func unreadableReason(_ error: any Error) -> String {
        if case StoreError.undecryptableCredentials = error {
            return "The job's login could not be decrypted with the server's encryption key (was NAAS_ENCRYPTION_KEY changed "
                + "without listing the old one in NAAS_ENCRYPTION_KEY_PREVIOUS?), so it did not run; submit it again."
        }
        return "The job could not be read back from the store (\(error)), so it did not run; submit it again."
    }
}
