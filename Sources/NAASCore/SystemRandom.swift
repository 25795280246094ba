#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random bytes from the kernel's generator in one system call per 256
/// bytes (`getentropy`). The standard library's generator makes one
/// `getrandom` call per eight bytes: two for a UUID, two for an AES-GCM
/// nonce, on every submission.
public enum SystemRandom {
    public static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let start = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let chunk = min(256, buffer.count - offset)  // getentropy's limit
            let result = getentropy(start + offset, chunk)
            precondition(result == 0, "getentropy failed: errno \(errno)")
            offset += chunk
        }
    }

    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
    }
}
