import Foundation
import HTTPTypes
import HummingbirdTesting
import NAASCore
import NAASParsing
import NAASStore
import Testing
@testable import NAASAPI

/// The structured-output routes (2.8 and v1): submission checks, results, and `GET /v2/templates`.
@Suite struct StructuredOutputRouteTests {
    static let template = "Value VERSION (\\S+)\n\nStart\n  ^Version ${VERSION} -> Record\n"

    /// A templates folder with an index of two rows, one under an alias's name.
    static func library() throws -> TemplateLibrary {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try """
            Template, Hostname, Platform, Command

            cisco_ios_show_version.textfsm, .*, cisco_ios, sh[[ow]] ver[[sion]]
            huawei_vrp_display_version.textfsm, .*, huawei_vrp, dis[[play]] ver[[sion]]
            """.write(to: directory.appendingPathComponent("index"), atomically: true, encoding: .utf8)
        for name in ["cisco_ios_show_version.textfsm", "huawei_vrp_display_version.textfsm"] {
            try template.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return try TemplateLibrary(directory: directory)
    }

    private func submit(
        _ harness: APITestHarness, _ path: String, _ body: JSONValue, at microversion: String? = "2.8",
        _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        try await harness.run { client in
            var headers = APITestHarness.basic
            headers[.contentType] = "application/json"
            if let microversion { headers[.testAPIVersion] = microversion }
            let data = try JSONEncoder().encode(body)
            try await client.execute(uri: path, method: .post, headers: headers, body: .init(data: data)) { try check($0) }
        }
    }

    private static func body(_ extra: [String: JSONValue] = [:]) -> JSONValue {
        var fields: [String: JSONValue] = ["host": "192.0.2.10", "platform": "cisco_ios", "commands": ["show version"]]
        fields.merge(extra) { _, new in new }
        return .object(fields)
    }

    private static func blamed(_ response: TestResponse) throws -> [JSONValue] {
        guard case .array(let errors)? = try APITestHarness.json(response)["errors"] else { return [] }
        return errors.compactMap { $0["loc"] }
    }

    @Test func aSubmissionIsAcceptedFrom28AndUnknownBefore() async throws {
        let harness = try APITestHarness(templates: .loaded(try Self.library()))
        try await submit(harness, "/v2/send-command-structured", Self.body()) { #expect($0.status == .accepted) }
        try await submit(harness, "/v2/send-command-structured", Self.body(), at: "2.7") { #expect($0.status == .notFound) }
        try await submit(harness, "/v1/send_command_structured", Self.body(), at: nil) { #expect($0.status == .accepted) }
    }

    @Test func aTemplateThatDoesNotCompileIsA422NamingTheFieldAndLine() async throws {
        let harness = try APITestHarness(templates: .loaded(try Self.library()))
        let broken = "Value VERSION (\\S+)\n\nStart\n  ^Version ${NOPE} -> Record\n"
        try await submit(harness, "/v2/send-command-structured", Self.body(["textfsm_template": .string(broken)])) { response in
            #expect(response.status == .unprocessableContent)
            let blamed = try Self.blamed(response)
            #expect(blamed == [["textfsm_template"]])
            let text = String(buffer: response.body)
            #expect(text.contains("line 4"), "\(text)")
        }
        try await submit(harness, "/v1/send_command_structured", Self.body(["textfsm_template": .string(broken)]), at: nil) { response in
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("textfsm_template"))
        }
    }

    @Test func ttpIsRefusedOnV2AndIgnoredOnV1() async throws {
        let harness = try APITestHarness(templates: .loaded(try Self.library()))
        try await submit(harness, "/v2/send-command-structured", Self.body(["ttp_template": "<group>{{ x }}</group>"])) { response in
            #expect(response.status == .unprocessableContent)
            let blamed = try Self.blamed(response)
            #expect(blamed == [["ttp_template"]])
        }
        try await submit(harness, "/v1/send_command_structured", Self.body(["ttp_template": "<group>{{ x }}</group>"]), at: nil) {
            #expect($0.status == .accepted)
        }
    }

    @Test func withoutALibraryOnlyAJobWithItsOwnTemplateIsAccepted() async throws {
        let harness = try APITestHarness(templates: .unavailable(reason: "no ntc-templates folder was found"))
        try await submit(harness, "/v2/send-command-structured", Self.body()) { response in
            #expect(response.status == .serviceUnavailable)
            let problem = try APITestHarness.json(response)
            #expect(problem["type"] == "/problems/structured-output-unavailable")
            guard case .string(let detail)? = problem["detail"] else {
                Issue.record("no detail")
                return
            }
            #expect(detail.contains("no ntc-templates folder was found") && detail.contains("textfsm_template"))
            #expect(response.headers[.retryAfter] == nil)
        }
        try await submit(harness, "/v1/send_command_structured", Self.body(), at: nil) { response in
            #expect(response.status == .serviceUnavailable)
            let json = try APITestHarness.json(response)
            #expect(json["message"] != nil)
        }
        try await submit(harness, "/v2/send-command-structured", Self.body(["textfsm_template": .string(Self.template)])) {
            #expect($0.status == .accepted)
        }
        // Plain jobs never needed templates.
        try await submit(harness, "/v2/send-command", Self.body()) { #expect($0.status == .accepted) }
    }

    /// An ended structured job owned by `APITestHarness.basic`.
    private func structuredJob(_ harness: APITestHarness, _ output: JobOutput) async throws -> String {
        let id = UUID().uuidString.lowercased()
        try await harness.store.enqueue(NewJob(
            id: id, owner: harness.store.ownerFingerprint(username: "ops", password: "device-pw"),
            spec: JobSpec(kind: .structuredCommand, target: DeviceTarget(host: "192.0.2.1", platform: "cisco_ios"),
                          lines: ["show version", "show clock", "show boot"]),
            credentials: Credentials(username: "ops", password: "device-pw")))
        _ = try await harness.store.claimNext()
        try await harness.store.finish(id, outcome: .succeeded(output))
        return id
    }

    private func read(_ client: any TestClientProtocol, _ path: String, at microversion: String?) async throws -> JSONValue {
        var headers = APITestHarness.basic
        if let microversion { headers[.testAPIVersion] = microversion }
        return try await client.execute(uri: path, method: .get, headers: headers) { response in
            #expect(response.status == .ok, "\(path)")
            return try APITestHarness.json(response)
        }
    }

    @Test func resultsShowRecordsOrRawOutputAndV2TheParseErrors() async throws {
        let harness = try APITestHarness()
        let output = JobOutput.structured([
            StructuredCommandOutput(command: "show version", output: "Version 15.2", structure: .records([
                [RecordField(name: "version", value: .string("15.2")), RecordField(name: "hardware", value: .list([.string("C2960"), .null]))],
            ])),
            StructuredCommandOutput(command: "show clock", output: "*10:15 UTC", structure: .unstructured),
            StructuredCommandOutput(command: "show boot", output: "BOOT path", structure: .parseFailed("State Error raised.")),
        ])
        let id = try await structuredJob(harness, output)
        try await harness.run { client in
            let v2 = try await read(client, "/v2/send-command-structured/\(id)", at: "2.8")
            #expect(v2["results"] == [
                "show version": [["version": "15.2", "hardware": ["C2960", nil]]],
                "show clock": "*10:15 UTC",
                "show boot": "BOOT path",
            ])
            #expect(v2["parse_errors"] == ["show boot": "State Error raised."])
            #expect(v2["detected_platform"] == .null)
            let v1 = try await read(client, "/v1/send_command_structured/\(id)", at: nil)
            #expect(v1["results"] == v2["results"])
            #expect(v1["parse_errors"] == nil)
            // The plain route shows what a command job would: every command's raw output.
            let plain = try await read(client, "/v2/send-command/\(id)", at: "2.8")
            #expect(plain["results"] == ["show version": "Version 15.2", "show clock": "*10:15 UTC", "show boot": "BOOT path"])
            #expect(plain["parse_errors"] == nil)
        }
    }

    @Test func aPlainJobReadThroughTheStructuredRouteHasNoParseErrors() async throws {
        let harness = try APITestHarness()
        let id = UUID().uuidString.lowercased()
        try await harness.store.enqueue(NewJob(
            id: id, owner: harness.store.ownerFingerprint(username: "ops", password: "device-pw"),
            spec: JobSpec(kind: .command, target: DeviceTarget(host: "192.0.2.1", platform: "cisco_ios"), lines: ["show version"]),
            credentials: Credentials(username: "ops", password: "device-pw")))
        try await harness.run { client in
            let queued = try await read(client, "/v2/send-command-structured/\(id)", at: "latest")
            #expect(queued["status"] == "queued" && queued["results"] == .null)
            #expect(queued["parse_errors"] == [:])
        }
    }

    private func templates(
        _ harness: APITestHarness, _ query: String, at microversion: String = "2.8",
        _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        try await harness.run { client in
            var headers = APITestHarness.basic
            headers[.testAPIVersion] = microversion
            try await client.execute(uri: "/v2/templates\(query)", method: .get, headers: headers) { try check($0) }
        }
    }

    @Test func templatesAreListedUnderThePlatformsNames() async throws {
        let harness = try APITestHarness(templates: .loaded(try Self.library()))
        try await templates(harness, "?platform=cisco_xe") { response in
            #expect(response.status == .ok)
            let json = try APITestHarness.json(response)
            #expect(json == [
                "platform": "cisco_xe",
                "templates": [["command": "show version", "abbreviation": "sh[[ow]] ver[[sion]]", "templates": ["cisco_ios_show_version.textfsm"]]],
            ])
        }
        try await templates(harness, "?platform=huawei") { response in
            let json = try APITestHarness.json(response)
            #expect(json["templates"] == [[
                "command": "display version", "abbreviation": "dis[[play]] ver[[sion]]", "templates": ["huawei_vrp_display_version.textfsm"],
            ]])
        }
        try await templates(harness, "?platform=linux") { response in
            let json = try APITestHarness.json(response)
            #expect(json["templates"] == [])
        }
        try await templates(harness, "?platform=cisco_ios", at: "2.7") { #expect($0.status == .notFound) }
    }

    @Test func theTemplatesPlatformIsRequiredAndMustBeACatalogueName() async throws {
        let harness = try APITestHarness(templates: .loaded(try Self.library()))
        for query in ["", "?platform=", "?platform=cisco_wlc_ssh", "?platform=autodetect"] {
            try await templates(harness, query) { response in
                #expect(response.status == .unprocessableContent, "\(query)")
                let blamed = try Self.blamed(response)
                #expect(blamed == [["platform"]], "\(query)")
            }
        }
    }

    @Test func withoutALibraryTheTemplatesAreUnavailable() async throws {
        let harness = try APITestHarness(templates: .unavailable(reason: "ntc-templates could not be loaded: no index"))
        try await templates(harness, "?platform=cisco_ios") { response in
            #expect(response.status == .serviceUnavailable)
            let json = try APITestHarness.json(response)
            #expect(json["type"] == "/problems/structured-output-unavailable")
        }
    }

    @Test func aMissingFolderIsReportedWithWhatWasLookedFor() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("naas-none-\(UUID().uuidString)")
        let catalogue = TemplateCatalogue.load(configured: nil, environment: [:], searchRoot: empty)
        let warning = try #require(catalogue.startupWarning)
        #expect(warning.contains("NAAS_TEMPLATES_DIR") && warning.contains("pip install ntc-templates==9.2.0") && warning.contains("--templates-dir"))
        let broken = TemplateCatalogue.load(configured: empty.path, environment: [:], searchRoot: empty)
        #expect(broken.library == nil)
        #expect(broken.startupWarning?.contains(empty.path) == true)
    }
}
