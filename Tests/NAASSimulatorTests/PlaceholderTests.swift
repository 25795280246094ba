import Testing
@testable import NAASSimulator

/// The simulator's replies fill `{host}`-style placeholders in one pass.
@Suite struct PlaceholderTests {
    let values = ["host": "edge-1", "user": "admin"]

    @Test func eachKnownPlaceholderIsReplacedWhereverItStands() {
        #expect("{host}#".filled(values) == "edge-1#")
        #expect("{user}@{host} uptime, {host} again".filled(values) == "admin@edge-1 uptime, edge-1 again")
    }

    @Test func unknownPlaceholdersAndLoneBracesStayAsTheyAre() {
        #expect("{nobody} {host".filled(values) == "{nobody} {host")
        #expect("{{host}}".filled(values) == "{edge-1}")
        #expect("no braces at all".filled(values) == "no braces at all")
    }

    @Test func aValueIsNotFilledAgain() {
        #expect("{user}".filled(["user": "{host}", "host": "edge-1"]) == "{host}")
    }

    @Test func multibyteTextAroundPlaceholdersIsKept() {
        #expect("Gerät {host} — état".filled(values) == "Gerät edge-1 — état")
    }
}
