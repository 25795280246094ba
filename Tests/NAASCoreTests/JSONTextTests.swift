import Foundation
import Testing
import NAASCore

@Suite struct JSONTextTests {
    private func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        JSONText.appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: ["plain", "", "quote \" and \\ backslash", "tab\tline\nreturn\r", "bell \u{07} nul \u{00} esc \u{1B}", "ünïcødé ✓ 🚀", "a/b"])
    func quotedTextDecodesBackToTheSameString(_ text: String) throws {
        let decoded = try JSONDecoder().decode(String.self, from: Data(quoted(text).utf8))
        #expect(decoded == text)
    }

    @Test func controlCharactersUseShortEscapesOrUnicodeEscapes() {
        #expect(quoted("a\"b\\c\nd\re\tf\u{01}g\u{1F}") == #""a\"b\\c\nd\re\tf\u0001g\u001f""#)
    }

    @Test func numbersWithoutAJSONFormBecomeNull() {
        var bytes: [UInt8] = []
        JSONText.append(.nan, to: &bytes)
        bytes.append(UInt8(ascii: ","))
        JSONText.append(2.5, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "null,2.5")
    }

    @Test func objectWriterLeavesOutNilFieldsAndNestsObjects() {
        var inner = JSONObjectWriter()
        inner.add("port", 22)
        var object = JSONObjectWriter()
        object.add("name", "sw1")
        object.add("missing", nil as String?)
        object.add("flag", false)
        object.add("lines", ["a", "b\"c"])
        object.add("inner", object: inner)
        #expect(String(decoding: object.finished, as: UTF8.self) == #"{"name":"sw1","flag":false,"lines":["a","b\"c"],"inner":{"port":22}}"#)
        #expect(String(decoding: JSONObjectWriter().finished, as: UTF8.self) == "{}")
    }
}
