import Foundation
import NAASContract
import Testing

/// A scenario under `Fixtures/<name>/`: an `old.yaml` document, a
/// `breaking.yaml` that changes it incompatibly and a `compatible.yaml` that
/// changes it in a way existing clients survive.
struct Fixture {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    func data(_ document: String) throws -> Data {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return try Data(contentsOf: fixtures.appendingPathComponent(name).appendingPathComponent("\(document).yaml"))
    }

    /// The changes from `old.yaml` to `document`.
    func changes(to document: String) throws -> [ContractChange] {
        try ContractDiff.compare(old: data("old"), new: data(document))
    }

    /// `old.yaml` → `breaking.yaml` yields exactly these rules, all of `kind`
    /// (breaking unless told), the first at `location` if given.
    func expectBreaking(
        _ rules: String..., kind: ChangeKind = .breaking, at location: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        try expect(changes(to: "breaking"), rules, kind: kind, at: location, sourceLocation: sourceLocation)
    }

    /// `old.yaml` → `compatible.yaml` yields exactly these rules, all of `kind`
    /// (additive unless told), the first at `location` if given.
    func expectCompatible(
        _ rules: String..., kind: ChangeKind = .additive, at location: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let found = try changes(to: "compatible")
        #expect(!found.contains { $0.kind == .breaking }, "\(found)", sourceLocation: sourceLocation)
        try expect(found, rules, kind: kind, at: location, sourceLocation: sourceLocation)
    }

    private func expect(
        _ found: [ContractChange], _ rules: [String], kind: ChangeKind, at location: String?,
        sourceLocation: SourceLocation
    ) throws {
        #expect(found.map(\.rule.id) == rules, "\(found)", sourceLocation: sourceLocation)
        #expect(found.allSatisfy { $0.kind == kind }, "\(found)", sourceLocation: sourceLocation)
        if let location {
            #expect(found.first?.location == location, sourceLocation: sourceLocation)
        }
    }
}
