import NAASCore
import Testing
@testable import NAASAPI

@Suite struct JobRequestParserTests {
    let commands = JobRequestParser(kind: .command)
    let config = JobRequestParser(kind: .config)

    private func errors(_ parser: JobRequestParser, _ body: JSONValue) -> [FieldError] {
        guard case .failure(.validation(_, let errors)) = parser.parse(body) else { return [] }
        return errors
    }

    @Test func minimalBodyTakesNAASDefaults() throws {
        let parsed = try commands.parse(["host": "10.0.0.1", "commands": ["show version"]]).get()
        #expect(parsed.spec.target == DeviceTarget(host: "10.0.0.1", port: 22, platform: "cisco_ios"))
        #expect(parsed.spec.readTimeout == 30)
        #expect(parsed.spec.connectTimeout == 10)
        #expect(parsed.deprecatedFields.isEmpty)
    }

    @Test func ipAndDeviceTypeAreAcceptedAliases() throws {
        let parsed = try commands.parse(["ip": "10.0.0.1", "device_type": "linux", "commands": ["uname"]]).get()
        #expect(parsed.spec.target.host == "10.0.0.1")
        #expect(parsed.spec.target.platform == "linux")
        #expect(parsed.deprecatedFields == ["device_type"])
    }

    @Test func everyBadFieldIsNamedAtOnce() {
        let found = errors(commands, ["host": "bad host!", "port": 70000, "platform": "nope", "commands": []])
        #expect(Set(found.compactMap { $0.location.first }) == Set<JSONValue>(["host", "port", "platform", "commands"]))
    }

    @Test func integralNumbersAreIntegers() throws {
        #expect(try commands.parse(["host": "h1", "port": .double(2222), "commands": ["x"]]).get().spec.target.port == 2222)
    }

    @Test(arguments: [JSONValue.int(0), .int(65_536), .string("22"), .double(22.5), .bool(true), .double(1e300)])
    func portMustBeAnIntegerInRange(_ port: JSONValue) {
        #expect(errors(commands, ["host": "h1", "port": port, "commands": ["x"]]).map(\.location) == [["port"]])
    }

    @Test func badCommandEntriesAreLocatedByIndex() {
        let found = errors(commands, ["host": "h1", "commands": ["ok", 5, "  ", "two\nlines"]])
        #expect(found.map(\.location) == [["commands", 1], ["commands", 2], ["commands", 3]])
    }

    @Test func missingHostSaysWhatToSend() {
        let found = errors(commands, ["commands": ["x"]])
        #expect(found.first?.type == "missing")
        #expect(found.first?.message.contains("host") == true)
    }

    @Test func configNeedsConfigOrCommands() throws {
        #expect(errors(config, ["host": "h1"]).map(\.location) == [["config"]])
        #expect(try config.parse(["host": "h1", "config": ["vlan 5"], "save_config": true]).get().spec.saveConfig)
        #expect(try config.parse(["host": "h1", "commands": ["vlan 5"]]).get().spec.lines == ["vlan 5"])
    }

    @Test func nonObjectBodiesAreValidationErrors() {
        for body: JSONValue in [[1, 2], "text", 3, nil] {
            #expect(!errors(commands, body).isEmpty)
        }
    }

    @Test func timeoutsMustBePositiveNumbers() {
        #expect(errors(commands, ["host": "h", "commands": ["x"], "read_timeout": 0]).map(\.location) == [["read_timeout"]])
        #expect(errors(commands, ["host": "h", "commands": ["x"], "conn_timeout": "5"]).map(\.location) == [["conn_timeout"]])
    }

    @Test func emptyExpectStringMeansThePrompt() throws {
        #expect(try commands.parse(["host": "h", "commands": ["x"], "expect_string": ""]).get().spec.expectString == nil)
    }

    @Test func commandsBesideConfigMustStillBeLines() throws {
        #expect(errors(config, ["host": "h", "config": ["vlan 5"], "commands": [:]]).map(\.location) == [["commands"]])
        // `config: null` is not a list of lines: the document does not allow it.
        #expect(errors(config, ["host": "h", "config": nil, "commands": ["vlan 5"]]).map(\.location) == [["config"]])
    }

    @Test func expectStringMustCompile() {
        #expect(errors(commands, ["host": "h", "commands": ["x"], "expect_string": "(unclosed"]).map(\.location) == [["expect_string"]])
    }
}
