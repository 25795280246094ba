import NIOCore

/// Carries out a `CLISession`'s effects on one channel: writes, timed waits, close.
///
/// Input that arrives during a wait is held and fed afterwards, so replies keep
/// their order without ever blocking the event loop.
final class SessionDriver {
    private let session: CLISession
    private let eventLoop: any EventLoop
    private let write: (String) -> Void
    private let close: () -> Void
    private var waiting = false
    private var held: [UInt8] = []
    private var closed = false

    init(session: CLISession, eventLoop: any EventLoop, write: @escaping (String) -> Void, close: @escaping () -> Void) {
        self.session = session
        self.eventLoop = eventLoop
        self.write = write
        self.close = close
    }

    func start(authenticated: Bool) {
        perform(session.start(authenticated: authenticated)[...])
    }

    func receive(_ bytes: [UInt8]) {
        guard !closed else { return }
        if waiting {
            held += bytes
            return
        }
        perform(session.receive(bytes)[...])
    }

    func connectionClosed() {
        closed = true
        session.connectionClosed()
    }

    private func perform(_ effects: ArraySlice<SessionEffect>) {
        var rest = effects
        while let effect = rest.popFirst() {
            guard !closed else { return }
            switch effect {
            case .output(let text):
                write(text)
            case .close:
                closed = true
                session.connectionClosed()
                close()
                return
            case .delay(let milliseconds):
                waiting = true
                let remaining = rest
                let loopBound = NIOLoopBound(self, eventLoop: eventLoop)
                eventLoop.scheduleTask(in: .milliseconds(Int64(milliseconds))) {
                    loopBound.value.resume(remaining)
                }
                return
            }
        }
        if !held.isEmpty {
            let bytes = held
            held.removeAll()
            perform(session.receive(bytes)[...])
        }
    }

    private func resume(_ effects: ArraySlice<SessionEffect>) {
        waiting = false
        perform(effects)
    }
}
