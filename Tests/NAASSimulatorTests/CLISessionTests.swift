import Testing
@testable import NAASSimulator

/// Drives the engine with bytes, as a transport would, and collects what it sends.
private func run(_ session: CLISession, _ typed: String) -> String {
    session.receive(Array(typed.utf8)).compactMap { effect -> String? in
        if case .output(let text) = effect { return text }
        return nil
    }.joined()
}

private func session(_ os: SimulatedOS, lines: Int = 200, secret: String? = "en") -> CLISession {
    var device = DeviceProfile(name: "r1", username: "admin", password: "pw", enableSecret: secret)
    device.outputLines = lines
    let session = CLISession(os: os, device: device)
    _ = session.start(authenticated: true)
    return session
}

@Test func echoesTypedCharactersAndEndsLinesWithCRLF() {
    let cli = session(.ciscoIOS)
    let output = run(cli, "show clock\r")
    #expect(output.hasPrefix("show clock\r\n"))
    #expect(output.hasSuffix("r1>"))
}

@Test func crlfCountsAsOneLineEnd() {
    let cli = session(.ciscoIOS)
    let output = run(cli, "\r\n")
    #expect(output == "\r\nr1>")
}

@Test func backspaceErasesTheLastCharacter() {
    let cli = session(.ciscoIOS)
    let output = run(cli, "show clockx\u{7F}\n")
    #expect(output.contains("UTC"))
}

@Test func pagerStopsLongOutputUntilSpace() {
    let cli = session(.ciscoIOS, lines: 100)
    let first = run(cli, "show logging\n")
    #expect(first.hasSuffix(" --More-- "))
    var rest = ""
    var pages = 0
    while !rest.hasSuffix("r1>") && pages < 20 {
        rest += run(cli, " ")
        pages += 1
    }
    #expect(rest.hasSuffix("r1>"))
    #expect(pages == 4)
}

@Test func pagingOffCommandShowsEverythingAtOnce() {
    let cli = session(.ciscoIOS, lines: 100)
    _ = run(cli, "terminal length 0\n")
    let output = run(cli, "show logging\n")
    #expect(!output.contains("--More--"))
    #expect(output.contains("GigabitEthernet1/0/"))
}

@Test func enableAsksForTheSecretWithoutEcho() {
    let cli = session(.ciscoIOS)
    #expect(run(cli, "enable\n").hasSuffix("Password: "))
    let output = run(cli, "en\n")
    #expect(!output.contains("en\r\n"))
    #expect(output.hasSuffix("r1#"))
}

@Test func wrongSecretIsRefused() {
    let cli = session(.ciscoIOS)
    _ = run(cli, "enable\n")
    #expect(run(cli, "nope\n").contains("% Access denied"))
    #expect(cli.currentMode == "user")
}

@Test func modeGraphWalksIntoSubModesAndBack() {
    let cli = session(.ciscoIOS)
    _ = run(cli, "enable\nen\nconfigure terminal\n")
    #expect(run(cli, "interface GigabitEthernet1/0/9\n").hasSuffix("r1(config-if)#"))
    #expect(run(cli, "exit\n").hasSuffix("r1(config)#"))
    _ = run(cli, "interface GigabitEthernet1/0/9\n")
    #expect(run(cli, "end\n").hasSuffix("r1#"))
}

@Test func invalidConfigLineGetsTheOSError() {
    let cli = session(.ciscoIOS)
    _ = run(cli, "enable\nen\nconfigure terminal\n")
    #expect(run(cli, "bogus words\n").contains("% Invalid input detected at '^' marker."))
}

@Test func appliedLinesShowInTheRunningConfig() {
    let cli = session(.ciscoIOS)
    _ = run(cli, "enable\nen\nconfigure terminal\ninterface Gi1/0/9\ndescription unit-test\nend\n")
    #expect(cli.runningConfigText.contains(" description unit-test"))
}

@Test func candidateReachesRunningOnlyOnCommit() {
    let cli = session(.juniperJunos)
    _ = run(cli, "configure\nset system location building-7\n")
    #expect(!cli.runningConfigText.joined().contains("building-7"))
    #expect(run(cli, "commit\n").contains("commit complete"))
    #expect(cli.runningConfigText.joined().contains("building-7"))
}

@Test func leavingWithUncommittedChangesAsks() {
    let cli = session(.ciscoXR)
    _ = run(cli, "configure terminal\nhostname other\n")
    #expect(run(cli, "end\n").contains("Uncommitted changes found"))
    _ = run(cli, "no\n")
    #expect(cli.currentMode == "enable")
    #expect(!cli.runningConfigText.contains("hostname other"))
}

@Test func saveAsksItsQuestionAndAnNoAborts() {
    let cli = session(.huawei)
    #expect(run(cli, "save\n").contains("Are you sure to continue?[Y/N]"))
    #expect(!run(cli, "n\n").contains("successfully"))
    _ = run(cli, "save\n")
    #expect(run(cli, "y\n").contains("Save the configuration successfully."))
}

@Test func inBandLoginForPowerConnect() {
    let device = DeviceProfile(name: "pc", username: "admin", password: "pw")
    let cli = CLISession(os: .dellPowerConnect, device: device)
    let greeting = cli.start(authenticated: true)
    #expect(greeting == [.output("User Name:")])
    #expect(run(cli, "admin\n").hasSuffix("Password:"))
    #expect(run(cli, "pw\n").hasSuffix("pc>"))
}

@Test func telnetParserRefusesOptionsAndKeepsData() {
    var parser = TelnetParser()
    let (data, replies) = parser.parse([255, 253, 24, 65, 255, 255, 66, 255, 250, 31, 0, 80, 255, 240, 13])
    #expect(data == [65, 255, 66, 13])
    #expect(replies == [255, 252, 24])
}
