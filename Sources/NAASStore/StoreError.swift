/// Failures the store reports to its callers in terms they can act on.
public enum StoreError: Error, Equatable, Sendable {
    /// A job with this id exists already (a reused `X-Request-ID`).
    case duplicateJobID(String)
    /// An identical job of the same caller is still queued or running: its id (deduplication).
    case duplicateOf(String)
    /// Stored credentials could not be decrypted (the encryption key changed).
    case undecryptableCredentials(String)
    /// The encryption key given in configuration is unusable.
    case invalidEncryptionKey(String)
}
