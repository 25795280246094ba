import Foundation

/// A job row ready to insert: its spec encoded, its credentials sealed.
struct PendingJob: Sendable {
    let id: String
    let owner: String
    let context: String
    let spec: String
    let sealedCredentials: Data
    let loginSubject: String?
    let submittedBy: String?
    let createdAt: Double
    /// The tags as a JSON object, or nil for none.
    let tags: String?
    let dedupKey: String?
    let batchID: String?
    let batchIndex: Int?
    let webhookURL: String?
    let sealedWebhookSecret: Data?
    let webhookMicroversion: String?

    init(_ job: NewJob, vault: CredentialVault) throws {
        id = job.id
        owner = job.owner
        context = job.context
        spec = job.spec.storedJSON
        sealedCredentials = try vault.seal(job.credentials)
        loginSubject = job.loginSubject
        submittedBy = job.submittedBy
        createdAt = job.createdAt.timeIntervalSince1970
        tags = JobTags.encode(job.tags)
        dedupKey = job.dedupKey
        batchID = job.batch?.id
        batchIndex = job.batch?.index
        webhookURL = job.webhook?.url
        sealedWebhookSecret = try job.webhook.map { try vault.seal(secret: $0.secret) }
        webhookMicroversion = job.webhook?.microversion
    }
}
