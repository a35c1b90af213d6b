// libFuzzer target: the feed reader for Merchant Center RSS/Atom XML, strict and lenient.
// Every input must give products and located errors, or one BanneretError;
// never a crash, a hang or unbounded memory.
@testable import BanneretKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    _ = try? FeedReader.read(bytes, file: "fuzz.xml", options: FeedReader.Options(format: .xml, jobs: 1))
    _ = try? FeedReader.read(bytes, file: "fuzz.xml", options: FeedReader.Options(format: .xml, lenient: true, jobs: 1))
    return 0
}
