import Testing
@testable import BanneretKit

@Suite struct BannerSizeTests {
    @Test func parsesAndRefusesBadSizes() throws {
        #expect(try BannerSize(parsing: "300x250") == BannerSize(width: 300, height: 250))
        #expect(try BannerSize(parsing: "1080X1920") == BannerSize(width: 1080, height: 1920))
        for bad in ["300", "x250", "0x250", "300x-1", "9000x100", "axb", "300x250x2"] {
            #expect(throws: BanneretError.self, "\(bad)") { try BannerSize(parsing: bad) }
            do { _ = try BannerSize(parsing: bad) } catch let error as BanneretError {
                #expect(error.code == .sizeInvalid)
            } catch {}
        }
    }
}
