import NAASCore
import Hummingbird

/// Per-request state shared by middleware and handlers.
public struct NAASRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The request's correlation id: the client's `X-Request-ID` or a new UUID.
    /// It becomes the job id of a submitted job.
    public var requestID = ""
    /// The client sent an `X-Request-ID` that is not a UUID.
    public var rejectedRequestID = false
    /// The contract the path belongs to.
    public var surface: APISurface = .unversioned
    /// The negotiated microversion (v2 only).
    public var microversion: Microversion?
    /// Who is calling, once the operation's access check authenticated them.
    var principal: Principal?
    /// The caller's standing against the per-caller rate limit.
    var rateLimit: RateLimitStatus?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Job bodies are small; anything larger is a mistake or an attack.
    public var maxUploadSize: Int { 1 << 20 }
}
