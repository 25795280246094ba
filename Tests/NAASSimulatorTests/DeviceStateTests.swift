import Testing
@testable import NAASSimulator

/// A device's running configuration outlives the session that changed it, as on a real device.
@Suite struct DeviceStateTests {
    private func output(_ session: CLISession, _ typed: String) -> String {
        session.receive(Array(typed.utf8)).compactMap { effect -> String? in
            if case .output(let text) = effect { return text }
            return nil
        }.joined()
    }

    private func login(_ state: DeviceState) -> CLISession {
        let device = DeviceProfile(name: "r1", username: "admin", password: "pw", enableSecret: "en")
        let session = CLISession(os: .ciscoIOS, device: device, state: state)
        _ = session.start(authenticated: true)
        _ = output(session, "enable\nen\nterminal length 0\n")
        return session
    }

    @Test func configFromOneSessionShowsInTheNext() {
        let state = DeviceState()
        let first = login(state)
        _ = output(first, "configure terminal\ninterface GigabitEthernet1/0/9\ndescription kept-across-sessions\nend\n")
        first.connectionClosed()

        let second = login(state)
        #expect(output(second, "show running-config\n").contains("description kept-across-sessions"))
    }

    @Test func devicesDoNotShareState() {
        let one = login(DeviceState())
        _ = output(one, "configure terminal\ninterface GigabitEthernet1/0/9\ndescription only-on-one\nend\n")
        let other = login(DeviceState())
        #expect(!output(other, "show running-config\n").contains("only-on-one"))
    }
}
