import Foundation
import NAASCore
import Testing
@testable import NAASAPI

@Suite struct APITokenTests {
    @Test func tokensAreLongRandomAndRecognisable() {
        let (id, token) = APIToken.generate()
        let (otherID, other) = APIToken.generate()
        #expect(token.hasPrefix("naas_") && token.count == 5 + 43)
        #expect(token != other && id != otherID)
        #expect(APIToken.isKeyID(id))
        #expect(!APIToken.isKeyID("k-0123") && !APIToken.isKeyID("k-0123456789AB") && !APIToken.isKeyID("x-0123456789ab"))
        #expect(APIToken.hash(token).count == 64 && APIToken.hash(token) != token)
    }

    @Test func constantTimeComparisonStillCompares() {
        #expect(ConstantTime.equal("s3cret", "s3cret"))
        #expect(!ConstantTime.equal("s3cret", "s3creT"))
        #expect(!ConstantTime.equal("s3cret", "s3cret "))
        #expect(!ConstantTime.equal("", "x"))
    }
}
