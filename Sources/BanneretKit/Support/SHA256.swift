import CBanneret
import Foundation

/// Streaming SHA-256 (libcrypto underneath) for the font lock and content-addressed names.
struct SHA256Hasher: ~Copyable {
    private let context: UnsafeMutableRawPointer

    init() { context = bnr_sha256_new() }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        bnr_sha256_update(context, bytes.baseAddress, bytes.count)
    }

    mutating func update(_ data: Data) { data.withUnsafeBytes { update($0) } }

    mutating func update(_ string: String) {
        var copy = string
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
        // A separator keeps ("ab","c") and ("a","bc") apart.
        withUnsafeBytes(of: UInt8(0)) { update($0) }
    }

    consuming func finish() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        bnr_sha256_finish(context, &digest)
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    static func hex(of data: Data) -> String {
        var hasher = SHA256Hasher()
        hasher.update(data)
        return hasher.finish()
    }

    /// Hashes a file in 1 MiB chunks so a 10 MB emoji font needs no 10 MB buffer.
    static func hex(ofFile url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256Hasher()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(chunk)
        }
        return hasher.finish()
    }
}
