import Foundation
import Hummingbird
import NAASCore
import NAASStore

/// Waits on jobs for clients: the `?wait=` long poll of the result routes and
/// the job stream. Both wake on the store's change signal for the job, never on a timer.
struct JobWatcher: Sendable {
    let store: any ServiceStore
    let settings: JobWatchSettings
    let slots: StreamSlots

    init(store: any ServiceStore, settings: JobWatchSettings) {
        self.store = store
        self.settings = settings
        self.slots = StreamSlots(limit: settings.maxStreams)
    }

    /// The seconds a result request asks to wait (`?wait=`), or nil when it asks for none.
    func requestedWait(_ query: Hummingbird.Parameters) throws(APIError) -> Int? {
        guard let raw = query.get("wait") else { return nil }
        guard let seconds = Int(raw), (0...settings.maxWaitSeconds).contains(seconds) else {
            throw .validation(source: "query", [FieldError(
                ["wait"], "wait must be a whole number of seconds from 0 to \(settings.maxWaitSeconds) (RESULT_WAIT_MAX)")])
        }
        return seconds
    }

    /// `job` once it has ended, or as it is after `seconds`; answers as soon as the store signals the end.
    /// `changes` are the job's `laterChanges`, subscribed to before `job` was read.
    func ended(_ job: JobRecord, within seconds: Int, changes: AsyncStream<Void>) async throws -> JobRecord {
        guard !job.status.isTerminal, seconds > 0 else { return job }
        let watch = WatchTicks(changes: changes, limit: .seconds(seconds))
        defer { watch.stop() }
        var latest = job
        for await tick in watch.ticks {
            switch tick {
            case .changed:
                guard let current = try await Self.latest(job.id, in: store) else { return latest }
                latest = current
                if current.status.isTerminal { return current }
            case .heartbeat, .expired:
                return latest
            }
        }
        return latest
    }

    /// Job `id` as it is now: as its end left it, if that woke the watcher, or else as read.
    private static func latest(_ id: String, in store: any ServiceStore) async throws -> JobRecord? {
        if let ended = store.endedRecord(of: id) { return ended }
        return try await store.job(id)
    }

    /// The last event id a reconnecting client saw (`Last-Event-ID`), 0 for a new stream.
    func lastEventID(_ headers: HTTPFields) throws(APIError) -> Int {
        guard let raw = headers[.lastEventID] else { return 0 }
        guard let id = Int(raw.trimmingCharacters(in: .whitespaces)), JobStreamEvent.idRange.contains(id) else {
            throw .badRequest(
                "Last-Event-ID \"\(raw.prefix(20))\" is not an event id of a job stream: send one this stream sent (1 to 4), or none")
        }
        return id
    }

    /// A `text/event-stream` response that follows `job` from after `lastSent`
    /// until its result is sent, the stream times out, or the client goes.
    func stream(_ job: JobRecord, after lastSent: Int, result: @escaping @Sendable (JobRecord) -> JSONValue) throws(APIError) -> Response {
        guard let slot = slots.take() else { throw .tooManyStreams(limit: slots.limit) }
        let (store, settings) = (store, settings)
        let body = ResponseBody { writer in
            defer { slot.release() }
            let watch = WatchTicks(changes: store.jobChanges(id: job.id), limit: settings.streamTimeout, heartbeat: settings.heartbeat)
            defer { watch.stop() }
            var sent = lastSent
            // EventSource clients reconnect after this many milliseconds when the connection drops.
            try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
            watching: for await tick in watch.ticks {
                switch tick {
                case .changed:
                    // A job purged while watched has nothing more to tell.
                    guard let current = try await Self.latest(job.id, in: store) else { break watching }
                    let events = JobStreamEvent.events(for: current, after: sent, result: result)
                    for event in events {
                        try await writer.write(ByteBuffer(bytes: event.frame))
                        sent = event.id ?? sent
                    }
                    if sent >= JobStreamEvent.resultID { break watching }
                case .heartbeat:
                    try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                case .expired:
                    try await writer.write(ByteBuffer(bytes: JobStreamEvent.timeout(jobID: job.id).frame))
                    break watching
                }
            }
            try await writer.finish(nil)
        }
        var headers: HTTPFields = [:]
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        headers[.accelBuffering] = "no"
        return Response(status: .ok, headers: headers, body: body)
    }
}
