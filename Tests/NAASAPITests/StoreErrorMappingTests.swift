import Testing
import NAASStore
@testable import NAASAPI

/// How the store's outages reach a client: a 503, and whether anything may have been written.
@Suite struct StoreErrorMappingTests {
    @Test func aStoreOutageIsA503SayingNothingWasDone() throws {
        let error = try #require(ErrorRenderer.apiError(from: PostgresStoreError.unavailable("down")))
        #expect(error == .storeUnavailable(outcomeUnknown: false) && error.status == .serviceUnavailable)
        #expect(error.detail.contains("nothing was done"))
    }

    /// Regression: a statement the database dropped mid-way was reported as "nothing was done",
    /// though its write may have committed; the client is now told to look before sending again.
    @Test func aStatementCutOffMidWayIsA503SayingTheOutcomeIsUnknown() throws {
        let error = try #require(ErrorRenderer.apiError(from: PostgresStoreError.interrupted("gone")))
        #expect(error == .storeUnavailable(outcomeUnknown: true) && error.status == .serviceUnavailable)
        #expect(!error.detail.contains("nothing was done") && error.detail.contains("may or may not have taken effect"))
    }
}
