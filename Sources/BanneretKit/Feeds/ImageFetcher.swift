import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches remote product images before rendering (rendering never touches
/// the network): with a timeout and a size cap, checking that what arrives is
/// an image, and keeping an on-disk cache keyed by URL that is revalidated
/// with the server's ETag.
public struct ImageFetcher: Sendable {
    public var cacheDirectory: URL
    public var timeout: TimeInterval
    public var maximumBytes: Int

    public init(cacheDirectory: URL, timeout: TimeInterval = 15, maximumBytes: Int = 32 << 20) {
        self.cacheDirectory = cacheDirectory
        self.timeout = timeout
        self.maximumBytes = maximumBytes
    }

    /// The local path of the image at `url`, downloading or revalidating it.
    public func fetch(_ url: URL) throws -> String {
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        var hasher = SHA256Hasher()
        hasher.update(url.absoluteString)
        let key = hasher.finish()
        let body = cacheDirectory.appendingPathComponent(key)
        let etagFile = cacheDirectory.appendingPathComponent(key + ".etag")
        let cachedTag = FileManager.default.fileExists(atPath: body.path) ? try? String(contentsOf: etagFile, encoding: .utf8) : nil

        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        if let cachedTag { request.setValue(cachedTag, forHTTPHeaderField: "If-None-Match") }
        let (data, response) = try Self.perform(request, location: Location(file: url.absoluteString))
        let location = Location(file: url.absoluteString)
        switch response.statusCode {
        case 304 where cachedTag != nil:
            return body.path
        case 200:
            guard data.count <= maximumBytes else {
                throw BanneretError(.imageTooLarge, "download is \(data.count) bytes, over the limit of \(maximumBytes)", at: location)
            }
            guard ImageDecoder.sniff(data) != nil else {
                throw BanneretError(.imageUnsupported, "the server sent something that is not a PNG, JPEG or WebP image "
                                    + "(Content-Type \(response.value(forHTTPHeaderField: "Content-Type") ?? "none"))", at: location)
            }
            try AtomicFile.write(data, to: body)
            if let tag = response.value(forHTTPHeaderField: "ETag") {
                try AtomicFile.write(Data(tag.utf8), to: etagFile)
            } else {
                try? FileManager.default.removeItem(at: etagFile)
            }
            return body.path
        case 500 ... 599, 408, 429:
            throw BanneretError(.imageFetchFailed, "HTTP \(response.statusCode) fetching the image; try again later", at: location)
        default:
            throw BanneretError(.imageMissing, "HTTP \(response.statusCode) fetching the image", at: location)
        }
    }

    private static func perform(_ request: URLRequest, location: Location) throws -> (Data, HTTPURLResponse) {
        final class Box: @unchecked Sendable {
            var result: Result<(Data, HTTPURLResponse), BanneretError>?
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let task = URLSession.shared.dataTask(with: request) { data, response, error in
            if let error {
                box.result = .failure(BanneretError(.imageFetchFailed, "cannot fetch the image: \(error.localizedDescription)",
                                                    at: location))
            } else if let http = response as? HTTPURLResponse {
                box.result = .success((data ?? Data(), http))
            } else {
                box.result = .failure(BanneretError(.imageMissing, "not an HTTP response", at: location))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try box.result!.get()
    }
}
