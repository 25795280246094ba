import Foundation
import NAASParsing

/// The ntc-templates the server loaded at start, or why it has none. Without
/// them the service keeps serving: only what needs the index is refused.
public enum TemplateCatalogue: Sendable {
    case loaded(TemplateLibrary)
    /// Why there is no library, phrased to follow "unavailable on this server: ".
    case unavailable(reason: String)

    /// Finds and loads the templates folder as `naas serve` does: `configured`
    /// (its `--templates-dir`), then the environment, then `.venv` under `searchRoot`.
    public static func load(configured: String?, environment: [String: String], searchRoot: URL) -> TemplateCatalogue {
        guard let directory = TemplateLibrary.locate(configured: configured, environment: environment, searchRoot: searchRoot) else {
            return .unavailable(reason: "no ntc-templates folder was found (none given by --templates-dir, NAAS_TEMPLATES_DIR "
                + "or NTC_TEMPLATES_DIR, and none in \(searchRoot.path)/.venv/lib/python*/site-packages/ntc_templates/templates)")
        }
        do {
            return .loaded(try TemplateLibrary(directory: directory))
        } catch {
            return .unavailable(reason: "ntc-templates could not be loaded: \(error.description)")
        }
    }

    /// The library, when there is one.
    public var library: TemplateLibrary? {
        if case .loaded(let library) = self { return library }
        return nil
    }

    /// What the operator reads once at start when there is no library: what is missing and how to fix it.
    public var startupWarning: String? {
        guard case .unavailable(let reason) = self else { return nil }
        return "Structured output from ntc-templates is unavailable: \(reason). To enable it, install them "
            + "(pip install ntc-templates==9.2.0, into ./.venv) or start naas serve with --templates-dir (or NAAS_TEMPLATES_DIR) "
            + "set to ntc_templates' templates folder. Until then a structured job without its own textfsm_template "
            + "is refused with 503; everything else works."
    }

    /// The 503 a request needing the index gets, or nil when the index is there.
    var unavailableError: APIError? {
        if case .unavailable(let reason) = self { return .structuredOutputUnavailable(reason) }
        return nil
    }
}
