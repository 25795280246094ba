import Foundation

/// One case of ntc-templates' conformance corpus: `<platform>/<command_with_underscores>/<name>.raw`,
/// read into memory before any timing starts so the figures are parsing, not disk.
struct CorpusCase {
    /// `platform/command_folder/name.raw`, for reporting.
    let path: String
    let platform: String
    /// The folder name with `_` read as spaces, as ntc-templates' own test reads it.
    let command: String
    let raw: String

    /// Every case under `root`, in path order (the order the Python baseline uses too).
    static func load(from root: URL, limit: Int?) throws -> [CorpusCase] {
        let manager = FileManager.default
        func folders(_ url: URL) throws -> [String] {
            try manager.contentsOfDirectory(atPath: url.path).sorted().filter {
                var isDirectory: ObjCBool = false
                return manager.fileExists(atPath: url.appendingPathComponent($0).path, isDirectory: &isDirectory) && isDirectory.boolValue
            }
        }
        var cases: [CorpusCase] = []
        for platform in try folders(root) {
            let platformFolder = root.appendingPathComponent(platform)
            for commandFolder in try folders(platformFolder) {
                let folder = platformFolder.appendingPathComponent(commandFolder)
                for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".raw") {
                    let data = try Data(contentsOf: folder.appendingPathComponent(name))
                    cases.append(CorpusCase(
                        path: "\(platform)/\(commandFolder)/\(name)", platform: platform,
                        command: commandFolder.replacingOccurrences(of: "_", with: " "),
                        raw: String(decoding: data, as: UTF8.self)))
                    if let limit, cases.count >= limit { return cases }
                }
            }
        }
        return cases
    }
}
