import NAASCore
import TextFSM

/// A structured job's own `textfsm_template`, compiled at submission so a
/// template that cannot work is a 422 naming its line, not a job that fails
/// on every command later.
enum InlineTemplateCheck {
    static let field = "textfsm_template"

    /// The error naming the field, the template line and the reason; nil for a template that compiles.
    static func error(in source: String) -> FieldError? {
        do {
            _ = try Template(source: source, name: field)
            return nil
        } catch {
            let place = error.line.map { "line \($0): " } ?? ""
            return FieldError([.string(field)], "\(field) does not compile: \(place)\(error.message)")
        }
    }
}
