// libFuzzer target: the brand guide parser (palette, type roles, logo paths,
// copy rules, contrast levels). Logo paths resolve in an empty folder, so none
// exist; confinement is checked before existence.
import Foundation
@testable import BanneretKit

let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("banneret-fuzz-brand")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? BrandGuideLoader.parse(text, file: "fuzz.yaml", folder: folder, fontFamilies: ["Inter", "NanumSquare"])
    return 0
}
