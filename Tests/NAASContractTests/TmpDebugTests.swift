import Foundation
import OpenAPIKit
import Testing
import Yams
@testable import NAASContract

@Test func tmpDebug() throws {
    let text = try String(contentsOf: Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("operation-removed/old.yaml"), encoding: .utf8)
    do {
        _ = try YAMLDecoder().decode(OpenAPI.Document.self, from: text)
        print("DEBUG text decode ok")
    } catch { print("DEBUG text decode failed: \(error)") }
    let node = try Yams.compose(yaml: text)!
    do {
        _ = try YAMLDecoder().decode(OpenAPI.Document.self, from: node)
        print("DEBUG node decode ok")
    } catch { print("DEBUG node decode failed: \(error)") }
    let raw = try RawDocument(data: Data(text.utf8), role: "x")
    print("DEBUG", try Yams.serialize(node: raw.root))
}
