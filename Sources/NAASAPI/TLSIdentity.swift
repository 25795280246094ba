import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The server's TLS certificate and key: given by the operator, or a
/// self-signed pair made on first start and kept in the data directory.
public struct TLSIdentity: Sendable {
    public let certificatePath: String
    public let keyPath: String

    public static let certificateFile = "tls-cert.pem"
    public static let keyFile = "tls-key.pem"

    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// The self-signed identity in `dataDirectory`, created if missing.
    /// Returns whether it was created now.
    public static func selfSigned(in dataDirectory: URL, hostNames: [String]) throws -> (TLSIdentity, created: Bool) {
        let identity = TLSIdentity(
            certificatePath: dataDirectory.appendingPathComponent(certificateFile).path,
            keyPath: dataDirectory.appendingPathComponent(keyFile).path)
        let manager = FileManager.default
        if manager.fileExists(atPath: identity.certificatePath), manager.fileExists(atPath: identity.keyPath) {
            return (identity, false)
        }
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName { CommonName("naas self-signed") }
        let now = Date()
        var alternativeNames: [GeneralName] = [.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))]
        alternativeNames += (["localhost"] + hostNames).map { GeneralName.dnsName($0) }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3600), notValidAfter: now.addingTimeInterval(825 * 86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                SubjectAlternativeNames(alternativeNames)
            },
            issuerPrivateKey: .init(key))
        let pem = try certificate.serializeAsPEM().pemString
        guard manager.createFile(atPath: identity.keyPath, contents: Data(key.pemRepresentation.utf8), attributes: [.posixPermissions: 0o600]),
              manager.createFile(atPath: identity.certificatePath, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o644])
        else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: dataDirectory.path])
        }
        return (identity, true)
    }

    /// A server configuration that speaks TLS 1.2 and later only.
    public func serverConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(certificatePath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: keyPath, format: .pem)))
        configuration.minimumTLSVersion = .tlsv12
        // When the server closes a connection (shutdown, idle keep-alive) it sends
        // close_notify and need not wait for the client's: an idle client answers
        // only when it next reads, so the 5 s default held every stop for 5 s.
        configuration.shutdownTimeout = .milliseconds(250)
        return configuration
    }
}
