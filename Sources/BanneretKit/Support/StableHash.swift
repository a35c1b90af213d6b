/// FNV-1a over UTF-8: stable across machines, runs and Swift versions
/// (unlike `Hasher`), for anything that must pick the same way every time.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
