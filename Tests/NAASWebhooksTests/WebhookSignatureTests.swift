import Testing
@testable import NAASWebhooks

@Suite struct WebhookSignatureTests {
    /// The digest was computed apart from this code (Python's hmac module) over the same timestamp and bytes.
    @Test func theSignatureIsHMACSHA256OverTheTimestampADotAndTheBytes() {
        let body = Array(#"{"job_id":"j-1","status":"finished"}"#.utf8)
        #expect(WebhookSignature.headerValue(secret: "whsec-test", timestamp: 1_700_000_000, body: body)
            == "t=1700000000,v1=34a1f77d9199bbeb0ae709c48fddeff1dcee71a780465fb08968b44bd5e76f58")
    }

    @Test func anyChangeToTheBytesOrTheTimeChangesTheSignature() {
        let body = Array(#"{"job_id":"j-1"}"#.utf8)
        let signed = WebhookSignature.headerValue(secret: "s", timestamp: 10, body: body)
        #expect(signed != WebhookSignature.headerValue(secret: "s", timestamp: 11, body: body))
        #expect(signed != WebhookSignature.headerValue(secret: "s", timestamp: 10, body: Array(#"{"job_id": "j-1"}"#.utf8)))
        #expect(signed != WebhookSignature.headerValue(secret: "t", timestamp: 10, body: body))
    }
}

@Suite struct WebhookSettingsTests {
    @Test func retriesWaitTwiceAsLongEachTimeUpToAnHour() {
        let settings = WebhookSettings(firstRetryDelay: .seconds(5))
        #expect((1...4).map { settings.retryDelay(afterAttempt: $0) } == [.seconds(5), .seconds(10), .seconds(20), .seconds(40)])
        #expect(settings.retryDelay(afterAttempt: 40) == WebhookSettings.longestRetryDelay)
    }

    @Test func atLeastOneAttemptIsMade() {
        #expect(WebhookSettings(maxAttempts: 0).maxAttempts == 1)
    }
}
