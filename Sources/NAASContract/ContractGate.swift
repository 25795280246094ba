import Foundation

/// The CI gate over the committed contract: compares each document with its
/// release baseline and decides whether the change may land.
///
/// - v1 is frozen: any breaking change fails.
/// - v2 evolves by microversions: any change a client could notice (breaking
///   or additive) fails unless it comes with a higher maximum microversion, a
///   section for it in the version history, and a CHANGELOG line naming it
///   under "API contract".
public struct ContractGate: Sendable {
    /// One major's documents and the texts the gate cross-checks.
    public struct Inputs: Sendable {
        public let baselineV1: Data
        public let currentV1: Data
        public let baselineV2: Data
        public let currentV2: Data
        public let history: String
        public let changelog: String

        public init(baselineV1: Data, currentV1: Data, baselineV2: Data, currentV2: Data, history: String, changelog: String) {
            self.baselineV1 = baselineV1
            self.currentV1 = currentV1
            self.baselineV2 = baselineV2
            self.currentV2 = currentV2
            self.history = history
            self.changelog = changelog
        }
    }

    /// What the gate found and whether it passes.
    public struct Verdict: Sendable {
        public let v1Changes: [ContractChange]
        public let v2Changes: [ContractChange]
        /// Why the change may not land; empty when it may.
        public let failures: [String]
        public var passed: Bool { failures.isEmpty }

        /// The report a developer reads in CI.
        public var text: String {
            var lines = ["v1: " + ContractReport(changes: v1Changes).summary]
            lines += ContractReport(changes: v1Changes).lines.map { "  " + $0 }
            lines.append("v2: " + ContractReport(changes: v2Changes).summary)
            lines += ContractReport(changes: v2Changes).lines.map { "  " + $0 }
            lines += failures.map { "FAIL: " + $0 }
            lines.append(passed ? "contract gate: passed" : "contract gate: FAILED")
            return lines.joined(separator: "\n")
        }
    }

    public init() {}

    public func evaluate(_ inputs: Inputs) throws -> Verdict {
        let v1 = try ContractDiff.compare(old: inputs.baselineV1, new: inputs.currentV1)
        let v2 = try ContractDiff.compare(old: inputs.baselineV2, new: inputs.currentV2)
        var failures: [String] = []
        for change in v1 where change.kind == .breaking {
            failures.append("v1 is frozen, but \(change.location): \(change.message)")
        }
        if v2.contains(where: { $0.kind != .neutral }) {
            failures += microversionFailures(inputs)
        }
        return Verdict(v1Changes: v1, v2Changes: v2, failures: failures)
    }

    private func microversionFailures(_ inputs: Inputs) -> [String] {
        let before = (try? ContractDiff.microversions(in: inputs.baselineV2))?.max
        guard let after = (try? ContractDiff.microversions(in: inputs.currentV2))?.max else {
            return ["openapi/v2.yaml declares no info.x-naas-microversions.max"]
        }
        if let before, after <= before {
            return ["the v2 contract changed but its maximum microversion is still \(after): add a microversion (docs/api-versioning.md)"]
        }
        var failures: [String] = []
        if !inputs.history.contains("## \(after)\n") {
            failures.append("docs/api-history.md has no section for \(after): run `naas contract history > docs/api-history.md`")
        }
        if !changelogNames(after, inputs.changelog) {
            failures.append("CHANGELOG.md names no microversion \(after) under \"API contract\"")
        }
        return failures
    }

    /// Whether an "API contract" section of the changelog mentions the microversion.
    private func changelogNames(_ version: ContractMicroversion, _ changelog: String) -> Bool {
        var inContractSection = false
        for line in changelog.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { inContractSection = line.lowercased().contains("api contract") }
            if inContractSection, line.contains(version.description) { return true }
        }
        return false
    }
}
