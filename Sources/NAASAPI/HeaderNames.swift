import HTTPTypes

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-ID")!
    static let apiVersion = HTTPField.Name("X-API-Version")!
    static let apiKey = HTTPField.Name("X-API-Key")!
}
