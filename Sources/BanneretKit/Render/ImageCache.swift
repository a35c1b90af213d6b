import Foundation

/// Decoded images by file path, shared by all render workers. Each image is
/// read and decoded once per process, however many banners use it; two
/// workers asking for the same new image wait for one decode.
public final class ImageCache: @unchecked Sendable {
    // @unchecked: `entries` is guarded by `lock`; each entry by its own lock.
    private final class Entry: @unchecked Sendable {
        let lock = NSLock()
        var result: Result<DecodedImage, BanneretError>?
        /// The file as it was when it was read.
        var stamp: FileStamp?
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
            // Stamped before reading: a file replaced while it is read looks changed later.
            entry.stamp = FileStamp.of(path)
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

    /// Forgets every decoded image.
    public func removeAll() {
        lock.withLock { entries.removeAll() }
    }

    /// Forgets the images whose file changed or is gone since it was read,
    /// and everything once the rest holds more than `limit` bytes of pixels.
    /// A process that outlives one run (the watch daemon) calls it between
    /// jobs: a picture replaced under the same path is read again, the
    /// pictures of jobs that moved on are let go, and those still in place
    /// (a shared picture folder) are not decoded again for every job.
    /// - Returns: how many images were forgotten.
    @discardableResult
    public func removeChanged(limit: Int = 1 << 30) -> Int {
        lock.withLock {
            let before = entries.count
            entries = entries.filter { path, entry in
                entry.lock.withLock { entry.stamp != nil && FileStamp.of(path) == entry.stamp }
            }
            let bytes = entries.values.reduce(0) { total, entry in
                total + entry.lock.withLock {
                    guard case .success(let image)? = entry.result else { return 0 }
                    return image.base.stride * image.height
                }
            }
            if bytes > limit { entries.removeAll() }
            return before - entries.count
        }
    }

    private func load(_ path: String) throws -> DecodedImage {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BanneretError(.imageMissing, "image file not found or unreadable", at: Location(file: path))
        }
        return try ImageDecoder.decode(data, source: path, limits: limits)
    }
}
