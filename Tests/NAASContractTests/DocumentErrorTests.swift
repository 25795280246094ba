import Foundation
import NAASContract
import Testing

@Suite("Unreadable documents")
struct DocumentErrorTests {
    private let valid = Data("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\n".utf8)

    @Test func notYAML() {
        #expect {
            _ = try ContractDiff.compare(old: Data("a: [".utf8), new: valid)
        } throws: { error in
            let failure = error as? ContractDocumentError
            return failure?.problem == .unreadable && failure?.document == "old"
        }
    }

    @Test func notOpenAPI() {
        #expect {
            _ = try ContractDiff.compare(old: valid, new: Data("title: not a document\n".utf8))
        } throws: { error in
            let failure = error as? ContractDocumentError
            return failure?.problem == .notOpenAPI && failure?.document == "new"
        }
    }

    @Test func missingComponent() {
        let dangling = Data("""
            openapi: 3.1.0
            info: {title: t, version: '1'}
            paths:
              /x:
                get:
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Missing'}
            """.utf8)
        #expect {
            _ = try ContractDiff.compare(old: valid, new: dangling)
        } throws: { error in
            (error as? ContractDocumentError)?.problem == .unresolvableReference
        }
    }
}
