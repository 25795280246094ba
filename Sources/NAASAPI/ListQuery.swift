import Hummingbird
import NAASCore

/// `page`, `per_page` and `status` of a job listing.
struct ListQuery {
    let page: Int
    let perPage: Int
    let status: JobStatus?

    init(_ query: Hummingbird.Parameters) throws(APIError) {
        var errors: [FieldError] = []
        func number(_ name: String, default fallback: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = query.get(name) else { return fallback }
            guard let value = Int(raw), range.contains(value) else {
                let upper = range.upperBound == Int(Int32.max) ? "" : " and at most \(range.upperBound)"
                errors.append(FieldError([.string(name)], "\(name) must be an integer of at least \(range.lowerBound)\(upper)"))
                return fallback
            }
            return value
        }
        page = number("page", default: 1, range: 1...Int(Int32.max))
        perPage = number("per_page", default: 20, range: 1...100)
        if let raw = query.get("status") {
            status = JobStatus(rawValue: raw)
            if status == nil {
                let names = JobStatus.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(["status"], "Unknown status \"\(raw.prefix(50))\"; use one of: \(names)"))
            }
        } else {
            status = nil
        }
        if !errors.isEmpty { throw .validation(source: "query", errors) }
    }
}
