import NAASCore
import Testing
@testable import NAASDevice

/// The pool's rules with sessions over scripted devices; the integration
/// suite runs them end to end against the simulator.
@Suite struct SessionPoolTests {
    static let loop = ReactorLoop(name: "pool-tests")
    static let login = Credentials(username: "ops", password: "pw-1", enableSecret: "en-1")

    /// A device at `sw1#` that enters configuration mode on `configure terminal`.
    static func device() -> ScriptedDevice {
        var configuring = false
        return ScriptedDevice(greeting: "\r\nsw1#") { line in
            if line == "configure terminal" { configuring = true }
            if line == "end" { configuring = false }
            return "\(line)\r\n" + (configuring ? "sw1(config)#" : "sw1#")
        }
    }

    static func key(host: String = "10.0.0.1", _ credentials: Credentials = login) -> SessionKey {
        SessionKey(
            target: DeviceTarget(host: host, port: 22, platform: "cisco_ios"), platform: .ciscoIOS, transport: .ssh,
            credentials: credentials)
    }

    static func idle(_ key: SessionKey) async throws -> IdleSession {
        let session = try await DeviceSession.scripted(device(), platform: .ciscoIOS)
        return IdleSession(session, key: key, loop: loop, readyPrompt: "sw1#")
    }

    @Test func aKeyIsTheLoginsFingerprintNotTheLogin() {
        #expect(Self.key() == Self.key(Credentials(username: "ops", password: "pw-1", enableSecret: "en-1")))
        #expect(Self.key() != Self.key(Credentials(username: "ops", password: "pw-2", enableSecret: "en-1")))
        #expect(Self.key() != Self.key(Credentials(username: "ops", password: "pw-1", enableSecret: "en-2")))
        #expect(Self.key() != Self.key(Credentials(username: "ops", password: "pw-1")))
        #expect(Self.key() != Self.key(Credentials(username: "netops", password: "pw-1", enableSecret: "en-1")))
        // Fields are length-prefixed: moving a character from one to the next is a different login.
        #expect(Self.key(Credentials(username: "ab", password: "c")) != Self.key(Credentials(username: "a", password: "bc")))
        let shown = String(reflecting: Self.key())
        #expect(!shown.contains("pw-1") && !shown.contains("en-1"))
    }

    @Test func aSessionServesOnlyItsOwnKey() async throws {
        let pool = SessionPool()
        let kept = try await Self.idle(Self.key())
        #expect(pool.keep(kept))
        #expect(pool.take(Self.key(Credentials(username: "ops", password: "other", enableSecret: "en-1"))) == nil)
        #expect(pool.take(Self.key(host: "10.0.0.2")) == nil)
        #expect(pool.take(Self.key()) === kept)
        #expect(pool.take(Self.key()) == nil)
        #expect(pool.idleCount == 0)
    }

    @Test func theCapPerDeviceHolds() async throws {
        let pool = SessionPool(SessionPool.Settings(idleTimeout: .seconds(60), perDevice: 2))
        #expect(pool.keep(try await Self.idle(Self.key())))
        #expect(pool.keep(try await Self.idle(Self.key(Credentials(username: "b", password: "b")))))
        #expect(!pool.keep(try await Self.idle(Self.key(Credentials(username: "c", password: "c")))))
        // The cap is per device: another one still has room.
        #expect(pool.keep(try await Self.idle(Self.key(host: "10.0.0.2"))))
        #expect(pool.idleCount == 3)
        #expect(pool.statistics.overDeviceCap == 1)
        #expect(pool.statistics.idle == 3)
        await pool.closeAll()
        #expect(pool.idleCount == 0)
    }

    @Test func reuseOffKeepsNothing() async throws {
        let pool = SessionPool(.off)
        #expect(!pool.keep(try await Self.idle(Self.key())))
        #expect(pool.idleCount == 0)
    }

    @Test func idleSessionsCloseWhenTheirTimeRunsOut() async throws {
        let pool = SessionPool(SessionPool.Settings(idleTimeout: .milliseconds(100), perDevice: 2))
        weak var closed: DeviceSession?
        do {
            let session = try await DeviceSession.scripted(Self.device(), platform: .ciscoIOS)
            closed = session
            #expect(pool.keep(IdleSession(session, key: Self.key(), loop: Self.loop, readyPrompt: "sw1#")))
        }
        #expect(closed != nil)
        let deadline = ContinuousClock.now + .seconds(5)
        // The sweeper takes the session out of the pool, then closes it on its loop.
        while pool.idleCount > 0 || closed != nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(pool.idleCount == 0)
        #expect(closed == nil)
        #expect(pool.take(Self.key()) == nil)
        #expect(pool.statistics.expired == 1)
    }

    @Test func aJobCountsAsActiveUntilItReturns() async {
        let pool = SessionPool()
        let during = await pool.serving { pool.statistics.active }
        #expect(during == 1)
        #expect(pool.statistics.active == 0)
    }

    @Test func statisticsCountWhatTheRunnerReports() {
        let pool = SessionPool()
        for event in [SessionEvent.opened, .opened, .reused, .failedCheck] { pool.record(event) }
        var expected = SessionStatistics()
        (expected.opened, expected.reused, expected.failedChecks) = (2, 1, 1)
        #expect(pool.statistics == expected)
    }

    @Test func theMetricsShowEachReasonASessionWasDiscarded() async throws {
        let pool = SessionPool(SessionPool.Settings(idleTimeout: .seconds(60), perDevice: 1))
        #expect(pool.keep(try await Self.idle(Self.key())))
        #expect(!pool.keep(try await Self.idle(Self.key())))
        pool.record(.failedCheck)
        let shown = Dictionary(uniqueKeysWithValues: pool.metricSamples().map { sample in
            (sample.name + sample.labels.map { "{\($0.name)=\($0.value)}" }.joined(), sample.value)
        })
        #expect(shown["naas_device_sessions_idle"] == 1)
        #expect(shown["naas_device_sessions_discarded_total{reason=device_cap}"] == 1)
        #expect(shown["naas_device_sessions_discarded_total{reason=failed_check}"] == 1)
        #expect(shown["naas_device_sessions_discarded_total{reason=idle_timeout}"] == 0)
        await pool.closeAll()
    }

    @Test func aSessionAtItsPromptIsBack() async throws {
        let session = try await DeviceSession.scripted(Self.device(), platform: .ciscoIOS)
        #expect(await session.isBack(at: "sw1#"))
        #expect(try await session.run("show clock") == "")
    }

    @Test func aSessionLeftInConfigurationModeIsNotBack() async throws {
        let session = try await DeviceSession.scripted(Self.device(), platform: .ciscoIOS)
        _ = try await session.run("configure terminal")
        #expect(session.currentPrompt == "sw1(config)#")
        #expect(!(await session.isBack(at: "sw1#")))
    }

    @Test func aSessionTheDeviceClosedIsNotBack() async throws {
        let device = Self.device()
        let session = try await DeviceSession.scripted(device, platform: .ciscoIOS)
        device.reply = { _ in nil }
        #expect(!(await session.isBack(at: "sw1#")))
    }
}
