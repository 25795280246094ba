/// Every operation the service offers, on any surface.
public enum OperationID: String, Sendable, CaseIterable {
    case submitCommand = "send_command.submit"
    case submitConfig = "send_config.submit"
    case commandResult = "send_command.result"
    case configResult = "send_config.result"
    case listJobs = "jobs.list"
    case cancelJob = "jobs.cancel"
    case health = "healthcheck"
    case versions = "versions.list"
    case versionEntry = "versions.entry"
    case openAPIDocument = "openapi.document"
    case apiDocs = "apidoc"
    case metrics = "metrics"
}
