import Glibc

/// Strings from UTF-8 bytes that may not be UTF-8.
enum UTF8Text {
    /// The text, or nil when the bytes are not valid UTF-8. Decoding with
    /// repair and comparing is several times faster than the standard
    /// library's generic validating initialiser.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { decoded in
            decoded.count == bytes.count && (bytes.isEmpty || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
        }
        return same ? text : nil
    }

    static func decode(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(decode)
    }
}
