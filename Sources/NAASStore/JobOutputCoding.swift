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
        // The plain forms, every job's, are written by hand: JSONEncoder cost a warm job a twentieth of its time.
        case .commands(let outputs, let detected?):
            var object = JSONObjectWriter(capacity: 64 + outputs.reduce(0) { $0 + $1.output.utf8.count })
            object.add("detectedPlatform", detected)
            object.addRaw("commands", storedJSON(outputs))
            return String(decoding: object.finished, as: UTF8.self)
        case .commands(let outputs, nil): return String(decoding: storedJSON(outputs), as: UTF8.self)
        case .config(let transcript):
            var text: [UInt8] = []
            JSONText.appendQuoted(transcript, to: &text)
            return String(decoding: text, as: UTF8.self)
        case .structured(let outputs, let detected):
            data = try JSONEncoder().encode(StructuredCommands(detectedPlatform: detected, commands: outputs))
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// `[{"command": …, "output": …}, …]`, as `[CommandOutput]` decodes.
    private static func storedJSON(_ outputs: [CommandOutput]) -> [UInt8] {
        var text: [UInt8] = [UInt8(ascii: "[")]
        for (index, output) in outputs.enumerated() {
            if index > 0 { text.append(UInt8(ascii: ",")) }
            var object = JSONObjectWriter(capacity: 32 + output.command.utf8.count + output.output.utf8.count)
            object.add("command", output.command)
            object.add("output", output.output)
            text += object.finished
        }
        text.append(UInt8(ascii: "]"))
        return text
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
