/// Which SSH algorithms a session offers. Modern defaults come from libssh;
/// `legacy` adds what old network gear still needs.
public struct SSHAlgorithms: Sendable, Equatable {
    public let keyExchange: String?
    public let hostKeys: String?
    public let ciphers: String?
    public let macs: String?

    /// libssh's own defaults, except that the cipher list is spelled out: Debian's libssh 0.10.6
    /// offers its default list with a trailing comma, and a server that hashes the re-encoded
    /// list instead of the bytes it received (swift-nio-ssh does) then fails the host-key
    /// signature check.
    public static let modern = SSHAlgorithms(
        keyExchange: nil, hostKeys: nil,
        ciphers: "chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr",
        macs: nil)

    /// Defaults plus diffie-hellman-group14-sha1, ssh-rsa, aes-cbc and hmac-sha1.
    /// Each libssh option replaces the whole list, so the modern entries are repeated here.
    public static let legacy = SSHAlgorithms(
        keyExchange: "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
            + "ecdh-sha2-nistp521,diffie-hellman-group18-sha512,diffie-hellman-group16-sha512,"
            + "diffie-hellman-group14-sha256,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
        hostKeys: "ssh-ed25519,ecdsa-sha2-nistp521,ecdsa-sha2-nistp384,ecdsa-sha2-nistp256,"
            + "rsa-sha2-512,rsa-sha2-256,ssh-rsa",
        ciphers: "aes256-gcm@openssh.com,aes128-gcm@openssh.com,chacha20-poly1305@openssh.com,"
            + "aes256-ctr,aes192-ctr,aes128-ctr,aes256-cbc,aes192-cbc,aes128-cbc,3des-cbc",
        macs: "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1"
    )

    public init(keyExchange: String?, hostKeys: String?, ciphers: String?, macs: String?) {
        self.keyExchange = keyExchange
        self.hostKeys = hostKeys
        self.ciphers = ciphers
        self.macs = macs
    }
}
