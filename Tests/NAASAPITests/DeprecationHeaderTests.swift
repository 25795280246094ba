import Foundation
import HTTPTypes
import HummingbirdTesting
import RawStructuredFieldValues
import Testing
@testable import NAASAPI

@Suite struct DeprecationHeaderTests {
    static let lifecycle = APIContract.Lifecycle.defaults

    @Test(arguments: ["/v1/healthcheck", "/v1/jobs", "/send_command/4b1c0d4e-0000-4000-8000-000000000000"])
    func deprecatedRoutesCarryParsableSignals(_ path: String) async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: path, method: .get) { response in
                // RFC 9745: an sf-date item.
                let deprecation = try #require(response.headers[.deprecation])
                var parser = StructuredFieldValueParser(Array(deprecation.utf8))
                let item = try parser.parseItemFieldValue()
                guard case .date(let seconds) = item.rfc9651BareItem else {
                    Issue.record("Deprecation is not an sf-date: \(deprecation)")
                    return
                }
                #expect(seconds == Int64(Self.lifecycle.v1DeprecatedAt.timeIntervalSince1970))
                // RFC 8594: an IMF-fixdate, never before the deprecation.
                let sunset = try #require(response.headers[.sunset])
                #expect(sunset == "Fri, 01 Jan 2027 00:00:00 GMT")
                // One Link line, deprecation first, so single-line readers see it.
                let links = response.headers[values: .link]
                #expect(links.count == 1)
                #expect(links.first?.hasPrefix("<\(Self.lifecycle.deprecationDocs)>; rel=\"deprecation\"") == true)
                #expect(response.headers[.apiVersion] == "v1")
            }
        }
    }

    @Test func successorLinkPointsAtTheV2Equivalent() async throws {
        let id = "4b1c0d4e-0000-4000-8000-000000000000"
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v1/send_command/\(id)", method: .get) { response in
                #expect(response.headers[.link]?.contains("</v2/send-command/\(id)>; rel=\"successor-version\"") == true)
            }
            try await client.execute(uri: "/send_config", method: .post) { response in
                #expect(response.headers[.link]?.hasSuffix(#", </v2/send-config>; rel="successor-version""#) == true)
            }
        }
    }

    @Test(arguments: ["/healthcheck", "/v2/healthcheck", "/versions"])
    func permanentAndCurrentRoutesAreNotDeprecated(_ path: String) async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.deprecation] == nil)
                #expect(response.headers[.sunset] == nil)
                #expect(response.headers[values: .link].isEmpty)
            }
        }
    }

    @Test func afterTheSunsetV1IsGoneWithASuccessor() async throws {
        let later = Self.lifecycle.v1SunsetAt.addingTimeInterval(1)
        try await APITestHarness(now: later).run { client in
            try await client.execute(uri: "/v1/jobs", method: .get, headers: APITestHarness.basic) { response in
                #expect(response.status == .gone)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.link]?.contains(#"</v2/jobs>; rel="successor-version""#) == true)
                let body = try APITestHarness.json(response)
                #expect(body["status"] == 410)
            }
            try await client.execute(uri: "/healthcheck", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func deviceTypeDrawsAWarning() async throws {
        try await APITestHarness().run { client in
            var headers = APITestHarness.basic
            headers[.contentType] = "application/json"
            let body = #"{"host": "192.0.2.1", "device_type": "cisco_ios", "commands": ["show clock"]}"#
            try await client.execute(uri: "/v1/send_command", method: .post, headers: headers, body: .init(string: body)) { response in
                #expect(response.status == .accepted)
                #expect(response.headers[.warning] == #"299 - "device_type is deprecated, use platform""#)
            }
        }
    }
}
