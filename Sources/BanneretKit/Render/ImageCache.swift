import Foundation

/// Decoded images by file path, shared by all render workers. Each image is
/// read and decoded once per process, however many banners use it; two
/// workers asking for the same new image wait for one decode.
public final class ImageCache: @unchecked Sendable {
    // @unchecked: `entries` is guarded by `lock`; each entry by its own lock.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<DecodedImage, BanneretError>?
    }

    public let limits: ImageLimits
    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init(limits: ImageLimits = ImageLimits()) {
        self.limits = limits
    }

    public func image(at path: String) throws -> DecodedImage {
        let entry = lock.withLock {
            if let existing = entries[path] { return existing }
            let created = Entry()
            entries[path] = created
            return created
        }
        return try entry.lock.withLock {
            if let result = entry.result { return try result.get() }
            let result: Result<DecodedImage, BanneretError>
            do {
                result = .success(try load(path))
            } catch let error as BanneretError {
                result = .failure(error)
            } catch {
                result = .failure(BanneretError(.imageCorrupt, "\(error)", at: Location(file: path)))
            }
            entry.result = result
            return try result.get()
        }
    }

    /// Forgets every decoded image. A process that outlives one run (the
    /// watch daemon) calls it between jobs, so memory does not grow with every
    /// job and a picture replaced under the same path is read again.
    public func removeAll() {
        lock.withLock { entries.removeAll() }
    }

    private func load(_ path: String) throws -> DecodedImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BanneretError(.imageMissing, "image file not found or unreadable", at: Location(file: path))
        }
        return try ImageDecoder.decode(data, source: path, limits: limits)
    }
}
