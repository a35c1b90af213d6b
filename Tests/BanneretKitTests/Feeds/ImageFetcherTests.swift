import Foundation
import Testing
@testable import BanneretKit

@Suite(.serialized) struct ImageFetcherTests {
    static let png = try! Data(contentsOf: Fixtures.examples.appendingPathComponent("images/cold-brew-bottle.png"))

    @Test func downloadsOnceThenRevalidatesWithTheETag() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/bottle.png": .init(status: 200, contentType: "image/png", body: Self.png, etag: "\"v1\""),
        ])
        defer { server.stop() }
        let fetcher = ImageFetcher(cacheDirectory: Fixtures.temporaryDirectory(), timeout: 5)
        let url = URL(string: server.url("/bottle.png"))!
        let first = try fetcher.fetch(url)
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Self.png)
        let second = try fetcher.fetch(url)
        #expect(second == first)
        #expect(server.requests.map(\.ifNoneMatch) == [nil, "\"v1\""], "the second request revalidates and gets 304")
    }

    @Test func refusesNonImagesOversizeAndErrors() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/page.png": .init(status: 200, contentType: "text/html", body: Data("<html>oops</html>".utf8)),
            "/big.png": .init(status: 200, contentType: "image/png", body: Self.png),
        ])
        defer { server.stop() }
        let fetcher = ImageFetcher(cacheDirectory: Fixtures.temporaryDirectory(), timeout: 5, maximumBytes: 1000)
        func code(_ path: String) -> BanneretError.Code? {
            do { _ = try fetcher.fetch(URL(string: server.url(path))!); return nil } catch let e as BanneretError { return e.code } catch { return nil }
        }
        #expect(code("/page.png") == .imageUnsupported)
        #expect(code("/big.png") == .imageTooLarge)
        #expect(code("/missing.png") == .imageMissing)
    }

    @Test func generatorFetchesRemoteLinksBeforeRendering() throws {
        let server = try LoopbackHTTPServer(routes: [
            "/bottle.png": .init(status: 200, contentType: "image/png", body: Self.png, etag: "\"v1\""),
        ])
        defer { server.stop() }
        let folder = Fixtures.temporaryDirectory()
        let feed = folder.appendingPathComponent("feed.jsonl")
        try """
        {"id": "R1", "title": "Remote bottle", "price": "9.00 USD", "image_link": "\(server.url("/bottle.png"))"}
        {"id": "R2", "title": "Gone", "price": "9.00 USD", "image_link": "\(server.url("/gone.png"))"}
        """.write(to: feed, atomically: true, encoding: .utf8)
        let report = try Generator(engine: Fixtures.engine).run(GenerationOptions(
            feedURL: feed, sizes: [BannerSize(width: 300, height: 250)], outputDirectory: folder.appendingPathComponent("out"), jobs: 1))
        #expect(report.entries.map(\.productID) == ["R1"])
        let gone = try #require(report.errors.first)
        #expect(gone.productID == "R2" && gone.error.code == .imageMissing && gone.error.message.contains("HTTP 404"))
        #expect(gone.error.location?.line == 2 && gone.error.location?.field == "image_link")
    }
}
