import NAASCore
import Foundation

/// A major contract generation, selected by the path prefix.
public struct MajorVersion: Sendable, Equatable {
    public enum ID: String, Sendable, CaseIterable {
        case v1, v2
    }

    /// Lifecycle status, as published by `GET /versions`.
    public enum Status: String, Sendable {
        case current = "CURRENT"
        case supported = "SUPPORTED"
        case deprecated = "DEPRECATED"
        case retired = "RETIRED"
    }

    public let id: ID
    /// The microversion range; nil for a major without microversions (v1).
    public let microversions: ClosedRange<Microversion>?
    public let deprecatedAt: Date?
    public let sunsetAt: Date?
    public let successor: ID?

    /// The status at `now`: retired after the sunset, deprecated after the deprecation date.
    public func status(at now: Date) -> Status {
        if let sunsetAt, now >= sunsetAt { return .retired }
        if let deprecatedAt, now >= deprecatedAt { return .deprecated }
        return successor == nil ? .current : .supported
    }
}
