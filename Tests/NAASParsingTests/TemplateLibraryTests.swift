import Foundation
import NAASParsing
import Testing
import TextFSM

@Suite struct TemplateLibraryTests {
    static let index = """
        Template, Hostname, Platform, Command

        linux_ls.textfsm, .*, linux, ls
        linux_uname.textfsm, .*, linux, un[[ame]]
        linux_who.textfsm:linux_who_tty.textfsm, .*, linux, who
        linux_err.textfsm, .*, linux, err
        linux_missing.textfsm, .*, linux, missing
        linux_broken.textfsm, .*, linux, broken
        vyos_show.textfsm, .*, .*vyos.*, sh[[ow]] int[[erfaces]]
        """

    static let ls = """
        Value NAME (\\S+)
        Value SIZE (\\d+)

        Start
          ^${NAME}\\s+${SIZE} -> Record
        """

    static let files: [String: String] = [
        "index": index,
        "linux_ls.textfsm": ls,
        "linux_uname.textfsm": "Value KERNEL (\\S+)\n\nStart\n  ^${KERNEL}\n",
        "linux_who.textfsm": "Value Key USER (\\S+)\n\nStart\n  ^${USER}\\s -> Record\n",
        "linux_who_tty.textfsm": "Value USER (\\S+)\nValue TTY (\\S+)\n\nStart\n  ^tty\\s+${USER}\\s+${TTY} -> Record\n",
        "linux_err.textfsm": "Value X (\\S+)\n\nStart\n  ^boom -> Error \"it went boom\"\n  ^${X} -> Record\n",
        "linux_broken.textfsm": "Value X (\\S+)\n\nStart\n  ^${Y} -> Record\n",
        "vyos_show.textfsm": "Value IF (\\S+)\n\nStart\n  ^${IF} -> Record\n",
    ]

    static func record(_ pairs: KeyValuePairs<String, String>) -> [Field] {
        pairs.map { Field(name: $0.key, value: .string($0.value)) }
    }

    @Test func parsesThroughTheIndex() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        #expect(library.parse("a 1\nb 22\n", platform: "linux", command: "ls -l") == .records([
            Self.record(["name": "a", "size": "1"]), Self.record(["name": "b", "size": "22"]),
        ]))
        #expect(library.parse("Linux\n", platform: "linux", command: "una") == .records([Self.record(["kernel": "Linux"])]))
        #expect(library.parse("eth0\n", platform: "vyos_ssh", command: "sh int") == .records([Self.record(["if": "eth0"])]))
    }

    @Test func aMultiTemplateRowIsMerged() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        let output = "alice x\nbob y\ntty bob pts/1\n"
        // `tty bob pts/1` is a USER row of the first template too: "tty".
        #expect(library.parse(output, platform: "linux", command: "who") == .records([
            Self.record(["user": "alice", "tty": ""]), Self.record(["user": "bob", "tty": "pts/1"]),
            Self.record(["user": "tty", "tty": ""]),
        ]))
    }

    @Test func noRowIsNoTemplate() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        #expect(library.parse("x", platform: "linux", command: "df -h") == .noTemplate)
        #expect(library.parse("x", platform: "cisco_ios", command: "ls") == .noTemplate)
    }

    @Test func failuresSayWhat() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        #expect(library.parse("ok\nboom\n", platform: "linux", command: "err")
            == .failed("Error: \"it went boom\". Rule Line: 4. Input Line: boom."))
        #expect(library.parse("x", platform: "linux", command: "missing")
            == .failed("Template file linux_missing.textfsm is not in \(folder.url.path)"))
        guard case .failed(let message) = library.parse("x", platform: "linux", command: "broken") else {
            Issue.record("a broken template did not fail")
            return
        }
        #expect(message.hasPrefix("Template linux_broken.textfsm, line 4: "))
    }

    @Test func templatesAreCompiledOnceAndKept() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        let first = library.parse("a 1\n", platform: "linux", command: "ls")
        // The file changes on disk; the library keeps the template it compiled.
        try folder.write("linux_ls.textfsm", "Value OTHER (\\S+)\n\nStart\n  ^${OTHER} -> Record\n")
        #expect(library.parse("a 1\n", platform: "linux", command: "ls") == first)
        // A template not used yet is read when first needed.
        try folder.write("linux_uname.textfsm", "Value OS (\\S+)\n\nStart\n  ^${OS}\n")
        #expect(library.parse("Linux\n", platform: "linux", command: "uname") == .records([Self.record(["os": "Linux"])]))
        #expect(library.parse("Linux\n", platform: "linux", command: "uname") == .records([Self.record(["os": "Linux"])]))
    }

    @Test func concurrentCallersShareTheCache() async throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        let results = await withTaskGroup(of: CommandParse.self) { group in
            for index in 0..<64 {
                group.addTask { library.parse("f\(index) \(index)\n", platform: "linux", command: "ls") }
            }
            return await group.reduce(into: [CommandParse]()) { $0.append($1) }
        }
        #expect(results.count == 64)
        for index in 0..<64 {
            #expect(results.contains(.records([Self.record(["name": "f\(index)", "size": "\(index)"])])))
        }
    }

    @Test func commandsOfAPlatformInIndexOrder() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let library = try TemplateLibrary(directory: folder.url)
        let commands = library.commands(platform: "linux")
        #expect(commands.map(\.command) == ["ls", "uname", "who", "err", "missing", "broken"])
        #expect(commands[1] == TemplateCommand(command: "uname", abbreviated: "un[[ame]]", templates: ["linux_uname.textfsm"]))
        #expect(commands[2].templates == ["linux_who.textfsm", "linux_who_tty.textfsm"])
        #expect(library.commands(platform: "vyos").map(\.abbreviated) == ["sh[[ow]] int[[erfaces]]"])
        #expect(library.commands(platform: "arista_eos").isEmpty)
    }

    @Test func aMissingFolderOrIndexIsNamed() throws {
        let folder = try TemplateFolder(["linux_ls.textfsm": Self.ls])
        defer { withExtendedLifetime(folder) {} }
        let absent = folder.url.appendingPathComponent("nowhere")
        #expect(throws: TemplateLibraryError.directoryMissing(directory: absent.path)) { try TemplateLibrary(directory: absent) }
        let error = #expect(throws: TemplateLibraryError.indexMissing(directory: folder.url.path)) {
            try TemplateLibrary(directory: folder.url)
        }
        #expect(error?.description.contains(folder.url.path) == true)
        try folder.write("index", "Template, Platform, Command\nx.textfsm, linux, (ls\n")
        let invalid = #expect(throws: TemplateLibraryError.self) { try TemplateLibrary(directory: folder.url) }
        guard case .invalidIndex(let indexError)? = invalid else {
            Issue.record("not an index error: \(String(describing: invalid))")
            return
        }
        #expect(indexError.line == 2)
        #expect(indexError.template.hasSuffix("/index"))
    }

    @Test func aTemplateFileByPath() throws {
        let folder = try TemplateFolder(Self.files)
        defer { withExtendedLifetime(folder) {} }
        let file = folder.url.appendingPathComponent("linux_ls.textfsm")
        let template = try TemplateLibrary.loadTemplate(at: file)
        #expect(template.name == "linux_ls.textfsm")
        #expect(TemplateLibrary.parse("a 1\n", templateFiles: [file]) == .records([Self.record(["name": "a", "size": "1"])]))
        let library = try TemplateLibrary(directory: folder.url)
        #expect(library.parse("a 1\n", with: template) == .records([Self.record(["name": "a", "size": "1"])]))
        let missing = folder.url.appendingPathComponent("nope.textfsm")
        #expect(throws: TemplateLibraryError.self) { try TemplateLibrary.loadTemplate(at: missing) }
        guard case .failed(let message) = TemplateLibrary.parse("x", templateFiles: [folder.url.appendingPathComponent("linux_broken.textfsm")]) else {
            Issue.record("a broken template file did not fail")
            return
        }
        #expect(message.hasPrefix("Template linux_broken.textfsm, line 4: "))
    }
}
