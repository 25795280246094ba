import Foundation
import NAASCore
import Testing

/// The core's structured-output types: the template lookup names and the stored form.
@Suite struct StructuredOutputTests {
    @Test func anAliasIsLookedUpUnderItsOwnNameThenTheCatalogueNameAndAliases() {
        #expect(Platform.templateIndexNames(for: "cisco_xe") == ["cisco_xe", "cisco_ios"])
        #expect(Platform.templateIndexNames(for: "cisco_ios") == ["cisco_ios", "cisco_xe"])
        #expect(Platform.templateIndexNames(for: "huawei") == ["huawei", "huawei_vrp"])
    }

    /// ntc-templates has no `_telnet` platforms: a Telnet job parses as its platform.
    @Test func aTelnetNameFallsBackToThePlatformsNames() {
        #expect(Platform.templateIndexNames(for: "cisco_ios_telnet") == ["cisco_ios_telnet", "cisco_ios", "cisco_xe"])
    }

    @Test func aNameOutsideTheCatalogueIsLookedUpAsGiven() {
        #expect(Platform.templateIndexNames(for: "autodetect") == ["autodetect"])
        #expect(Platform.templateIndexNames(for: "cisco_wlc_ssh") == ["cisco_wlc_ssh"])
    }

    @Test func eachStructureSurvivesTheStoredForm() throws {
        let outputs = [
            StructuredCommandOutput(command: "a", output: "raw a", structure: .records([[RecordField(name: "x", value: .string("1"))]])),
            StructuredCommandOutput(command: "b", output: "raw b", structure: .unstructured),
            StructuredCommandOutput(command: "c", output: "raw c", structure: .parseFailed("boom")),
        ]
        let decoded = try JSONDecoder().decode([StructuredCommandOutput].self, from: JSONEncoder().encode(outputs))
        #expect(decoded == outputs)
    }

    /// A group is an object in the stored form, a list an array: the two never decode as each other.
    @Test func groupsAndListsStayApart() throws {
        let values: [RecordValue] = [
            .group([RecordField(name: "a", value: .string("1"))]), .list([.string("a"), .null]), .list([]), .group([]), .null, .string(""),
        ]
        #expect(try JSONDecoder().decode([RecordValue].self, from: JSONEncoder().encode(values)) == values)
    }

    @Test func theKindIsStoredByName() {
        #expect(JobKind(rawValue: "structured_command") == .structuredCommand)
    }
}
