import NAASCore

/// Who may call an operation: nobody in particular (public), or callers of
/// at least `role`; and whether the resource it touches belongs to a context
/// the caller must be allowed.
public struct OperationAccess: Sendable, Equatable {
    /// nil: no authentication.
    public let role: Role?
    public let contextScoped: Bool

    public static let `public` = OperationAccess(role: nil, contextScoped: false)

    public static func role(_ role: Role, contextScoped: Bool = false) -> OperationAccess {
        OperationAccess(role: role, contextScoped: contextScoped)
    }

    /// The value of `x-naas-role` in the OpenAPI documents.
    public var documentName: String { role?.rawValue ?? "public" }
}
