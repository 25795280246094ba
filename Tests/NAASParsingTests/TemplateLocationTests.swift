import Foundation
import NAASParsing
import Testing

@Suite struct TemplateLocationTests {
    static let venvTemplates = ".venv/lib/python3.11/site-packages/ntc_templates/templates"

    /// A project root whose virtualenv has ntc-templates installed.
    static func rootWithVenv() throws -> TemplateFolder {
        try TemplateFolder([venvTemplates + "/index": "Template, Platform, Command\n"])
    }

    @Test func theConfiguredPathComesFirst() throws {
        let root = try Self.rootWithVenv()
        defer { withExtendedLifetime(root) {} }
        let environment = ["NAAS_TEMPLATES_DIR": "/from/naas", "NTC_TEMPLATES_DIR": "/from/ntc"]
        #expect(TemplateLibrary.locate(configured: "/configured", environment: environment, searchRoot: root.url)?.path == "/configured")
    }

    @Test func thenNAASThenNTCThenTheVirtualenv() throws {
        let root = try Self.rootWithVenv()
        defer { withExtendedLifetime(root) {} }
        #expect(TemplateLibrary.locate(configured: nil, environment: ["NAAS_TEMPLATES_DIR": "/from/naas", "NTC_TEMPLATES_DIR": "/from/ntc"],
                                       searchRoot: root.url)?.path == "/from/naas")
        #expect(TemplateLibrary.locate(configured: nil, environment: ["NTC_TEMPLATES_DIR": "/from/ntc"], searchRoot: root.url)?.path == "/from/ntc")
        #expect(TemplateLibrary.locate(configured: nil, environment: [:], searchRoot: root.url)?.path
            == root.url.appendingPathComponent(Self.venvTemplates).path)
    }

    @Test func emptySettingsCountAsUnset() throws {
        let root = try Self.rootWithVenv()
        defer { withExtendedLifetime(root) {} }
        let found = TemplateLibrary.locate(configured: "", environment: ["NAAS_TEMPLATES_DIR": "", "NTC_TEMPLATES_DIR": ""], searchRoot: root.url)
        #expect(found?.path == root.url.appendingPathComponent(Self.venvTemplates).path)
    }

    @Test func anExplicitChoiceIsKeptEvenWhenAbsent() throws {
        // So that loading it can say what is wrong, instead of the virtualenv's being used behind the operator's back.
        let root = try Self.rootWithVenv()
        defer { withExtendedLifetime(root) {} }
        let missing = root.url.appendingPathComponent("not-there").path
        let found = TemplateLibrary.locate(configured: nil, environment: ["NAAS_TEMPLATES_DIR": missing], searchRoot: root.url)
        #expect(found?.path == missing)
        #expect(throws: TemplateLibraryError.directoryMissing(directory: missing)) { try TemplateLibrary(directory: found!) }
    }

    @Test func aVirtualenvWithoutTheIndexIsNotAnAnswer() throws {
        let root = try TemplateFolder([".venv/lib/python3.11/site-packages/ntc_templates/templates/x.textfsm": "",
                                       ".venv/lib/site-python/ntc_templates/templates/index": ""])
        defer { withExtendedLifetime(root) {} }
        #expect(TemplateLibrary.locate(configured: nil, environment: [:], searchRoot: root.url) == nil)
        #expect(TemplateLibrary.locate(configured: nil, environment: [:], searchRoot: root.url.appendingPathComponent("none")) == nil)
    }
}
