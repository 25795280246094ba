/// One command of a structured job: what the device printed, and what
/// parsing it made of that.
public struct StructuredCommandOutput: Sendable, Equatable {
    public let command: String
    /// The raw output, always kept: the plain result routes show it, and so
    /// do the structured ones wherever parsing gave no records.
    public let output: String
    public let structure: CommandStructure

    public init(command: String, output: String, structure: CommandStructure) {
        self.command = command
        self.output = output
        self.structure = structure
    }
}

/// What parsing made of one command's output.
public enum CommandStructure: Sendable, Equatable {
    /// The template gave these records (at least one).
    case records([ParsedRecord])
    /// No template applies to the command, or its template found no record:
    /// the result is the raw output, as Netmiko returns it.
    case unstructured
    /// A template failed to load, or its `Error` action fired: the result is
    /// the raw output, and this message says what went wrong. The job still
    /// finishes: a parse never fails a job.
    case parseFailed(String)
}

// Stored as `{"command", "output", "records"?, "parse_error"?}`: neither of
// the last two means the output stayed unstructured.
extension StructuredCommandOutput: Codable {
    private enum Key: String, CodingKey {
        case command, output, records
        case parseError = "parse_error"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        command = try container.decode(String.self, forKey: .command)
        output = try container.decode(String.self, forKey: .output)
        if let records = try container.decodeIfPresent([ParsedRecord].self, forKey: .records) {
            structure = .records(records)
        } else if let message = try container.decodeIfPresent(String.self, forKey: .parseError) {
            structure = .parseFailed(message)
        } else {
            structure = .unstructured
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(command, forKey: .command)
        try container.encode(output, forKey: .output)
        switch structure {
        case .records(let records): try container.encode(records, forKey: .records)
        case .parseFailed(let message): try container.encode(message, forKey: .parseError)
        case .unstructured: break
        }
    }
}
