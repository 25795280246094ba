/// The microversions a document declares in `info.x-naas-microversions`
/// (`{min: "2.0", max: "2.3"}`). A caller compares the old and new maximum to
/// see whether a contract change came with a new microversion.
public struct MicroversionRange: Sendable, Hashable, CustomStringConvertible {
    /// The lowest microversion, if the document states one.
    public let min: ContractMicroversion?
    /// The highest microversion: what `NAAS-API-Version: latest` selects.
    public let max: ContractMicroversion

    public init(min: ContractMicroversion?, max: ContractMicroversion) {
        self.min = min
        self.max = max
    }

    public var description: String {
        min.map { "\($0)–\(max)" } ?? "up to \(max)"
    }
}
