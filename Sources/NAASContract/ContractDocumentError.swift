/// Why a document could not be read for comparison.
public struct ContractDocumentError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, so callers can tell a malformed file from a broken reference.
    public enum Problem: Sendable, Equatable {
        /// Not YAML or JSON at all.
        case unreadable
        /// YAML, but not an OpenAPI 3.1 document OpenAPIKit can decode.
        case notOpenAPI
        /// A `$ref` points outside the document or at a missing component, or the
        /// schemas refer to themselves (which the comparison cannot unfold).
        case unresolvableReference
        /// `info.x-naas-microversions` is present but not `{min: X.Y, max: X.Y}`.
        case malformedMicroversions
    }

    /// Which side of the comparison: `old` or `new` (or `document` for a single read).
    public let document: String
    public let problem: Problem
    /// The underlying parser's or resolver's explanation.
    public let detail: String

    public init(document: String, problem: Problem, detail: String) {
        self.document = document
        self.problem = problem
        self.detail = detail
    }

    public var description: String {
        let what = switch problem {
        case .unreadable: "is not readable YAML or JSON"
        case .notOpenAPI: "is not a valid OpenAPI 3.1 document"
        case .unresolvableReference: "has a $ref that cannot be resolved locally"
        case .malformedMicroversions: "has a malformed info.x-naas-microversions"
        }
        return "the \(document) document \(what): \(detail)"
    }
}
