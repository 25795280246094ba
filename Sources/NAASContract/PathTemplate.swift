/// The shape of a templated path, so that renaming a path parameter
/// (`/v2/jobs/{id}` to `/v2/jobs/{job_id}`) is not reported as a removed path:
/// the URLs a client builds are the same.
struct PathTemplate: Hashable {
    /// The path with every `{name}` replaced by `{}`.
    let shape: String
    /// The template's parameter names, in order.
    let parameterNames: [String]

    init(_ path: String) {
        var shape = ""
        var names: [String] = []
        var current: String?
        for character in path {
            switch (character, current) {
            case ("{", nil):
                current = ""
            case ("}", .some(let name)):
                names.append(name)
                shape += "{}"
                current = nil
            case (_, .some(let name)):
                current = name + String(character)
            case (_, nil):
                shape.append(character)
            }
        }
        if let unterminated = current { shape += "{" + unterminated }
        self.shape = shape
        self.parameterNames = names
    }
}
