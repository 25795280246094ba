import Foundation
import NAASContract
import Testing

@Suite("Input formats")
struct InputFormatTests {
    /// The served `/v2/openapi.json` can be compared with the committed YAML.
    @Test func jsonAndYAMLOfOneContractAreEqual() throws {
        let json = Data("""
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "paths": {"/v2/jobs": {"get": {"responses": {"200": {"description": "all jobs"}}}}}}
            """.utf8)
        let yaml = Data("""
            openapi: 3.1.0
            info: {title: t, version: "1"}
            paths:
              /v2/jobs:
                get:
                  responses:
                    "200": {description: all jobs}
            """.utf8)
        #expect(try ContractDiff.compare(old: json, new: yaml) == [])
    }
}
