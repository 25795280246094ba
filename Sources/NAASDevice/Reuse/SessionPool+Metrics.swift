import NAASCore

extension SessionPool: MetricsSource {
    public func metricSamples() -> [MetricSample] {
        let now = statistics
        let discarded = "naas_device_sessions_discarded_total"
        let discardedHelp = "Pooled or poolable device sessions closed without serving another job, by reason."
        return [
            MetricSample("naas_device_sessions_active", .gauge, now.active, help: "Device sessions serving a job now."),
            MetricSample("naas_device_sessions_idle", .gauge, now.idle, help: "Authenticated device sessions waiting in the pool for their next job."),
            MetricSample("naas_device_sessions_opened_total", .counter, now.opened, help: "Device sessions opened: connected, logged in and set up."),
            MetricSample("naas_device_sessions_reused_total", .counter, now.reused, help: "Jobs served by a pooled session instead of a new login."),
            MetricSample(discarded, .counter, now.expired, labels: [.init("reason", "idle_timeout")], help: discardedHelp),
            MetricSample(discarded, .counter, now.failedChecks, labels: [.init("reason", "failed_check")], help: discardedHelp),
            MetricSample(discarded, .counter, now.overDeviceCap, labels: [.init("reason", "device_cap")], help: discardedHelp),
        ]
    }
}
