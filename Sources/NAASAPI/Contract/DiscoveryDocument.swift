import NAASCore
import Foundation

/// `GET /versions`, `GET /v1/`, `GET /v2/`: what majors exist, their status,
/// microversion range, lifecycle dates and documents.
enum DiscoveryDocument {
    static func entry(_ major: MajorVersion, now: Date) -> JSONValue {
        var links: [JSONValue] = [
            ["rel": "self", "href": .string("/\(major.id.rawValue)/")],
            ["rel": "describedby", "href": .string("/\(major.id.rawValue)/openapi.json"), "type": "application/vnd.oai.openapi+json"],
        ]
        if let successor = major.successor {
            links.append(["rel": "successor-version", "href": .string("/\(successor.rawValue)/")])
        }
        return [
            "id": .string(major.id.rawValue),
            "status": .string(major.status(at: now).rawValue),
            "min_version": .string(major.microversions?.lowerBound.description ?? ""),
            "max_version": .string(major.microversions?.upperBound.description ?? ""),
            "deprecated_at": JSONValue(major.deprecatedAt),
            "sunset_at": JSONValue(major.sunsetAt),
            "links": .array(links),
        ]
    }

    static func all(_ contract: APIContract, now: Date) -> JSONValue {
        ["versions": .array(contract.majors.map { entry($0, now: now) })]
    }
}
