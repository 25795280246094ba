import NAASContract
import Testing

@Suite("Report")
struct ContractReportTests {
    private let changes = [
        ContractChange(rule: .operationAdded, location: "GET /v2/jobs", message: "GET /v2/jobs was added"),
        ContractChange(rule: .descriptionChanged, location: "GET /v2/jobs", message: "summary or description of GET /v2/jobs changed"),
        ContractChange(rule: .operationRemoved, location: "DELETE /v2/jobs/{job_id}", message: "DELETE /v2/jobs/{job_id} was removed"),
    ]

    @Test func rendersBreakingFirst() {
        let report = ContractReport(changes: changes)
        #expect(report.lines == [
            "BREAKING operation-removed: DELETE /v2/jobs/{job_id} was removed",
            "ADDITIVE operation-added: GET /v2/jobs was added",
            "NEUTRAL description-changed: summary or description of GET /v2/jobs changed",
        ])
        #expect(report.summary == "3 changes: 1 breaking, 1 additive, 1 neutral")
        #expect(report.hasBreakingChanges)
        #expect(report.text.hasSuffix("\n3 changes: 1 breaking, 1 additive, 1 neutral"))
    }

    @Test func emptyReport() {
        let report = ContractReport(changes: [])
        #expect(report.text == "no contract changes")
        #expect(!report.hasBreakingChanges)
    }
}
