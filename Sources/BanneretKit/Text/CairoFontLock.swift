import Foundation

/// One lock for every call into cairo's font code, across all render threads.
///
/// Each worker has its own Pango font map, but cairo shares scaled fonts
/// between them and keeps one glyph cache for the whole process. Cairo 1.16
/// (Debian 12) evicts from that cache by locking another font's mutex while
/// holding the cache's own, the reverse of the order a glyph lookup takes
/// them: two threads shaping and measuring text at once deadlocked once the
/// cache filled (seen in the quality run with 13 templates at 12 sizes). Text
/// is about a fifth of a banner's time, so serialising it costs little next
/// to a hang; pictures, shapes and encoding still run in parallel.
enum CairoFontLock {
    private static let mutex = NSLock()

    static func lock() { mutex.lock() }
    static func unlock() { mutex.unlock() }

    static func withLock<T>(_ body: () throws -> T) rethrows -> T {
        mutex.lock()
        defer { mutex.unlock() }
        return try body()
    }
}
