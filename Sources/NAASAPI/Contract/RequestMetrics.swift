import NAASCore
import Metrics
import Prometheus
import Synchronization

/// Counts requests by major, microversion, operation and whether the route
/// is deprecated, so operators see who still calls v1.
public final class RequestMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let counters = Mutex<[String: Metrics.Counter]>([:])

    public static let requestsCounter = "naas_http_requests_total"

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
    }

    func record(operation: OperationID, surface: APISurface, microversion: Microversion?) {
        let dimensions = [
            ("major", surface.major?.rawValue ?? "none"),
            ("microversion", microversion?.description ?? ""),
            ("operation", operation.rawValue),
            ("deprecated", surface.isDeprecated ? "true" : "false"),
        ]
        let key = dimensions.map(\.1).joined(separator: "|")
        let counter = counters.withLock { counters in
            if let existing = counters[key] { return existing }
            let made = Metrics.Counter(label: Self.requestsCounter, dimensions: dimensions, factory: factory)
            counters[key] = made
            return made
        }
        counter.increment()
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
