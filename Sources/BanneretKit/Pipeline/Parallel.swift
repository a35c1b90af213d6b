import Foundation

/// Runs `body` for indices 0..<count on `jobs` threads, each with its own
/// ``RenderWorker`` (own Pango font map: sharing one between threads crashes).
/// Threads pull the next index from a shared counter, so a slow banner never
/// idles the other threads.
func parallelFor(count: Int, jobs: Int, body: @escaping @Sendable (RenderWorker, Int) -> Void,
                 makeWorker: @escaping @Sendable () -> RenderWorker) {
    let counter = Counter()
    let group = DispatchGroup()
    for _ in 0 ..< max(1, min(jobs, count)) {
        group.enter()
        let thread = Thread {
            let worker = makeWorker()
            while let index = counter.next(below: count) { body(worker, index) }
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    group.wait()
}

/// The same with workers that outlive the call (a run renders chunk after
/// chunk; font maps are built once).
func parallelFor(count: Int, workers: [RenderWorker], body: @escaping @Sendable (RenderWorker, Int) -> Void) {
    guard count > 0 else { return }
    let counter = Counter()
    let group = DispatchGroup()
    for worker in workers.prefix(max(1, min(workers.count, count))) {
        group.enter()
        let box = UncheckedBox(worker)
        let thread = Thread {
            while let index = counter.next(below: count) { body(box.value, index) }
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    group.wait()
}

/// A worker handed to exactly one thread at a time.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

extension Generator {
    func parallelFor(count: Int, jobs: Int, body: @escaping @Sendable (RenderWorker, Int) -> Void) {
        let engine = self.engine
        BanneretKit.parallelFor(count: count, jobs: jobs, body: body, makeWorker: { RenderWorker(engine: engine) })
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

/// Fixed slots written by index from many threads.
final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Value?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { storage } }
}

/// SHA-256 of input files, computed once per path per run.
final class FileDigests: @unchecked Sendable {
    private let lock = NSLock()
    private var digests: [String: String] = [:]

    func digest(_ path: String) -> String {
        if let known = lock.withLock({ digests[path] }) { return known }
        let digest = (try? SHA256Hasher.hex(ofFile: URL(fileURLWithPath: path))) ?? "unreadable"
        lock.withLock { digests[path] = digest }
        return digest
    }
}
