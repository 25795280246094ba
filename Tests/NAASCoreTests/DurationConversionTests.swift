import Testing
import NAASCore

@Suite struct DurationConversionTests {
    @Test func millisecondsRoundDownAndIntervalsKeepTheFraction() {
        #expect(Duration.milliseconds(1_500).milliseconds == 1_500)
        #expect(Duration.nanoseconds(2_999_999).milliseconds == 2)
        #expect(Duration.milliseconds(1_500).timeInterval == 1.5)
        #expect(Duration.seconds(3_600).timeInterval == 3_600)
    }

    @Test func messagesShowWholeSecondsWithoutAFraction() {
        #expect(Duration.seconds(10).secondsText == "10")
        #expect(Duration.milliseconds(500).secondsText == "0.5")
    }
}
