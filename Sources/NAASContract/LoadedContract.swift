import Foundation
import OpenAPIKit
import Yams

/// One side of a comparison: the document decoded by OpenAPIKit with every local
/// `$ref` resolved, flattened into endpoints (path-level parameters merged into
/// each operation), plus the microversions it declares.
struct LoadedContract {
    let role: String
    let microversions: MicroversionRange?
    let endpoints: [ResolvedEndpoint]

    init(data: Data, role: String) throws {
        let raw = try RawDocument(data: data, role: role)
        let document: OpenAPI.Document
        do {
            document = try YAMLDecoder().decode(OpenAPI.Document.self, from: raw.root)
        } catch {
            throw ContractDocumentError(document: role, problem: .notOpenAPI, detail: "\(error)")
        }
        let dereferenced: DereferencedDocument
        do {
            dereferenced = try document.locallyDereferenced()
        } catch {
            throw ContractDocumentError(document: role, problem: .unresolvableReference, detail: "\(error)")
        }
        self.role = role
        self.microversions = try raw.microversions(role: role)
        self.endpoints = dereferenced.resolved().endpoints
    }
}
