import Foundation
import NAASCore

/// How job output is stored: commands as an ordered array, config as text.
enum JobOutputCoding {
    static func encode(_ output: JobOutput) throws -> String {
        let data: Data
        switch output {
        case .commands(let outputs): data = try JSONEncoder().encode(outputs)
        case .config(let transcript): data = try JSONEncoder().encode(transcript)
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String, kind: JobKind) throws -> JobOutput {
        let data = Data(text.utf8)
        switch kind {
        case .command: return .commands(try JSONDecoder().decode([CommandOutput].self, from: data))
        case .config: return .config(try JSONDecoder().decode(String.self, from: data))
        }
    }
}
