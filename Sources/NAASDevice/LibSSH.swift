import CLibSSH

/// Process-wide libssh initialisation; libssh wants `ssh_init` once before any session.
enum LibSSH {
    static let initialized: Bool = { ssh_init() == 0 }()
}
