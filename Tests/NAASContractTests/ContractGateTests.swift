import Foundation
import Testing
@testable import NAASContract

@Suite("Contract gate")
struct ContractGateTests {
    static func document(max: String, resultProperties: [String], jobsPath: Bool = true) -> Data {
        let properties = resultProperties.map { "                    \($0):\n                      type: string" }.joined(separator: "\n")
        var yaml = """
            openapi: 3.1.0
            info:
              title: gate test
              version: "1"
              x-naas-microversions:
                min: "2.0"
                max: "\(max)"
            paths:
              /v2/result:
                get:
                  operationId: result
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
            \(properties)

            """
        if jobsPath {
            yaml += """
                  /v2/jobs:
                    get:
                      operationId: jobs
                      responses:
                        "200":
                          description: ok

                """
        }
        return Data(yaml.utf8)
    }

    static let v1 = document(max: "2.0", resultProperties: ["job_id"])
    static let history21 = "# API version history\n\n## 2.0\n\nfirst\n\n## 2.1\n\nsecond\n"
    static let changelog21 = "# Changelog\n\n## Unreleased\n\n### API contract\n- Microversion 2.1: more fields.\n"

    func inputs(v1: Data = Self.v1, currentV1: Data = Self.v1, v2: Data, history: String = Self.history21,
                changelog: String = Self.changelog21) -> ContractGate.Inputs {
        ContractGate.Inputs(
            baselineV1: v1, currentV1: currentV1,
            baselineV2: Self.document(max: "2.0", resultProperties: ["job_id"]), currentV2: v2,
            history: history, changelog: changelog)
    }

    @Test func unchangedDocumentsPass() throws {
        let verdict = try ContractGate().evaluate(inputs(v2: Self.document(max: "2.0", resultProperties: ["job_id"])))
        #expect(verdict.passed)
        #expect(verdict.v2Changes.isEmpty)
    }

    @Test func v1BreakingChangeFails() throws {
        let shrunk = Self.document(max: "2.0", resultProperties: ["job_id"], jobsPath: false)
        let verdict = try ContractGate().evaluate(inputs(currentV1: shrunk, v2: Self.document(max: "2.0", resultProperties: ["job_id"])))
        #expect(!verdict.passed)
        #expect(verdict.failures.first?.hasPrefix("v1 is frozen") == true)
    }

    @Test func v1AdditiveChangePasses() throws {
        let grown = Self.document(max: "2.0", resultProperties: ["job_id", "extra"])
        let verdict = try ContractGate().evaluate(inputs(currentV1: grown, v2: Self.document(max: "2.0", resultProperties: ["job_id"])))
        #expect(verdict.passed)
        #expect(!verdict.v1Changes.isEmpty)
    }

    @Test func v2ChangeWithoutAMicroversionFails() throws {
        let verdict = try ContractGate().evaluate(inputs(v2: Self.document(max: "2.0", resultProperties: ["job_id", "error_code"])))
        #expect(!verdict.passed)
        #expect(verdict.failures.contains { $0.contains("maximum microversion is still 2.0") })
    }

    @Test func v2ChangeWithMicroversionHistoryAndChangelogPasses() throws {
        let verdict = try ContractGate().evaluate(inputs(v2: Self.document(max: "2.1", resultProperties: ["job_id", "error_code"])))
        #expect(verdict.passed, "\(verdict.text)")
    }

    @Test func v2ChangeWithoutHistoryFails() throws {
        let verdict = try ContractGate().evaluate(inputs(
            v2: Self.document(max: "2.1", resultProperties: ["job_id", "error_code"]), history: "# API version history\n\n## 2.0\n"))
        #expect(verdict.failures.contains { $0.contains("docs/api-history.md") })
    }

    @Test func v2ChangeWithoutChangelogLineFails() throws {
        let verdict = try ContractGate().evaluate(inputs(
            v2: Self.document(max: "2.1", resultProperties: ["job_id", "error_code"]),
            changelog: "# Changelog\n\n### Service\n- 2.1 mentioned outside the contract section\n"))
        #expect(verdict.failures.contains { $0.contains("CHANGELOG.md") })
    }
}
