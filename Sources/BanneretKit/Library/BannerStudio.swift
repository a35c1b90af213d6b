import Foundation

/// The way into Banneret from Swift code: build a studio once (fonts,
/// templates, brand, optionally a preference model), then render single
/// banners or stream whole generations from as many tasks as you like.
///
/// ```swift
/// let studio = try BannerStudio(brand: brandURL, templates: [templatesURL])
/// let banner = try await studio.render(product, size: BannerSize(width: 300, height: 250), format: .defaultJPEG)
/// try banner.encoded.write(to: url)
/// ```
///
/// Rendering is CPU work done off the Swift concurrency pool, on at most
/// `concurrency` threads at once, each with its own renderer (Pango font maps
/// cannot be shared between threads); calls beyond that wait their turn.
public final class BannerStudio: Sendable {
    public let engine: Engine
    /// Scores banners per customer segment, when a model or segments were given.
    public let scorer: BannerScorer?
    private let pool: WorkerPool

    /// - Parameters:
    ///   - fonts: the folder holding `fonts.lock` and the pinned fonts; nil looks for the project's `Fonts/`.
    ///   - concurrency: renders running at once (default: the core count).
    public init(fonts: URL? = nil, brand: URL, templates: [URL], scorer: BannerScorer? = nil,
                concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let fontSet = try FontSet(directory: fonts ?? FontSet.locateDirectory())
        engine = try Engine(fonts: fontSet, brandURL: brand, templates: templates)
        self.scorer = scorer
        pool = WorkerPool(engine: engine, size: max(1, concurrency))
    }

    /// Renders, checks, measures and encodes one banner. Throws
    /// ``BanneretError`` for what a generation would reject (text that does
    /// not fit, tofu, a broken brand rule, a missing image).
    ///
    /// - Parameters:
    ///   - imagePath: an absolute path to the product picture (nil: no picture).
    ///   - companions: for a catalogue grid template (`products:` 2–4), the
    ///     other products it shows after `product`, with their pictures.
    public func render(_ product: Product, size: BannerSize, template: String? = nil, variant: Variant = .standard,
                       imagePath: String? = nil, companions: [(product: Product, imagePath: String?)] = [],
                       format: OutputFormat = .defaultPNG) async throws -> RenderedBannerResult {
        let chosen: Template
        if let template {
            guard let found = engine.templates.first(where: { $0.name == template }) else {
                throw BanneretError(.templateMissing, "no template named '\(template)'"
                                    + DidYouMean.hint(for: template, in: engine.templates.map(\.name)))
            }
            chosen = found
        } else {
            chosen = engine.templates[0]
        }
        let engine = self.engine, scorer = self.scorer
        return try await pool.run { worker in
            let (rendered, spec) = try worker.render(product: product, size: size, imagePath: imagePath, template: chosen,
                                                     variant: variant, companions: companions)
            let assessment = try BannerAssessment.assess(rendered, spec: spec, product: product, variant: variant,
                                                         imagePath: imagePath, engine: engine, scorer: scorer,
                                                         location: Location(file: chosen.file))
            return RenderedBannerResult(
                pixels: rendered.pixels,
                encoded: format.isVector ? try worker.renderer.renderVector(spec, as: format)
                    : try BannerEncoder.encode(rendered.pixels, as: format),
                format: format,
                features: assessment.metrics, scores: assessment.scores, warnings: assessment.warnings)
        }
    }

    /// Runs a whole generation (as `banneret generate` does: files, manifest,
    /// errors, resumable) and reports as it goes. Cancelling the consuming
    /// task stops the run after the banners in flight; finished work is kept.
    public func generate(_ options: GenerationOptions) -> AsyncThrowingStream<GenerationEvent, Error> {
        AsyncThrowingStream { continuation in
            let cancellation = options.cancellation ?? CancellationFlag()
            var options = options
            options.cancellation = cancellation
            if options.scorer == nil { options.scorer = scorer }
            options.collectResults = false
            let previous = options.progress
            options.progress = { progress in
                previous?(progress)
                continuation.yield(.progress(progress))
            }
            let previousEntries = options.entriesHandler
            options.entriesHandler = { entries in
                previousEntries?(entries)
                continuation.yield(.banners(entries))
            }
            continuation.onTermination = { termination in
                if case .cancelled = termination { cancellation.cancel() }
            }
            let generator = Generator(engine: engine)
            let run = options
            Thread.detachNewThread {
                do {
                    continuation.yield(.finished(try generator.run(run)))
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
        }
    }
}

/// One banner, ready to ship.
public struct RenderedBannerResult: Sendable {
    public let pixels: PixelBuffer
    public let encoded: Data
    public let format: OutputFormat
    /// Layout, legibility, colour and brand measurements, and the scoring features (see FEATURES.md).
    public let features: [String: Double]
    /// Predicted click-through rate per segment; empty without a scorer.
    public let scores: [String: Double]
    public let warnings: [String]
}

/// What a streamed generation reports.
public enum GenerationEvent: Sendable {
    /// Banners just finished (or found finished by an earlier run), in feed order.
    case banners([ManifestEntry])
    case progress(GenerationProgress)
    case finished(GenerationReport)
}

/// Render workers lent to one job at a time; jobs beyond the pool's size wait.
private final class WorkerPool: @unchecked Sendable {
    private let engine: Engine
    private let condition = NSCondition()
    private var idle: [RenderWorker] = []
    private var created = 0
    private let size: Int

    init(engine: Engine, size: Int) {
        self.engine = engine
        self.size = size
    }

    func run<T: Sendable>(_ body: @escaping @Sendable (RenderWorker) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { [self] in
                let worker = checkOut()
                defer { checkIn(worker) }
                continuation.resume(with: Result { try body(worker) })
            }
        }
    }

    private func checkOut() -> RenderWorker {
        condition.lock()
        defer { condition.unlock() }
        while idle.isEmpty && created >= size { condition.wait() }
        if let worker = idle.popLast() { return worker }
        created += 1
        return RenderWorker(engine: engine)
    }

    private func checkIn(_ worker: RenderWorker) {
        condition.lock()
        idle.append(worker)
        condition.signal()
        condition.unlock()
    }
}
