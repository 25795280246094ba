import NAASCore
import Metrics
import Prometheus
import Synchronization

/// Counts requests by major, microversion, operation and whether the route
/// is deprecated, so operators see who still calls v1; beside them, what its
/// sources report when read.
public final class RequestMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    /// One counter per series; the key is the series itself, so counting a request builds no text.
    private let counters = Mutex<[Series: Metrics.Counter]>([:])

    private struct Series: Hashable {
        let operation: OperationID
        /// The major, not the surface: `/v1/...` and its unversioned aliases are one series.
        let major: MajorVersion.ID?
        let microversion: Microversion?
    }

    public static let requestsCounter = "naas_http_requests_total"

    /// Parts of the process read when `/metrics` is (the device sessions of a process that runs jobs).
    private let sources: [any MetricsSource]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), sources: [any MetricsSource] = []) {
        self.registry = registry
        self.factory = PrometheusMetricsFactory(registry: registry)
        self.sources = sources
    }

    func record(operation: OperationID, surface: APISurface, microversion: Microversion?) {
        let series = Series(operation: operation, major: surface.major, microversion: microversion)
        let counter = counters.withLock { counters in
            if let existing = counters[series] { return existing }
            let dimensions = [
                ("major", surface.major?.rawValue ?? "none"),
                ("microversion", microversion?.description ?? ""),
                ("operation", operation.rawValue),
                ("deprecated", surface.isDeprecated ? "true" : "false"),
            ]
            let made = Metrics.Counter(label: Self.requestsCounter, dimensions: dimensions, factory: factory)
            counters[series] = made
            return made
        }
        counter.increment()
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        var text = String(decoding: buffer, as: UTF8.self)
        PrometheusText.append(sources.flatMap { $0.metricSamples() }, to: &text)
        return text
    }
}
