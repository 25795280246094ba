import Foundation
import NAASCore

/// How job output is stored: commands as an ordered array (inside an object
/// that also names the platform when autodetect found one), config as text.
enum JobOutputCoding {
    private struct DetectedCommands: Codable {
        let detectedPlatform: String
        let commands: [CommandOutput]
    }

    static func encode(_ output: JobOutput) throws -> String {
        let data: Data
        switch output {
        case .commands(let outputs, let detected?):
            data = try JSONEncoder().encode(DetectedCommands(detectedPlatform: detected, commands: outputs))
        case .commands(let outputs, nil): data = try JSONEncoder().encode(outputs)
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
        case .config: return .config(try JSONDecoder().decode(String.self, from: data))
        }
    }
}
