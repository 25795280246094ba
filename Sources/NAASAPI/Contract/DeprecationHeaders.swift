import Foundation
import HTTPTypes

extension HTTPField.Name {
    static let deprecation = HTTPField.Name("Deprecation")!
    static let sunset = HTTPField.Name("Sunset")!
    static let link = HTTPField.Name("Link")!
    static let warning = HTTPField.Name("Warning")!
    static let naasAPIVersion = HTTPField.Name("NAAS-API-Version")!
}

/// The standard deprecation signals: RFC 9745 `Deprecation`, RFC 8594
/// `Sunset`, RFC 8288 `Link` relations, and `Warning: 299` for fields.
enum DeprecationHeaders {
    /// `@<unix seconds>`: an RFC 9651 structured-field date.
    static func deprecation(_ date: Date) -> String {
        "@\(Int(date.timeIntervalSince1970.rounded(.down)))"
    }

    /// An IMF-fixdate, e.g. `Fri, 01 Jan 2027 00:00:00 GMT`.
    static func sunset(_ date: Date) -> String {
        imfFixdate.format(date)
    }

    static func link(_ target: String, relation: String) -> String {
        "<\(target)>; rel=\"\(relation)\""
    }

    /// A warning for a deprecated request field and the field to use instead.
    static func fieldWarning(_ field: String, replacement: String) -> String {
        "299 - \"\(field) is deprecated, use \(replacement)\""
    }

    /// The headers every deprecated response carries, built once: they change
    /// only with the lifecycle, and formatting a date or validating a field
    /// value per response cost several percent of a submission's CPU.
    struct Stamp: Sendable {
        let deprecation: HTTPField
        let sunset: HTTPField
        let link: HTTPField

        init(_ lifecycle: APIContract.Lifecycle) {
            deprecation = HTTPField(name: .deprecation, value: DeprecationHeaders.deprecation(lifecycle.v1DeprecatedAt))
            sunset = HTTPField(name: .sunset, value: DeprecationHeaders.sunset(lifecycle.v1SunsetAt))
            link = HTTPField(name: .link, value: DeprecationHeaders.link(lifecycle.deprecationDocs, relation: "deprecation"))
        }

        /// Adds the headers to a response that has none of them yet. The
        /// `Link` relations go on one line, deprecation first: clients that
        /// read a single header line (many do) must still see every relation.
        func add(to headers: inout HTTPFields) {
            headers.append(deprecation)
            headers.append(sunset)
            if let others = headers[.link] {
                headers[.link] = link.value + ", " + others
            } else {
                headers.append(link)
            }
        }
    }

    private static let imfFixdate = Date.VerbatimFormatStyle(
        format: "\(weekday: .abbreviated), \(day: .twoDigits) \(month: .abbreviated) \(year: .padded(4)) \(hour: .twoDigits(clock: .twentyFourHour, hourCycle: .zeroBased)):\(minute: .twoDigits):\(second: .twoDigits) GMT",
        locale: Locale(identifier: "en_US_POSIX"), timeZone: TimeZone(identifier: "GMT")!, calendar: Calendar(identifier: .gregorian))
}
