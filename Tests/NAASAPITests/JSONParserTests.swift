import Foundation
import Testing
@testable import NAASAPI

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesAJobBody() throws {
        let body = try parse(#" {"host":"10.0.0.1","port":22,"read_timeout":2.5,"enable":null,"save_config":false,"commands":["show version","show ip route"]} "#)
        #expect(body == [
            "host": "10.0.0.1", "port": 22, "read_timeout": .double(2.5), "enable": nil, "save_config": false,
            "commands": ["show version", "show ip route"],
        ])
    }

    @Test func keepsIntegersApartFromOtherNumbers() throws {
        #expect(try parse("22") == .int(22))
        #expect(try parse("-0") == .int(0))
        #expect(try parse("22.0") == .double(22))
        #expect(try parse("1e3") == .double(1000))
        #expect(try parse("99999999999999999999") == .double(1e20))
        #expect(try parse("true") == .bool(true))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "01", "1.", ".5", "-", "1e", "tru", "nul", "\"unterminated",
        "\"\\x\"", "\"\\ud800\"", "\"\\udc00x\"", "{\"a\":1} trailing", "[1 2]", "\"tab\there\"", "NaN", "Infinity",
        "{'a':1}", "1e999",
    ])
    func rejectsMalformedDocuments(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func limitsNesting() throws {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONParser.Failure.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
        #expect(try parse(fine) != .null)
    }

    @Test func agreesWithFoundationOnValidDocuments() throws {
        let samples = [#"{"a":[1,2.5,"x",null,true,{"b":-3}]}"#, #"["\u0041", "é", 0, -1.25e-3]"#, "{}", "[]"]
        for sample in samples {
            let ours = try parse(sample)
            let theirs = try JSONDecoder().decode(JSONValue.self, from: Data(sample.utf8))
            #expect(ours == theirs, "\(sample)")
        }
    }
}

@Suite struct JSONWriterTests {
    @Test func roundTripsThroughTheParser() throws {
        let value: JSONValue = [
            "b": [1, .double(2.5), nil, true, "x\"y\\z\n\u{01}é😀"], "a": ["nested": [:]], "c": .double(-0.001),
        ]
        let bytes = JSONWriter.bytes(value)
        #expect(try JSONParser.parse(bytes) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) == value)
    }

    @Test func sortsKeys() {
        #expect(String(decoding: JSONWriter.bytes(["b": 1, "a": 2]), as: UTF8.self) == #"{"a":2,"b":1}"#)
    }
}
