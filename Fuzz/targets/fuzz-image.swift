// libFuzzer target: image decoding as the renderer does it: format sniffed
// from the bytes, PNG (libpng), JPEG (libjpeg-turbo) or WebP (libwebp), the
// pixel limit checked from the header, EXIF orientation, transparent-border trim.
// The pixel limit is lowered so single inputs stay small under AddressSanitizer.
import Foundation
@testable import BanneretKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(bytes: data, count: size)
    _ = try? ImageDecoder.decode(bytes, source: "fuzz", limits: ImageLimits(maximumPixels: 4_000_000))
    return 0
}
