import Testing
@testable import NAASCore

@Suite struct PlatformTests {
    @Test func aliasesResolveToTheirPlatform() {
        #expect(Platform.named("cisco_xe")?.name == "cisco_ios")
        #expect(Platform.named("cisco_ios")?.name == "cisco_ios")
        #expect(Platform.named("linux")?.name == "linux")
        #expect(Platform.named("juniper_junos") == nil)
    }

    @Test func acceptedNamesIncludeAliases() {
        #expect(Platform.acceptedNames == ["cisco_ios", "cisco_xe", "linux"])
    }

    @Test func everyPatternInTheTableCompiles() throws {
        for platform in Platform.all {
            _ = try Regex(platform.promptPattern)
            for pattern in platform.failurePatterns { _ = try Regex(pattern) }
            if let enable = platform.enable { _ = try Regex(enable.passwordPrompt) }
        }
    }

    @Test func credentialsNeverDescribeTheirSecrets() {
        let credentials = Credentials(username: "ops", password: "s3cr3t-pw", enableSecret: "en-s3cr3t")
        for text in ["\(credentials)", String(describing: credentials), String(reflecting: credentials)] {
            #expect(!text.contains("s3cr3t"))
            #expect(text.contains("ops"))
        }
    }

    @Test func retryableCodes() {
        #expect(DeviceErrorCode.connectionTimeout.isRetryable)
        #expect(!DeviceErrorCode.authFailure.isRetryable)
        #expect(!DeviceErrorCode.configRejected.isRetryable)
    }
}
