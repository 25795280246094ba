import Foundation
import NAASCore

/// How job output is stored: commands as an ordered array (inside an object
/// that also names the platform when autodetect found one), structured
/// commands always inside such an object, config as text. The job's kind
/// says which form a row holds, so rows stored before structured jobs
/// existed decode as they always did.
enum JobOutputCoding {
    private struct DetectedCommands: Codable {
        let detectedPlatform: String
        let commands: [CommandOutput]
    }

    private struct StructuredCommands: Codable {
        let detectedPlatform: String?
        let commands: [StructuredCommandOutput]
    }

    static func encode(_ output: JobOutput) throws -> String {
        let data: Data
        switch output {
        case .commands(let outputs, let detected?):
            data = try JSONEncoder().encode(DetectedCommands(detectedPlatform: detected, commands: outputs))
        case .commands(let outputs, nil): data = try JSONEncoder().encode(outputs)
        case .structured(let outputs, let detected):
            data = try JSONEncoder().encode(StructuredCommands(detectedPlatform: detected, commands: outputs))
        case .config(let transcript): data = try JSONEncoder().encode(transcript)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String, kind: JobKind) throws -> JobOutput {
        let data = Data(text.utf8)
        switch kind {
        case .command:
            if text.first == "{" {
                let detected = try JSONDecoder().decode(DetectedCommands.self, from: data)
                return .commands(detected.commands, detectedPlatform: detected.detectedPlatform)
            }
            return .commands(try JSONDecoder().decode([CommandOutput].self, from: data))
        case .structuredCommand:
            let structured = try JSONDecoder().decode(StructuredCommands.self, from: data)
            return .structured(structured.commands, detectedPlatform: structured.detectedPlatform)
        case .config: return .config(try JSONDecoder().decode(String.self, from: data))
        }
    }
}
