import Foundation
import TextFSM

extension TemplateLibrary {
    /// Loads one template file, named in errors by its file name
    /// (for `naas parse --template FILE`, which needs no templates folder).
    public static func loadTemplate(at file: URL) throws(TemplateLibraryError) -> Template {
        let source = try readText(file)
        do {
            return try Template(source: source, name: file.lastPathComponent)
        } catch {
            throw .invalidTemplate(error)
        }
    }

    /// Parses output with template files given by path: one, or several to
    /// merge as a multi-template index row merges them.
    public static func parse(_ output: String, templateFiles: [URL]) -> CommandParse {
        var templates: [Template] = []
        for file in templateFiles {
            do {
                templates.append(try loadTemplate(at: file))
            } catch {
                return .failed(error.description)
            }
        }
        return parse(output, templates: templates)
    }

    /// A file's text. Python opens these files in text mode as UTF-8; the
    /// index and template readers deal with `\r\n` and `\r` themselves.
    static func readText(_ file: URL) throws(TemplateLibraryError) -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw .unreadable(path: file.path, reason: error.localizedDescription)
        }
    }
}
