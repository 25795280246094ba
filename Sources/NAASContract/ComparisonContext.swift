import OpenAPIKit

/// What every comparison step needs to know about the documents as a whole.
struct ComparisonContext {
    /// The old document's highest microversion: anything marked with a newer
    /// `x-naas-min-version` is invisible to every client that exists today.
    let oldMaximum: ContractMicroversion?

    /// The vendor extension that says from which microversion a field exists.
    static let minVersionExtension = "x-naas-min-version"
    /// The vendor extension that says up to which microversion a field exists.
    static let maxVersionExtension = "x-naas-max-version"

    /// Whether these extensions place a field behind a microversion newer than
    /// anything the old document offered. A document without declared
    /// microversions (v1) never hides anything behind one.
    func isBehindNewMicroversion(_ extensions: [String: AnyCodable]) -> Bool {
        guard let oldMaximum, let minVersion = Self.minVersion(in: extensions) else { return false }
        return minVersion > oldMaximum
    }

    static func minVersion(in extensions: [String: AnyCodable]) -> ContractMicroversion? {
        version(extensions[minVersionExtension])
    }

    static func maxVersion(in extensions: [String: AnyCodable]) -> ContractMicroversion? {
        version(extensions[maxVersionExtension])
    }

    private static func version(_ value: AnyCodable?) -> ContractMicroversion? {
        // RawDocument keeps version-like values as strings; a number still reads
        // correctly for single-digit minors.
        value.flatMap { ContractMicroversion(String(describing: $0.value)) }
    }
}
