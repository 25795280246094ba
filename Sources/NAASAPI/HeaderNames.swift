import HTTPTypes

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-ID")!
    static let apiVersion = HTTPField.Name("X-API-Version")!
    static let apiKey = HTTPField.Name("X-API-Key")!
}

extension HTTPField.Name {
    /// Sent by an event-stream client that reconnects: the id of the last event it received.
    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    /// Tells nginx-style proxies not to buffer an event stream.
    static let accelBuffering = HTTPField.Name("X-Accel-Buffering")!
}
