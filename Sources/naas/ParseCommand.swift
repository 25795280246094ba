import ArgumentParser
import Foundation
import NAASCore
import NAASParsing
import TextFSM

/// `naas parse`: a saved device output through ntc-templates, offline, as a
/// structured job would parse it; the records go to standard output as JSON.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse saved device output with ntc-templates and print the records as JSON.",
        discussion: """
            The template comes from the templates folder's index, chosen by --platform and --command \
            as ntc-templates' parse_output chooses it (a NAAS platform name also finds the templates \
            filed under its catalogue name and aliases: huawei finds huawei_vrp's), or is given with \
            --template. Records print as a JSON array, keys in the template's Value order.

            Exit status: 0 records printed (possibly []); 1 the output could not be parsed (a rule's \
            Error action fired, or a template could not be loaded); 2 no template for the platform \
            and command; 3 the input, a template file or the templates folder could not be read.
            """
    )

    @Option(help: "Platform the output came from (cisco_ios, huawei, ...); not needed with --template.")
    var platform: String?
    @Option(help: "The command that produced the output (show version); not needed with --template.")
    var command: String?
    @Option(help: ArgumentHelp("A TextFSM template file to use instead of the index; repeat to merge several as a multi-template index row does.", valueName: "file"))
    var template: [String] = []
    @Option(help: "ntc-templates' templates folder (NAAS_TEMPLATES_DIR, NTC_TEMPLATES_DIR; default: ntc_templates in ./.venv).")
    var templatesDir: String?
    @Flag(help: "One line of JSON instead of an indented document.")
    var compact = false
    @Argument(help: ArgumentHelp("The saved output; - or nothing reads standard input.", valueName: "file"))
    var file: String?

    func validate() throws {
        if template.isEmpty && (platform ?? "").isEmpty {
            throw ArgumentParser.ValidationError("--platform is required (or give --template)")
        }
        if template.isEmpty && (command ?? "").isEmpty {
            throw ArgumentParser.ValidationError("--command is required (or give --template)")
        }
    }

    func run() throws {
        // Templates first: a wrong platform or command fails at once, before standard input is read.
        let templates = template.isEmpty ? try indexTemplates() : try givenTemplates()
        let output = try readInput()
        switch TemplateLibrary.parse(output, templates: templates) {
        case .records(let records):
            var json = RecordJSON.bytes(records, style: compact ? .compact : .pretty)
            json.append(UInt8(ascii: "\n"))
            FileHandle.standardOutput.write(Data(json))
        case .noTemplate:
            throw Self.fail(2, "no template to parse with")
        case .failed(let reason):
            throw Self.fail(1, reason)
        }
    }

    /// The file's text, or standard input's. Device output is taken as UTF-8, with
    /// anything else replaced rather than refused, as a job's output is.
    private func readInput() throws -> String {
        guard let file, file != "-" else {
            do {
                return String(decoding: try FileHandle.standardInput.readToEnd() ?? Data(), as: UTF8.self)
            } catch {
                throw Self.fail(3, "standard input cannot be read: \(Self.reason(error))")
            }
        }
        // A file handle, not FileManager.contents: it also reads /dev/stdin and `<(...)` pipes.
        guard let handle = FileHandle(forReadingAtPath: file) else {
            let reason = FileManager.default.fileExists(atPath: file) ? "cannot be read" : "does not exist"
            throw Self.fail(3, "input file \(file) \(reason)")
        }
        defer { try? handle.close() }
        do {
            return String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        } catch {
            throw Self.fail(3, "input file \(file) cannot be read: \(Self.reason(error))")
        }
    }

    private func givenTemplates() throws -> [Template] {
        var templates: [Template] = []
        for path in template {
            guard FileManager.default.fileExists(atPath: path) else { throw Self.fail(3, "template file \(path) does not exist") }
            switch Result(catching: { () throws(TemplateLibraryError) in try TemplateLibrary.loadTemplate(at: URL(fileURLWithPath: path)) }) {
            case .success(let loaded): templates.append(loaded)
            case .failure(let error): throw Self.templateFailure(error, path: path)
            }
        }
        return templates
    }

    /// The templates of the first index row that has the command, trying the
    /// names the service tries for a job's platform, in the same order.
    private func indexTemplates() throws -> [Template] {
        let library = try openLibrary()
        let platform = platform ?? "", command = command ?? ""
        let names = Platform.templateIndexNames(for: platform)
        guard let row = names.lazy.compactMap({ library.index.row(platform: $0, command: command) }).first else {
            let tried = names.count > 1 ? " (also tried as \(names.dropFirst().joined(separator: ", ")))" : ""
            throw Self.fail(2, "no template for platform \(platform) and command \"\(command)\"\(tried) in \(library.directory.appendingPathComponent("index").path)")
        }
        return try row.templates.map { name in
            switch library.template(named: name) {
            case .success(let template): return template
            case .failure(let error):
                throw Self.templateFailure(error, path: library.directory.appendingPathComponent(name).path)
            }
        }
    }

    private func openLibrary() throws -> TemplateLibrary {
        let environment = ProcessInfo.processInfo.environment
        guard let directory = Self.searchRoots().lazy.compactMap({
            TemplateLibrary.locate(configured: templatesDir, environment: environment, searchRoot: $0)
        }).first else {
            throw Self.fail(3, "no ntc-templates folder found: give --templates-dir, set NAAS_TEMPLATES_DIR, or install "
                + "ntc-templates into ./.venv (make setup)")
        }
        do {
            return try TemplateLibrary(directory: directory)
        } catch {
            throw Self.fail(3, error.description)
        }
    }

    /// Where a project virtualenv may be: the current directory, as `naas serve`
    /// looks, then the checkout the binary was built in (`.build/<config>/naas`
    /// lies inside it), so the command works from any directory in a development tree.
    private static func searchRoots() -> [URL] {
        var roots = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            var folder = executable.deletingLastPathComponent()
            while folder.pathComponents.count > 1 {
                if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    roots.append(folder)
                    break
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return roots
    }

    /// A template that cannot be used: unreadable (3), or not valid TextFSM (1,
    /// with the file and line the loader names).
    private static func templateFailure(_ error: TemplateLibraryError, path: String) -> ExitCode {
        switch error {
        case .invalidTemplate(let cause):
            return fail(1, "cannot load template \(path): \(cause.description)")
        default:
            return fail(3, error.description)
        }
    }

    /// The operating system's words ("Is a directory"), not Foundation's wrapper around them.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }

    /// Says why on standard error and gives the exit status to end with.
    private static func fail(_ status: Int32, _ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("naas parse: \(message)\n".utf8))
        return ExitCode(status)
    }
}
