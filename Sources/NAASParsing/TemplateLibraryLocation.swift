import Foundation

extension TemplateLibrary {
    /// Where the templates folder is, first answer wins:
    ///
    /// 1. `configured` (a command-line or config setting), when not empty;
    /// 2. `NAAS_TEMPLATES_DIR`;
    /// 3. `NTC_TEMPLATES_DIR`, which ntc-templates itself reads;
    /// 4. the ntc-templates package in the project's virtualenv under
    ///    `searchRoot` (`.venv/lib/python*/site-packages/ntc_templates/templates`),
    ///    when it holds an `index`.
    ///
    /// An explicit choice (1-3) is returned even when the folder is not
    /// there, so that `init(directory:)` can say what is wrong with it rather
    /// than another folder being used silently. Nil when nothing is found.
    public static func locate(configured: String?, environment: [String: String], searchRoot: URL) -> URL? {
        for choice in [configured, environment["NAAS_TEMPLATES_DIR"], environment["NTC_TEMPLATES_DIR"]] {
            if let choice, !choice.isEmpty { return URL(fileURLWithPath: choice) }
        }
        let manager = FileManager.default
        let lib = searchRoot.appendingPathComponent(".venv/lib")
        let pythons = ((try? manager.contentsOfDirectory(atPath: lib.path)) ?? []).filter { $0.hasPrefix("python") }.sorted()
        for python in pythons {
            let candidate = lib.appendingPathComponent(python).appendingPathComponent("site-packages/ntc_templates/templates")
            if manager.fileExists(atPath: candidate.appendingPathComponent("index").path) { return candidate }
        }
        return nil
    }
}
