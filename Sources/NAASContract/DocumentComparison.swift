import OpenAPIKit

/// Compares two loaded documents operation by operation: what was removed, what
/// was added, and what changed in the operations both have.
struct DocumentComparison {
    let old: LoadedContract
    let new: LoadedContract

    func changes() -> [ContractChange] {
        var log = ChangeLog()
        let context = ComparisonContext(oldMaximum: old.microversions?.max)
        let newByKey = Dictionary(new.endpoints.map { (OperationKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        let oldByKey = Dictionary(old.endpoints.map { (OperationKey($0), $0) }, uniquingKeysWith: { first, _ in first })
        let newShapes = Set(new.endpoints.map { PathTemplate($0.path.rawValue).shape })

        var removedPaths: Set<String> = []
        for endpoint in old.endpoints where newByKey[OperationKey(endpoint)] == nil {
            let template = PathTemplate(endpoint.path.rawValue)
            if newShapes.contains(template.shape) {
                let here = FieldLocation(operation: endpoint.displayName)
                log.record(.operationRemoved, at: here, "\(endpoint.displayName) was removed")
            } else if removedPaths.insert(template.shape).inserted {
                // One finding for the whole path, naming the operations it took along.
                let methods = old.endpoints
                    .filter { PathTemplate($0.path.rawValue).shape == template.shape }
                    .map { $0.method.rawValue.uppercased() }
                let path = endpoint.path.rawValue
                log.record(.pathRemoved, at: FieldLocation(operation: path),
                           "\(path) was removed (\(methods.joined(separator: ", ")))")
            }
        }

        for endpoint in new.endpoints {
            guard let before = oldByKey[OperationKey(endpoint)] else {
                log.record(.operationAdded, at: FieldLocation(operation: endpoint.displayName),
                           "\(endpoint.displayName) was added")
                continue
            }
            OperationComparison(old: before, new: endpoint, context: context).compare(into: &log)
        }
        return log.changes
    }
}
