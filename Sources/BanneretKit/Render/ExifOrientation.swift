/// Reads the EXIF orientation tag (0x0112) from a TIFF-structured EXIF blob.
/// Phones store photos unrotated and say how to turn them here; ignoring it
/// puts products on their side.
enum ExifOrientation {
    /// 1...8 as EXIF defines them, or 1 when absent or unreadable.
    static func read(_ exif: [UInt8]) -> Int {
        guard exif.count >= 8 else { return 1 }
        let little: Bool
        switch (exif[0], exif[1]) {
        case (0x49, 0x49): little = true
        case (0x4D, 0x4D): little = false
        default: return 1
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= exif.count else { return nil }
            return little ? Int(exif[at]) | Int(exif[at + 1]) << 8 : Int(exif[at]) << 8 | Int(exif[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let high = u16(little ? at + 2 : at), let low = u16(little ? at : at + 2) else { return nil }
            return high << 16 | low
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return 1 }
        for index in 0 ..< min(count, 512) {
            let entry = ifd + 2 + index * 12
            guard let tag = u16(entry) else { return 1 }
            if tag == 0x0112, u16(entry + 2) == 3, let value = u16(entry + 8), (1 ... 8).contains(value) {
                return value
            }
        }
        return 1
    }
}
