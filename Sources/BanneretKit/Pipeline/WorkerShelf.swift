import Foundation

/// Render workers kept between runs on one engine. A worker's Pango font map
/// loads its fonts on first use, which costs tens of milliseconds; a process
/// that runs job after job (the watch daemon) hands its workers from one run
/// to the next instead of paying that for every job.
final class WorkerShelf: @unchecked Sendable {
    // @unchecked: `spare` is guarded by `lock`; a worker is used by one run at a time.
    private let lock = NSLock()
    private var spare: [RenderWorker] = []
    let engine: Engine

    init(engine: Engine) {
        self.engine = engine
    }

    /// `count` workers, kept ones first.
    func take(_ count: Int) -> [RenderWorker] {
        let kept = lock.withLock {
            let taken = Array(spare.prefix(count))
            spare.removeFirst(taken.count)
            return taken
        }
        return kept + (kept.count ..< count).map { _ in RenderWorker(engine: engine) }
    }

    func putBack(_ workers: [RenderWorker]) {
        lock.withLock { spare += workers }
    }
}
