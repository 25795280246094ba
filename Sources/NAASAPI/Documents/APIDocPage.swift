import Foundation

/// The `/apidoc` page: Swagger UI when its assets are installed (from the
/// `drf-spectacular-sidecar` Python package, never vendored here), else a
/// plain page that links the documents.
public struct APIDocPage: Sendable {
    /// A folder holding `swagger-ui-bundle.js` and `swagger-ui.css`, served at `/apidoc/static/`.
    public let swaggerUIDirectory: String?

    public init(swaggerUIDirectory: String?) {
        self.swaggerUIDirectory = swaggerUIDirectory
    }

    /// Looks for the Swagger UI assets: `NAAS_SWAGGER_UI_DIR` when set (and
    /// only there), else the project's virtualenv under `searchRoot`.
    public static func locateSwaggerUI(environment: [String: String], searchRoot: URL) -> String? {
        let manager = FileManager.default
        func hasAssets(_ path: String) -> Bool {
            manager.fileExists(atPath: path + "/swagger-ui-bundle.js") && manager.fileExists(atPath: path + "/swagger-ui.css")
        }
        if let configured = environment["NAAS_SWAGGER_UI_DIR"], !configured.isEmpty {
            return hasAssets(configured) ? configured : nil
        }
        let lib = searchRoot.appendingPathComponent(".venv/lib")
        for python in (try? manager.contentsOfDirectory(atPath: lib.path)) ?? [] {
            let candidate = lib.appendingPathComponent(python)
                .appendingPathComponent("site-packages/drf_spectacular_sidecar/static/drf_spectacular_sidecar/swagger-ui-dist").path
            if hasAssets(candidate) { return candidate }
        }
        return nil
    }

    public var html: String {
        let links = """
            <ul>
              <li><a href="/v2/openapi.json">v2 OpenAPI document</a> (current; add <code>?microversion=2.0</code> for an older view)</li>
              <li><a href="/v1/openapi.json">v1 OpenAPI document</a> (deprecated)</li>
              <li><a href="/versions">/versions</a>: majors, microversions, deprecation and sunset dates</li>
            </ul>
            """
        guard swaggerUIDirectory != nil else {
            return """
                <!doctype html><html><head><meta charset="utf-8"><title>NAAS API</title></head>
                <body><h1>NAAS API</h1>\(links)</body></html>
                """
        }
        return """
            <!doctype html><html><head><meta charset="utf-8"><title>NAAS API</title>
            <link rel="stylesheet" href="/apidoc/static/swagger-ui.css"></head>
            <body><div id="swagger-ui"></div>
            <script src="/apidoc/static/swagger-ui-bundle.js"></script>
            <script>
            window.ui = SwaggerUIBundle({
              urls: [{url: "/v2/openapi.json", name: "v2 (current)"}, {url: "/v1/openapi.json", name: "v1 (deprecated)"}],
              dom_id: "#swagger-ui", deepLinking: true,
              presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
              layout: "BaseLayout"
            });
            </script>
            <noscript>\(links)</noscript></body></html>
            """
    }
}
