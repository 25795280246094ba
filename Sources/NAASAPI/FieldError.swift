/// One invalid input field, in the `{loc, msg, type}` shape NAAS clients parse.
public struct FieldError: Sendable, Hashable {
    /// The path to the field: a name, then array indexes or nested names.
    public let location: [JSONValue]
    public let message: String
    public let type: String

    public init(_ location: [JSONValue], _ message: String, type: String = "value_error") {
        self.location = location
        self.message = message
        self.type = type
    }

    var json: JSONValue {
        ["loc": .array(location), "msg": .string(message), "type": .string(type)]
    }
}
