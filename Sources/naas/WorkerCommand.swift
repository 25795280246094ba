import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `naas worker`: workers only, no HTTP, for a fleet sharing a PostgreSQL
/// store with API processes (`naas serve --workers 0`) on any host.
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Run workers only (no HTTP) on the store the API processes use; SIGTERM stops claiming and lets running jobs finish."
    )

    @OptionGroup var node: NodeOptions

    func run() async throws {
        let runtime = try await NodeRuntime.start(node, ownsEmbeddedStore: false)
        guard runtime.capacity > 0 else { throw ValidationError("naas worker needs --workers 1 or more") }
        runtime.logger.info("naas worker is running", metadata: [
            "workers": "\(runtime.capacity)", "store": "\(runtime.store.location)",
        ])
        let group = ServiceGroup(configuration: .init(
            services: runtime.services, gracefulShutdownSignals: [.sigterm, .sigint], logger: Logger(label: "naas.services")))
        try await group.run()
        await runtime.store.close()
    }
}
