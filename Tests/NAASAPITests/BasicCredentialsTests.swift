import Foundation
import HTTPTypes
import Testing
@testable import NAASAPI

@Suite struct BasicCredentialsTests {
    private func login(_ authorization: String) -> BasicCredentials? {
        BasicCredentials([.authorization: authorization])
    }

    private let encoded = Data("ops:pa:ss ✓".utf8).base64EncodedString()

    @Test func theSchemeIsCaseInsensitiveAndThePasswordKeepsItsColons() throws {
        for scheme in ["Basic", "basic", "BASIC", "bAsIc"] {
            let credentials = try #require(login("\(scheme) \(encoded)"))
            #expect(credentials.username == "ops")
            #expect(credentials.password == "pa:ss ✓")
        }
        #expect(login("Basic   \(encoded)  ")?.username == "ops")
    }

    @Test(arguments: ["Bearer abc", "Basic", "Basic ", "Basicx \(Data("a:b".utf8).base64EncodedString())", "Basic%\(Data("a:b".utf8).base64EncodedString())",
                      "Basic not-base64!", "Basic \(Data("no-colon".utf8).base64EncodedString())", "Basic \(Data(":empty-user".utf8).base64EncodedString())",
                      "Basic \(Data([0x61, 0x3A, 0xFF]).base64EncodedString())"])
    func anythingElseIsNoCredentials(_ authorization: String) {
        #expect(login(authorization) == nil)
    }
}
