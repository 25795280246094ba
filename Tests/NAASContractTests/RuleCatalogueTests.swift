import Foundation
import NAASContract
import Testing

@Suite("Rule catalogue")
struct RuleCatalogueTests {
    @Test func idsAreUniqueAndKebabCase() {
        let ids = ContractRule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "-" } })
        #expect(ContractRule.named("operation-removed") == .operationRemoved)
    }

    /// Every rule fires in at least one fixture pair, so none goes untested.
    @Test func everyRuleIsExercisedByAFixture() throws {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        var fired: Set<String> = []
        for name in names {
            let fixture = Fixture(name)
            for document in ["breaking", "compatible"]
            where FileManager.default.fileExists(atPath: root.appendingPathComponent("\(name)/\(document).yaml").path) {
                fired.formUnion(try fixture.changes(to: document).map(\.rule.id))
            }
        }
        let untested = ContractRule.all.map(\.id).filter { !fired.contains($0) }
        #expect(untested.isEmpty, "rules without a fixture: \(untested)")
    }
}
