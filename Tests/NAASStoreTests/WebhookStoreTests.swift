import Foundation
import NAASCore
import Testing
@testable import NAASStore

/// Webhook deliveries wait for their job to end, are claimed by one deliverer at a time,
/// retried when asked, and settle as delivered or failed.
@Suite struct WebhookStoreTests {
    private static func job(webhook: WebhookRequest?) -> NewJob {
        let base = StoreFixture.job()
        return NewJob(id: base.id, owner: base.owner, spec: base.spec, credentials: base.credentials, webhook: webhook)
    }

    private static let hook = WebhookRequest(url: "https://hooks.example.net/naas", secret: "whsec-7f3a", microversion: "2.13")

    /// A job read from the embedded store says whether a webhook was registered, so a
    /// result without one is answered without reading the deliveries; a store that
    /// does not say leaves it nil, never false.
    @Test(arguments: StoreEngine.all)
    func aJobReadSaysWhetherItHasAWebhookOrLeavesItUnknown(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let hooked = Self.job(webhook: Self.hook)
            let plain = Self.job(webhook: nil)
            try await fixture.store.enqueue(hooked)
            try await fixture.store.enqueue(plain)
            let hookedRead = try #require(try await fixture.store.job(hooked.id)).hasWebhook
            let plainRead = try #require(try await fixture.store.job(plain.id)).hasWebhook
            if case .sqlite = engine {
                #expect(hookedRead == true && plainRead == false)
            } else {
                #expect(hookedRead == nil && plainRead == nil)
            }
        }
    }

    @Test(arguments: StoreEngine.all)
    func aDeliveryIsDueWhenItsJobEndsAndIsRetriedUntilDelivered(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            let job = Self.job(webhook: Self.hook)
            try await store.enqueue(job)
            try await store.enqueue(Self.job(webhook: nil))
            let now = Date()
            #expect(try await store.claimWebhookDelivery(now: now, lease: 30) == nil, "not while the job is queued")
            #expect(try await store.nextWebhookAttempt() == nil)
            #expect(try await store.webhookState(of: job.id)?.status == .pending)

            let claimed = try #require(try await store.claimNext())
            #expect(claimed.id == job.id)
            try await store.finish(job.id, outcome: .succeeded(.commands([])))
            let first = try #require(try await store.claimWebhookDelivery(now: now, lease: 30))
            #expect(first == WebhookDelivery(jobID: job.id, url: Self.hook.url, secret: Self.hook.secret, microversion: "2.13", attempts: 0))
            #expect(try await store.claimWebhookDelivery(now: now, lease: 30) == nil, "leased to the first deliverer")

            let retryAt = now.addingTimeInterval(5)
            try await store.recordWebhookAttempt(jobID: job.id, at: now, outcome: .failed("HTTP 500", retryAt: retryAt))
            #expect(abs(try #require(try await store.nextWebhookAttempt()).timeIntervalSince(retryAt)) < 0.001)
            #expect(try await store.claimWebhookDelivery(now: now.addingTimeInterval(1), lease: 30) == nil, "not before its retry")
            let second = try #require(try await store.claimWebhookDelivery(now: retryAt, lease: 30))
            #expect(second.attempts == 1)
            try await store.recordWebhookAttempt(jobID: job.id, at: retryAt, outcome: .delivered)
            let state = try #require(try await store.webhookState(of: job.id))
            #expect(state.status == .delivered && state.attempts == 2 && state.lastError == nil && state.deliveredAt != nil)
            #expect(try await store.claimWebhookDelivery(now: retryAt.addingTimeInterval(60), lease: 30) == nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aDeliveryWhoseAttemptsRanOutIsFailedAndACanceledJobsIsDueToo(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            let job = Self.job(webhook: Self.hook)
            try await store.enqueue(job)
            #expect(try await store.cancel(job.id) == .canceled)
            let now = Date()
            let delivery = try #require(try await store.claimWebhookDelivery(now: now, lease: 30))
            #expect(delivery.jobID == job.id)
            try await store.recordWebhookAttempt(jobID: job.id, at: now, outcome: .failed("connection refused", retryAt: nil))
            let state = try #require(try await store.webhookState(of: job.id))
            #expect(state.status == .failed && state.attempts == 1 && state.lastError == "connection refused")
            #expect(try await store.nextWebhookAttempt() == nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func anEndedJobWakesWhoeverWatchesAnyJob(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            let store = fixture.store
            var changes = store.anyJobChanges().makeAsyncIterator()
            _ = await changes.next()  // the first look
            let job = Self.job(webhook: Self.hook)
            try await store.enqueue(job)
            _ = try await store.claimNext()
            try await store.finish(job.id, outcome: .succeeded(.commands([])))
            #expect(await changes.next() != nil)
        }
    }
}
