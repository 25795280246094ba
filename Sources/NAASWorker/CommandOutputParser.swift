import NAASCore
import NAASParsing
import TextFSM

/// Turns a structured job's command outputs into records, once, right after
/// the device returned them. Parsing is CPU work on text already in memory:
/// the dispatcher runs it on the job's session thread, never on the
/// cooperative pool.
public struct CommandOutputParser: Sendable {
    /// ntc-templates, when the server found and loaded them.
    let library: TemplateLibrary?

    public init(library: TemplateLibrary?) {
        self.library = library
    }

    /// The outcome a structured job ends with: its outputs parsed. Other jobs,
    /// and jobs the device failed, pass through unchanged.
    public func parsed(_ outcome: JobOutcome, of spec: JobSpec) -> JobOutcome {
        guard spec.kind == .structuredCommand, case .succeeded(.commands(let outputs, let detected)) = outcome else {
            return outcome
        }
        return .succeeded(.structured(structure(outputs, spec: spec, detectedPlatform: detected), detectedPlatform: detected))
    }

    func structure(_ outputs: [CommandOutput], spec: JobSpec, detectedPlatform: String?) -> [StructuredCommandOutput] {
        let parse = parser(for: spec, detectedPlatform: detectedPlatform)
        return outputs.map { output in
            StructuredCommandOutput(command: output.command, output: output.output, structure: parse(output))
        }
    }

    /// How each command of the job is parsed: with its own template for every
    /// command, or by the index under the job's platform names.
    private func parser(for spec: JobSpec, detectedPlatform: String?) -> (CommandOutput) -> CommandStructure {
        if let source = spec.textfsmTemplate {
            let template: Template
            do {
                template = try Template(source: source, name: Self.inlineTemplateName)
            } catch {
                // Checked at submission; only a template the engine has since learned to refuse gets here.
                let message = error.description
                return { _ in .parseFailed(message) }
            }
            // The engine needs no index for the job's own template: it parses with or without the library.
            return { output in Self.structure(TemplateLibrary.parse(output.output, templates: [template])) }
        }
        guard let library else {
            return { _ in .parseFailed(Self.noLibrary) }
        }
        let names = Platform.templateIndexNames(for: detectedPlatform ?? spec.target.platform)
        return { output in
            for name in names {
                let parse = library.parse(output.output, platform: name, command: output.command)
                if case .noTemplate = parse { continue }
                return Self.structure(parse)
            }
            return .unstructured
        }
    }

    /// Netmiko's rule: no template, or a template that found nothing, leaves the raw output.
    private static func structure(_ parse: CommandParse) -> CommandStructure {
        switch parse {
        case .records(let records) where !records.isEmpty: .records(records.map { $0.map(RecordField.init) })
        case .records, .noTemplate: .unstructured
        case .failed(let message): .parseFailed(message)
        }
    }

    /// What a job's own template is called in its error messages: the request field it came in.
    public static let inlineTemplateName = "textfsm_template"

    static let noLibrary = "No ntc-templates library is loaded on this server, so no template could be looked up; "
        + "the output is left raw. The operator can install ntc-templates or give `naas serve --templates-dir`."
}
