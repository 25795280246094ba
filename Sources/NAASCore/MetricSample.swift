/// One value a part of the process reports when `/metrics` is read, in the
/// terms of the Prometheus text format.
public struct MetricSample: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case counter
        case gauge
    }

    /// The family name; samples of one family differ only in their labels.
    public let name: String
    public let kind: Kind
    public let value: Int
    /// Label names and values, in the order they are shown.
    public let labels: [Label]
    /// What the family counts, for its `# HELP` line.
    public let help: String

    public struct Label: Sendable, Equatable {
        public let name: String
        public let value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(_ name: String, _ kind: Kind, _ value: Int, labels: [Label] = [], help: String) {
        self.name = name
        self.kind = kind
        self.value = value
        self.labels = labels
        self.help = help
    }
}

/// Something that reports its state as metrics when `/metrics` is read,
/// rather than pushing each change to a metrics registry as it happens.
public protocol MetricsSource: Sendable {
    func metricSamples() -> [MetricSample]
}
