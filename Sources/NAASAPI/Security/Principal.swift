import NAASCore

/// Who is calling, as authentication established it.
struct Principal: Sendable {
    enum Credential: Sendable {
        /// HTTP Basic with the device's own login (the NAAS v1 way): passed to the device.
        case deviceLogin(BasicCredentials, loginSubject: String)
        case apiKey(APIKey)
        /// HTTP Basic with `NAAS_ADMIN_SECRET` as the password.
        case adminSecret(username: String)
    }

    let credential: Credential
    /// The name audit lines and error messages use; never a secret.
    let identity: String
    let role: Role
    let contexts: ContextScope
    /// The owner recorded on the jobs this caller submits.
    let owner: String

    init(_ credential: Credential, owner: String) {
        self.credential = credential
        self.owner = owner
        switch credential {
        case .deviceLogin(let login, _):
            identity = "basic:\(login.username)"
            role = .operator
            contexts = .all
        case .apiKey(let key):
            identity = "key:\(key.id)"
            role = key.role
            contexts = key.contexts
        case .adminSecret(let username):
            identity = "admin:\(username)"
            role = .admin
            contexts = .all
        }
    }

    /// Admins see and act on every caller's jobs; everyone else on their own.
    var seesEveryJob: Bool { role == .admin }

    /// The Basic device login, when that is how the caller authenticated.
    var deviceLogin: BasicCredentials? {
        if case .deviceLogin(let login, _) = credential { return login }
        return nil
    }

    /// The salted fingerprint of the Basic username, for user lockouts.
    var loginSubject: String? {
        if case .deviceLogin(_, let subject) = credential { return subject }
        return nil
    }

    /// What rate limits count against: no username in the store, only its fingerprint.
    var rateSubject: String {
        switch credential {
        case .deviceLogin(_, let subject): "basic:\(subject)"
        case .apiKey, .adminSecret: identity
        }
    }
}

extension Principal {
    /// The device login a job of this caller runs with: its HTTP Basic login, or for other
    /// callers the one its request body carried (validated already: its absence is a 422 before this).
    func jobCredentials(bodyLogin: (username: String, password: String)?, enable: String?) throws -> Credentials {
        if let login = deviceLogin { return login.deviceCredentials(enableSecret: enable) }
        guard let bodyLogin else { throw APIError.internalError }
        return Credentials(username: bodyLogin.username, password: bodyLogin.password, enableSecret: enable)
    }
}
