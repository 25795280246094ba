import Foundation
import Synchronization
import TextFSM

/// A folder of TextFSM templates with its CliTable `index` (ntc-templates'
/// `templates/` folder), answering "what does this command's output say"
/// the way ntc-templates' `parse_output` and Netmiko's `use_textfsm` do.
///
/// The index is read once, when the library is made. Each template is
/// compiled the first time a command needs it and kept, so a busy service
/// compiles each template once; concurrent callers share the cache.
public final class TemplateLibrary: Sendable {
    /// The folder holding `index` and the template files.
    public let directory: URL
    public let index: TemplateIndex
    /// Templates by file name, or why each cannot be used. Failures are kept
    /// too: the folder is installed, not edited, while the service runs.
    private let cache = Mutex<[String: Result<Template, TemplateLibraryError>]>([:])

    /// Reads `<directory>/index`. Throws when the folder or its index is
    /// missing, unreadable, or not an index CliTable would accept.
    public init(directory: URL) throws(TemplateLibraryError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryMissing(directory: directory.path)
        }
        let indexFile = directory.appendingPathComponent("index")
        guard FileManager.default.fileExists(atPath: indexFile.path) else {
            throw .indexMissing(directory: directory.path)
        }
        let source = try Self.readText(indexFile)
        do {
            index = try TemplateIndex(source: source, name: indexFile.path)
        } catch {
            throw .invalidIndex(error)
        }
        self.directory = directory
    }

    /// Parses a command's output with the template(s) the index picks for
    /// the platform and command: the first index row whose Platform and
    /// Command patterns match at the start of each.
    public func parse(_ output: String, platform: String, command: String) -> CommandParse {
        guard let row = index.row(platform: platform, command: command) else { return .noTemplate }
        var templates: [Template] = []
        for name in row.templates {
            switch template(named: name) {
            case .success(let template): templates.append(template)
            case .failure(let error): return .failed(error.description)
            }
        }
        return Self.parse(output, templates: templates)
    }

    /// Parses output with a template the caller chose, as CliTable does when
    /// given one (Netmiko's `textfsm_template`).
    public func parse(_ output: String, with template: Template) -> CommandParse {
        Self.parse(output, templates: [template])
    }

    /// Parses output with the templates of one multi-template row, or one
    /// template: CliTable's cells, merged as CliTable merges them.
    public static func parse(_ output: String, templates: [Template]) -> CommandParse {
        do {
            return .records(try ParsedTable(parsing: output, with: templates).cliTableRecords)
        } catch {
            return .failed(error.description)
        }
    }

    /// Every command the index has a template for on `platform`, in index order.
    public func commands(platform: String) -> [TemplateCommand] {
        index.rows(platform: platform).map {
            TemplateCommand(command: $0.fullCommand, abbreviated: $0.command, templates: $0.templates)
        }
    }

    /// A template of the folder by file name, compiled on first use.
    public func template(named name: String) -> Result<Template, TemplateLibraryError> {
        if let cached = cache.withLock({ $0[name] }) { return cached }
        // Compiled outside the lock so one slow template does not hold up
        // lookups of others; two first callers may both compile it, and the
        // first result stored is the one everybody gets from then on.
        let loaded: Result<Template, TemplateLibraryError>
        let file = directory.appendingPathComponent(name)
        if FileManager.default.fileExists(atPath: file.path) {
            loaded = Result { () throws(TemplateLibraryError) in try Self.loadTemplate(at: file) }
        } else {
            loaded = .failure(.templateMissing(name: name, directory: directory.path))
        }
        return cache.withLock { cache in
            if let earlier = cache[name] { return earlier }
            cache[name] = loaded
            return loaded
        }
    }
}
