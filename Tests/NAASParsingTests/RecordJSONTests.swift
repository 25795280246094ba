import NAASParsing
import Testing
import TextFSM

/// RecordJSON keeps the template's column order and writes what Python's
/// `json.dumps` writes for the same records (`indent=2` for `.pretty`).
@Suite struct RecordJSONTests {
    static let records: [[Field]] = [
        [
            Field(name: "version", value: .string("15.2(7)E8")),
            Field(name: "hardware", value: .list([.string("WS-C2960X"), .null])),
            Field(name: "neighbor", value: .list([.group([Field(name: "id", value: .string("r1"))])])),
            Field(name: "empty", value: .list([])),
        ],
        [],
    ]

    @Test func compactKeepsValueOrderAndHasNoWhitespace() {
        #expect(RecordJSON.string(Self.records)
            == #"[{"version":"15.2(7)E8","hardware":["WS-C2960X",null],"neighbor":[{"id":"r1"}],"empty":[]},{}]"#)
    }

    @Test func prettyIsPythonsIndentTwoLayout() {
        let expected = """
            [
              {
                "version": "15.2(7)E8",
                "hardware": [
                  "WS-C2960X",
                  null
                ],
                "neighbor": [
                  {
                    "id": "r1"
                  }
                ],
                "empty": []
              },
              {}
            ]
            """
        #expect(RecordJSON.string(Self.records, style: .pretty) == expected)
        #expect(RecordJSON.string([], style: .pretty) == "[]")
    }

    @Test func controlCharactersAndQuotesAreEscapedAndTextStaysUTF8() {
        let record = [[Field(name: "line", value: .string("a\"b\\c\n\t\u{1B}[0m é"))]]
        #expect(RecordJSON.string(record) == #"[{"line":"a\"b\\c\n\t\u001b[0m é"}]"#)
    }

    @Test func appendsIntoALargerDocument() {
        var output = Array(#"{"results":"#.utf8)
        RecordJSON.append([[Field(name: "a", value: .string("1"))]], to: &output)
        output.append(UInt8(ascii: "}"))
        #expect(String(decoding: output, as: UTF8.self) == #"{"results":[{"a":"1"}]}"#)
    }
}
