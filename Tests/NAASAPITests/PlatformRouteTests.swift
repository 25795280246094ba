import Foundation
import HTTPTypes
import HummingbirdTesting
import NAASCore
import Testing
@testable import NAASAPI

/// `GET /v2/platforms` (2.6): the platform table as the API shows it.
@Suite struct PlatformRouteTests {
    private func platforms(at microversion: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await APITestHarness().run { client in
            var headers = APITestHarness.basic
            headers[.testAPIVersion] = microversion
            try await client.execute(uri: "/v2/platforms", method: .get, headers: headers) { try check($0) }
        }
    }

    @Test func listsEveryPlatformOfTheTableSortedByName() async throws {
        try await platforms(at: "2.6") { response in
            #expect(response.status == .ok)
            guard case .array(let entries)? = try APITestHarness.json(response)["platforms"] else {
                Issue.record("no platforms array")
                return
            }
            let names = entries.compactMap { if case .string(let name)? = $0["name"] { name } else { nil } }
            #expect(names == Platform.all.map(\.name).sorted())
        }
    }

    @Test func anEntryCarriesAliasesTelnetNamesAndCapabilities() throws {
        let ios = PlatformRoutes.entry(try #require(Platform.named("cisco_ios")))
        #expect(ios["name"] == "cisco_ios")
        #expect(ios["aliases"] == ["cisco_xe"])
        #expect(ios["telnet_names"] == ["cisco_ios_telnet", "cisco_xe_telnet"])
        #expect(ios["capabilities"] == ["enable": true, "config": true, "save": true, "commit": false, "telnet": true, "autodetect": true])
    }

    /// Every name an entry lists is one a submission accepts, and together they are all of them.
    @Test func theListedNamesAreTheAcceptedNames() {
        var listed = [PlatformSelection.autodetectName]
        for platform in Platform.all {
            let entry = PlatformRoutes.entry(platform)
            for key in ["name", "aliases", "telnet_names"] {
                switch entry[key] {
                case .string(let name)?: listed.append(name)
                case .array(let names)?: listed += names.compactMap { if case .string(let name) = $0 { name } else { nil } }
                default: Issue.record("\(platform.name) has no \(key)")
                }
            }
        }
        #expect(listed.sorted() == Platform.acceptedNames)
        for name in listed { #expect(PlatformSelection(name: name) != nil, "\(name)") }
    }

    @Test func doesNotExistBefore26() async throws {
        try await platforms(at: "2.5") { response in
            #expect(response.status == .notFound)
        }
    }
}
