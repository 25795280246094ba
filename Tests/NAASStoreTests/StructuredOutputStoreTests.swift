import Foundation
import GRDB
import NAASCore
import Testing
@testable import NAASStore

/// Structured jobs in the store, and rows written before they existed.
@Suite struct StructuredOutputStoreTests {
    private static let records: [ParsedRecord] = [[
        RecordField(name: "version", value: .string("15.2(4)E10")),
        RecordField(name: "hardware", value: .list([.string("WS-C2960X"), .null])),
        RecordField(name: "neighbors", value: .list([.group([
            RecordField(name: "name", value: .string("sw2")), RecordField(name: "port", value: .null),
        ])])),
    ]]

    @Test(arguments: StoreEngine.all)
    func aStructuredJobKeepsItsTemplateRecordsRawOutputAndParseErrors(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let id = UUID().uuidString.lowercased()
            var job = StoreFixture.job(id)
            job = NewJob(
                id: job.id, owner: job.owner, context: job.context,
                spec: JobSpec(
                    kind: .structuredCommand, target: job.spec.target, lines: ["show version", "show clock", "show boot"],
                    textfsmTemplate: "Value A (\\S+)\n\nStart\n  ^${A} -> Record\n"),
                credentials: job.credentials)
            try await fixture.store.enqueue(job)
            let claimed = try #require(try await fixture.store.claimNext())
            #expect(claimed.spec == job.spec)
            let output = JobOutput.structured([
                StructuredCommandOutput(command: "show version", output: "Cisco IOS Software", structure: .records(Self.records)),
                StructuredCommandOutput(command: "show clock", output: "*10:15:02 UTC", structure: .unstructured),
                StructuredCommandOutput(command: "show boot", output: "BOOT path", structure: .parseFailed("State Error raised. Rule Line: 4.")),
            ], detectedPlatform: "cisco_ios")
            try await fixture.store.finish(id, outcome: .succeeded(output))
            let stored = try #require(try await fixture.store.job(id))
            #expect(stored.spec.kind == .structuredCommand)
            #expect(stored.output == output)
        }
    }

    /// A row from before structured jobs: its spec has no `textfsmTemplate`, its output the plain form.
    /// Only SQLite databases are that old.
    @Test func rowsStoredBeforeStructuredJobsStillDecode() async throws {
        try await StoreFixture.with(.sqlite) { fixture in
            let store = try #require(fixture.store as? SQLiteJobStore)
            let id = UUID().uuidString.lowercased()
            let spec = #"{"kind":"command","target":{"host":"192.0.2.1","port":22,"platform":"cisco_ios"},"lines":["show version"],"readTimeout":30,"connectTimeout":10,"saveConfig":false,"commit":false}"#
            let output = #"[{"command":"show version","output":"IOS 15"}]"#
            try await store.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO jobs (id, owner, status, spec, output, created_at, ended_at) VALUES (?, 'owner-a', 'finished', ?, ?, 0, 1)",
                    arguments: [id, spec, output])
            }
            let job = try #require(try await store.job(id))
            #expect(job.spec.kind == .command)
            #expect(job.spec.textfsmTemplate == nil)
            #expect(job.output == .commands([CommandOutput(command: "show version", output: "IOS 15")]))
        }
    }

    /// Records keep the template's column order through storage, which JSON objects would not promise.
    @Test func recordsRoundTripInColumnOrder() throws {
        let data = try JSONEncoder().encode(Self.records)
        #expect(try JSONDecoder().decode([ParsedRecord].self, from: data) == Self.records)
    }
}
