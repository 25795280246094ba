import Foundation
import NAASCore
import Testing
@testable import NAASAPI

@Suite struct KeyOrderTests {
    let settings = SecuritySettings(contexts: ["default", "lab"], keyDefaultLifetime: 100, keyMaxLifetime: 1000)

    @Test func defaultsAreAllContextsAndTheDefaultLifetime() throws {
        let order = try KeyOrder.parse(["role": "viewer"], settings: settings).get()
        #expect(order.role == .viewer && order.contexts == .all && order.lifetime == 100 && order.name == nil)
    }

    @Test func everyBadFieldIsNamed() {
        guard case .failure(.validation(_, let errors)) = KeyOrder.parse(
            ["role": "root", "contexts": ["lab", "mars"], "ttl": 5000, "name": ""], settings: settings)
        else {
            Issue.record("expected a validation error")
            return
        }
        #expect(errors.map(\.location) == [["role"], ["contexts", 1], ["ttl"], ["name"]])
    }

    @Test func theDefaultLifetimeNeverOutlivesTheMaximum() throws {
        let capped = SecuritySettings(keyDefaultLifetime: 7_776_000, keyMaxLifetime: 3600)
        #expect(try KeyOrder.parse(["role": "viewer"], settings: capped).get().lifetime == 3600)
        let unlimited = SecuritySettings(keyDefaultLifetime: 0, keyMaxLifetime: 3600)
        #expect(try KeyOrder.parse(["role": "viewer"], settings: unlimited).get().lifetime == 3600)
    }

    @Test func roleIsRequiredAndNeverDefaultsToAdmin() {
        guard case .failure(.validation(_, let errors)) = KeyOrder.parse([:], settings: settings) else {
            Issue.record("a key without a role must be refused")
            return
        }
        #expect(errors.first?.type == "missing")
    }
}
