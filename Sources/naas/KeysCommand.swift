import ArgumentParser
import Foundation
import Logging
import NAASAPI
import NAASCore
import NAASStore

/// `naas keys`: manage API keys on the server's own store, without HTTP —
/// how the first admin key comes to exist.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys in the store (works while the server runs).",
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Location: ParsableArguments {
        @Option(help: "The server's data directory (NAAS_DATA_DIR; default ./data).") var dataDir: String?
        @Option(help: "The fleet's PostgreSQL store, instead of the data directory's (NAAS_DATABASE_URL).") var databaseURL: String?

        /// Runs `body` with an issuer on the server's store, closed afterwards.
        func withIssuer<Result>(_ body: (APIKeyIssuer) async throws -> Result) async throws -> Result {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: .notice, output: 2) }
            let opened = try await StoreOpening.open(
                databaseURL: try StoreOpening.databaseURL(databaseURL), dataDirectory: try StoreOpening.dataDirectory(dataDir))
            do {
                let result = try await body(APIKeyIssuer(store: opened.store))
                await opened.close()
                return result
            } catch {
                await opened.close()
                throw error
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a key and print it as JSON; the token is shown only now.")

        @OptionGroup var location: Location
        @Option(help: "viewer, operator or admin.") var role: String
        @Option(help: "Comma-separated contexts the key may use, or * for all.") var contexts = "*"
        @Option(help: "Seconds until the key expires; 0 never (default API_KEY_DEFAULT_TTL or 90 days).") var ttl: Int?
        @Option(help: "A label for people reading key lists.") var name: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be viewer, operator or admin") }
            let names = contexts.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !names.isEmpty, names.allSatisfy({ $0 == ContextScope.wildcard || ContextName.isValid($0) }) else {
                throw ValidationError("--contexts must be * or context names separated by commas")
            }
            let seconds = try setting(ttl, ["API_KEY_DEFAULT_TTL"], default: Int(SecuritySettings.standardKeyLifetime))
            guard seconds >= 0 else { throw ValidationError("--ttl must be 0 or more") }
            let order = KeyOrder(
                role: role, contexts: ContextScope(names: names), lifetime: seconds == 0 ? nil : TimeInterval(seconds), name: name)
            try await location.withIssuer { issuer in
                let (key, token) = try await issuer.create(order, by: "cli", requestID: nil)
                print(issuer.json(key, token: token))
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the keys as JSON (never their tokens).")
        @OptionGroup var location: Location

        func run() async throws {
            try await location.withIssuer { issuer in
                for key in try await issuer.keys() { print(issuer.json(key)) }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a key: it fails from its next request on.")
        @OptionGroup var location: Location
        @Argument(help: "The key id (k-…).") var keyID: String

        func run() async throws {
            guard try await location.withIssuer({ try await $0.revoke(keyID, by: "cli", requestID: nil) }) != nil else {
                throw ValidationError("no API key \(keyID)")
            }
            print("revoked \(keyID)")
        }
    }
}
