import NAASCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import NAASAPI

@Suite struct MicroversionNegotiationTests {
    @Test func absentHeaderMeansTheMinimumAndIsEchoed() async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v2/healthcheck", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.testAPIVersion] == "2.0")
                #expect(response.headers[.vary] == "NAAS-API-Version")
                #expect(response.headers[.apiVersion] == "v2")
            }
        }
    }

    @Test func latestMeansTheMaximum() async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v2/healthcheck", method: .get, headers: [.testAPIVersion: "latest"]) { response in
                #expect(response.headers[.testAPIVersion] == APIContract.v2Maximum.description)
            }
        }
    }

    @Test(arguments: ["2", "two", "2.1.0", "2.01", "-2.0", "2.x"])
    func malformedVersionIs400Problem(_ value: String) async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v2/healthcheck", method: .get, headers: [.testAPIVersion: value]) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.vary] == "NAAS-API-Version")
                let body = try APITestHarness.json(response)
                #expect(body["type"] == "/problems/malformed-microversion")
                #expect(body["status"] == 400)
            }
        }
    }

    @Test(arguments: ["2.99", "1.0", "3.0"])
    func outOfRangeIs406WithTheRange(_ value: String) async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v2/jobs", method: .get, headers: [.testAPIVersion: value]) { response in
                #expect(response.status == .notAcceptable)
                let body = try APITestHarness.json(response)
                #expect(body["min_version"] == .string(APIContract.v2Minimum.description))
                #expect(body["max_version"] == .string(APIContract.v2Maximum.description))
                #expect(body["instance"] == .string(response.headers[.requestID] ?? "-"))
            }
        }
    }

    @Test func v2ErrorsAreProblemsThatEchoTheVersion() async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v2/jobs", method: .get, headers: [.testAPIVersion: "2.1"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.testAPIVersion] == "2.1")
                let body = try APITestHarness.json(response)
                #expect(body["title"] == "Unauthorized")
                #expect(body["type"] == "/problems/unauthorized")
            }
            try await client.execute(uri: "/v2/no-such-thing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.testAPIVersion] == "2.0")
            }
        }
    }

    @Test func microversionParsing() {
        #expect(Microversion("2.1") == Microversion(2, 1))
        #expect(Microversion("2.10")! > Microversion("2.9")!)
        #expect(Microversion("02.1") == nil)
        #expect(Microversion("") == nil)
    }
}

@Suite struct MethodTests {
    @Test func aKnownPathWithAnotherMethodIs405WithAllow() async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/v2/jobs", method: .put) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/v1/jobs/4b1c0d4e-0000-4000-8000-000000000000", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE")
            }
            try await client.execute(uri: "/nowhere", method: .put) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func headAnswersLikeGetWithoutABody() async throws {
        try await APITestHarness().run { client in
            try await client.execute(uri: "/healthcheck", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
        }
    }
}
