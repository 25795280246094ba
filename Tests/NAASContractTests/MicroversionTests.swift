import Foundation
import NAASContract
import Testing

@Suite("Microversions")
struct MicroversionTests {
    private func document(_ microversions: String) -> Data {
        Data("""
            openapi: 3.1.0
            info:
              title: t
              version: "1"
            \(microversions)
            paths: {}
            """.utf8)
    }

    @Test func readsTheDeclaredRange() throws {
        let range = try ContractDiff.microversions(in: document("  x-naas-microversions: {min: \"2.0\", max: \"2.3\"}"))
        #expect(range == MicroversionRange(min: ContractMicroversion(2, 0), max: ContractMicroversion(2, 3)))
    }

    /// Unquoted, YAML would read 2.10 as the number 2.1.
    @Test func unquotedVersionsKeepTheirDigits() throws {
        let range = try ContractDiff.microversions(in: document("  x-naas-microversions: {min: 2.0, max: 2.10}"))
        #expect(range?.max == ContractMicroversion(2, 10))
        #expect(range?.max ?? ContractMicroversion(0, 0) > ContractMicroversion(2, 9))
    }

    @Test func absentMeansNoMicroversions() throws {
        #expect(try ContractDiff.microversions(in: document("")) == nil)
    }

    @Test func malformedDeclarationThrows() {
        #expect {
            _ = try ContractDiff.microversions(in: document("  x-naas-microversions: {max: latest}"))
        } throws: { error in
            (error as? ContractDocumentError)?.problem == .malformedMicroversions
        }
    }

    @Test func parsesAndOrders() {
        #expect(ContractMicroversion("2.10") == ContractMicroversion(2, 10))
        #expect(ContractMicroversion("2") == nil)
        #expect(ContractMicroversion("2.x") == nil)
        #expect(ContractMicroversion(2, 9) < ContractMicroversion(2, 10))
    }
}
