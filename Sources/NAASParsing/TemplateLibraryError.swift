import TextFSM

/// Why a templates folder, or a template in it, cannot be used.
public enum TemplateLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The templates folder is not there.
    case directoryMissing(directory: String)
    /// The folder has no `index` file.
    case indexMissing(directory: String)
    /// A file exists but could not be read as UTF-8 text.
    case unreadable(path: String, reason: String)
    /// The `index` file is not one CliTable would accept.
    case invalidIndex(TemplateError)
    /// The index names a template file the folder does not have.
    case templateMissing(name: String, directory: String)
    /// A template file is not one Python TextFSM would accept.
    case invalidTemplate(TemplateError)

    public var description: String {
        switch self {
        case .directoryMissing(let directory):
            "The templates folder \(directory) does not exist (set NAAS_TEMPLATES_DIR or NTC_TEMPLATES_DIR to ntc-templates' templates folder)"
        case .indexMissing(let directory):
            "The templates folder \(directory) has no index file (expected ntc-templates' templates folder, holding index and the .textfsm files)"
        case .unreadable(let path, let reason):
            "Cannot read \(path): \(reason)"
        case .invalidIndex(let error), .invalidTemplate(let error):
            error.description
        case .templateMissing(let name, let directory):
            "Template file \(name) is not in \(directory)"
        }
    }
}
