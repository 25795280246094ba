import Testing
@testable import NAASDevice

@Suite struct PatternCacheTests {
    @Test func matchesAnywhereInTheText() {
        #expect(PatternCache.matches(#"(?i)more"#, "line\n --More-- "))
        #expect(!PatternCache.matches(#"^more"#, "line\n --More-- "))
    }

    @Test func aCachedPatternGivesTheSameAnswers() {
        for _ in 0..<3 {
            #expect(PatternCache.matches(#"commit complete"#, "commit\ncommit complete\n[edit]"))
            #expect(!PatternCache.matches(#"commit complete"#, "error: commit failed"))
        }
    }

    @Test func aPatternThatDoesNotCompileMatchesNothing() {
        #expect(!PatternCache.matches("(unclosed", "(unclosed"))
    }
}
