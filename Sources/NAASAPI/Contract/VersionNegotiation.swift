import NAASCore
/// Reads `NAAS-API-Version` for a major with microversions.
enum VersionNegotiation {
    /// Absent → the minimum (old clients never see changes they did not ask
    /// for); `latest` → the maximum; `X.Y` inside the range → itself.
    static func microversion(requested header: String?, in range: ClosedRange<Microversion>) throws(APIError) -> Microversion {
        guard let raw = header.map({ String($0.trimmingOptionalWhitespace()) }), !raw.isEmpty else { return range.lowerBound }
        if raw.lowercased() == "latest" { return range.upperBound }
        guard let version = Microversion(raw) else {
            throw .malformedMicroversion(String(raw.prefix(40)))
        }
        guard version.major == range.lowerBound.major else {
            throw .unsupportedMicroversion(requested: version, supported: range)
        }
        guard range.contains(version) else {
            throw .unsupportedMicroversion(requested: version, supported: range)
        }
        return version
    }
}
