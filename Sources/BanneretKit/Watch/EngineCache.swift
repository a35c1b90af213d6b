import Foundation

/// Engines kept between jobs, so the brand, its logos and the templates are
/// loaded once rather than for every job, while an edit to any of those files
/// is still picked up by the next job: an engine is reused only while every
/// file it was built from has the same stamp (size, times, inode). SIGHUP
/// empties the cache outright.
public final class EngineCache {
    private struct Key: Hashable {
        var brand: String
        var templates: [String]
    }

    private struct Entry {
        var engine: Engine
        var workers: WorkerShelf
        var templateFiles: [String]
        var stamps: [String: FileStamp]
        var used: UInt64
    }

    public let fonts: FontSet
    /// Engines kept at most; the least recently used goes first.
    public let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0

    public init(fonts: FontSet, capacity: Int = 4) {
        self.fonts = fonts
        self.capacity = max(1, capacity)
    }

    public var count: Int { entries.count }

    /// The engine for this brand and these templates; `reused` says whether it was kept from an earlier job.
    public func engine(brand: URL, templates: [URL]) throws -> (engine: Engine, reused: Bool) {
        let found = try entry(brand: brand, templates: templates)
        return (found.engine, found.reused)
    }

    /// A generator over the cached engine, whose render workers (and their loaded fonts) are kept between jobs.
    func generator(brand: URL, templates: [URL]) throws -> (generator: Generator, reused: Bool) {
        let found = try entry(brand: brand, templates: templates)
        return (Generator(shelf: found.workers), found.reused)
    }

    private func entry(brand: URL, templates: [URL]) throws -> (engine: Engine, workers: WorkerShelf, reused: Bool) {
        clock += 1
        let key = Key(brand: brand.standardizedFileURL.path, templates: templates.map(\.standardizedFileURL.path))
        let templateFiles = try TemplateLoader.files(at: templates).map(\.path)
        if var entry = entries[key], entry.templateFiles == templateFiles,
           entry.stamps.allSatisfy({ FileStamp.of($0.key) == $0.value }) {
            entry.used = clock
            entries[key] = entry
            return (entry.engine, entry.workers, true)
        }
        // Stamped before loading: a file edited while it is read makes the next job load it again.
        var paths = [key.brand] + templateFiles
        var stamps = Dictionary(paths.compactMap { path in FileStamp.of(path).map { (path, $0) } }) { a, _ in a }
        let engine = try Engine(fonts: fonts, brandURL: brand, templates: templates, images: ImageCache())
        paths = [engine.logoLight, engine.logoDark].compactMap { $0 }
        for path in paths where stamps[path] == nil { stamps[path] = FileStamp.of(path) }
        if entries[key] == nil, entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.used < $1.value.used })?.key {
            entries[oldest] = nil
        }
        let workers = WorkerShelf(engine: engine)
        entries[key] = Entry(engine: engine, workers: workers, templateFiles: templateFiles, stamps: stamps, used: clock)
        return (engine, workers, false)
    }

    public func removeAll() {
        entries.removeAll()
    }
}
