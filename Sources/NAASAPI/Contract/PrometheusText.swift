import NAASCore

/// Writes samples in the Prometheus text exposition format (version 0.0.4).
enum PrometheusText {
    /// Appends `samples`, one `# HELP` and `# TYPE` pair per family; a family's samples must be adjacent.
    static func append(_ samples: [MetricSample], to text: inout String) {
        var family: String?
        for sample in samples {
            if sample.name != family {
                family = sample.name
                text += "# HELP \(sample.name) \(escaped(sample.help, quotes: false))\n"
                text += "# TYPE \(sample.name) \(sample.kind.rawValue)\n"
            }
            text += sample.name
            if !sample.labels.isEmpty {
                text += "{"
                text += sample.labels.map { "\($0.name)=\"\(escaped($0.value, quotes: true))\"" }.joined(separator: ",")
                text += "}"
            }
            text += " \(sample.value)\n"
        }
    }

    /// Label values escape backslash, double quote and newline; help text escapes backslash and newline.
    private static func escaped(_ text: String, quotes: Bool) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\"" where quotes: result += "\\\""
            default: result.append(character)
            }
        }
        return result
    }
}
