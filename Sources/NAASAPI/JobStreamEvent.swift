import NAASCore

/// One server-sent event of a job stream (`text/event-stream`).
///
/// A job's events have fixed ids, one per step of its life: `1` queued, `2`
/// started, `3` ended (finished, failed or canceled), `4` its result. A
/// client that reconnects with `Last-Event-ID: n` gets only the steps after
/// `n` that the job has reached, so nothing is sent twice and nothing is
/// missed, whichever process answers. The `timeout` event has no id: a
/// client resuming after it carries on where it was.
struct JobStreamEvent: Equatable {
    let id: Int?
    let name: String
    let data: JSONValue

    static let resultID = 4
    static let idRange = 0...resultID

    /// The SSE frame: `data` is one line of compact JSON.
    var frame: [UInt8] {
        var text = ""
        if let id { text += "id: \(id)\n" }
        text += "event: \(name)\n"
        return Array(text.utf8) + Array("data: ".utf8) + JSONWriter.bytes(data) + Array("\n\n".utf8)
    }

    /// The id of the step `status` is.
    static func statusID(_ status: JobStatus) -> Int {
        switch status {
        case .queued: 1
        case .started: 2
        case .finished, .failed, .canceled: 3
        }
    }

    /// The events a watcher that has seen up to `lastSent` still needs about `job`:
    /// its status when that step is new, and its result once it ended.
    static func events(for job: JobRecord, after lastSent: Int, result: (JobRecord) -> JSONValue) -> [JobStreamEvent] {
        var events: [JobStreamEvent] = []
        let step = statusID(job.status)
        if step > lastSent {
            events.append(JobStreamEvent(
                id: step, name: "status", data: ["job_id": .string(job.id), "status": .string(job.status.rawValue)]))
        }
        if job.status.isTerminal, resultID > lastSent {
            events.append(JobStreamEvent(id: resultID, name: "result", data: result(job)))
        }
        return events
    }

    static func timeout(jobID: String) -> JobStreamEvent {
        JobStreamEvent(id: nil, name: "timeout", data: ["job_id": .string(jobID), "message": "Stream timeout"])
    }
}
