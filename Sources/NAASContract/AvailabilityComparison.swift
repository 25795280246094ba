import OpenAPIKit

/// Compares the microversion range of something present in both documents.
///
/// Only ranges are compared here; what happens to the thing itself (a removed
/// property, a changed type) is found by the other comparisons.
struct AvailabilityComparison {
    let context: ComparisonContext

    /// A microversion range; nil ends are open.
    private struct Range: Equatable {
        let min: ContractMicroversion?
        let max: ContractMicroversion?

        init(_ extensions: [String: AnyCodable]) {
            min = ComparisonContext.minVersion(in: extensions)
            max = ComparisonContext.maxVersion(in: extensions)
        }

        var text: String {
            switch (min, max) {
            case (nil, nil): "every microversion"
            case (let low?, nil): "\(low) and later"
            case (nil, let high?): "up to \(high)"
            case (let low?, let high?): "\(low) to \(high)"
            }
        }
    }

    func compare(
        _ old: [String: AnyCodable], _ new: [String: AnyCodable], at location: FieldLocation,
        into log: inout ChangeLog
    ) {
        let before = Range(old)
        let after = Range(new)
        guard before != after else { return }
        let change = "\(location) exists in \(after.text), was \(before.text)"

        // Microversions lost at the bottom: [before.min, after.min); at the top: (after.max, before.max].
        let losesLow = Self.lowerStart(before.min, after.min)
        let losesHigh = Self.earlierEnd(after.max, before.max)
        let gains = Self.lowerStart(after.min, before.min) || Self.earlierEnd(before.max, after.max)

        if losesLow || losesHigh {
            if losesPublished(before: before, after: after, low: losesLow, high: losesHigh) {
                log.record(.availabilityNarrowed, at: location,
                           "\(change); clients at microversions up to \(context.oldMaximum?.description ?? "?") lose it")
            } else {
                log.record(.availabilityNarrowedBehindMicroversion, at: location, change)
            }
        }
        if gains {
            log.record(.availabilityWidened, at: location, change)
        }
    }

    /// Whether a microversion that the old document already offered (≤ its
    /// maximum) is among those lost. Without declared microversions nothing
    /// was published by microversion.
    private func losesPublished(before: Range, after: Range, low: Bool, high: Bool) -> Bool {
        guard let published = context.oldMaximum else { return false }
        // Lost at the bottom starts at before.min (or the very first microversion).
        if low, before.min.map({ $0 <= published }) ?? true { return true }
        // Lost at the top starts just above after.max.
        if high, let cut = after.max, cut < published { return true }
        return false
    }

    /// Whether range start `lhs` is below `rhs`; nil starts at the first microversion.
    private static func lowerStart(_ lhs: ContractMicroversion?, _ rhs: ContractMicroversion?) -> Bool {
        guard let rhs else { return false }
        guard let lhs else { return true }
        return lhs < rhs
    }

    /// Whether range end `lhs` is below `rhs`; nil never ends.
    private static func earlierEnd(_ lhs: ContractMicroversion?, _ rhs: ContractMicroversion?) -> Bool {
        guard let lhs else { return false }
        guard let rhs else { return true }
        return lhs < rhs
    }
}
