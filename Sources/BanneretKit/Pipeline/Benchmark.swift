import BanneretLayout
import CCairo
import Foundation

/// Throughput figures for `banneret bench`: banners per second for the
/// five-size mix, rendering only and with each encoder, at 1 and N jobs.
/// In memory: nothing is written, so the disk does not blur the figures.
public struct Benchmark: Sendable {
    public struct Figure: Sendable, Codable {
        public var stage: String
        public var jobs: Int
        public var banners: Int
        public var seconds: Double
        public var bannersPerSecond: Double
        public var meanBytes: Int?

        enum CodingKeys: String, CodingKey {
            case stage, jobs, banners, seconds
            case bannersPerSecond = "banners_per_second"
            case meanBytes = "mean_bytes"
        }
    }

    public let engine: Engine
    public let products: [(Product, String?)]
    /// The first template: the benchmark measures the engine, not a template mix.
    var template: Template { engine.templates[0] }

    public init(engine: Engine, feedURL: URL) throws {
        self.engine = engine
        let feed = try FeedReader.read(contentsOf: feedURL)
        let resolver = ImageLinkResolver(feedDirectory: feedURL.deletingLastPathComponent())
        products = zip(feed.products, feed.lines).compactMap { product, line in
            guard let path = try? product.imageLink.map({ try resolver.resolve($0, file: feedURL.path, line: line) })
            else { return nil }
            return (product, path)
        }
    }

    /// Renders `count` banners cycling through products × `sizes`.
    public func throughput(stage: String, format: OutputFormat?, count: Int, jobs: Int,
                           sizes: [BannerSize] = BannerSize.defaultMix) -> Figure {
        let products = self.products
        let template = self.template
        let totalBytes = Slots<Int>(count: count)
        let engine = self.engine
        // Warm-up: fonts, decoded images and pyramid levels are per-run costs, not per-banner.
        BanneretKit.parallelFor(count: min(count, products.count * sizes.count), jobs: jobs, body: { worker, index in
            let (product, path) = products[(index / sizes.count) % products.count]
            _ = try? worker.render(product: product, size: sizes[index % sizes.count], imagePath: path, template: template)
        }, makeWorker: { RenderWorker(engine: engine) })
        let start = DispatchTime.now()
        BanneretKit.parallelFor(count: count, jobs: jobs, body: { worker, index in
            let (product, path) = products[(index / sizes.count) % products.count]
            guard let (rendered, _) = try? worker.render(product: product, size: sizes[index % sizes.count], imagePath: path, template: template)
            else { return }
            if let format, let data = try? BannerEncoder.encode(rendered.pixels, as: format) {
                totalBytes[index] = data.count
            }
        }, makeWorker: { RenderWorker(engine: engine) })
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        let bytes = totalBytes.values.compactMap { $0 }
        return Figure(stage: stage, jobs: jobs, banners: count, seconds: (seconds * 1000).rounded() / 1000,
                      bannersPerSecond: (Double(count) / seconds * 10).rounded() / 10,
                      meanBytes: bytes.isEmpty ? nil : bytes.reduce(0, +) / bytes.count)
    }

    /// Mean milliseconds to lay out and render one banner of `size` (single thread).
    public func renderMilliseconds(size: BannerSize, repetitions: Int) -> Double {
        let worker = RenderWorker(engine: engine)
        for (product, path) in products { _ = try? worker.render(product: product, size: size, imagePath: path, template: template) }
        let start = DispatchTime.now()
        for index in 0 ..< repetitions {
            let (product, path) = products[index % products.count]
            _ = try? worker.render(product: product, size: size, imagePath: path, template: template)
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(repetitions)
    }

    /// The constraint solver alone on the first template at `size`: microseconds to build the
    /// system and solve it, and to re-solve after one suggested value changes.
    public func solverMicroseconds(size: BannerSize, repetitions: Int) throws
        -> (variables: Int, constraints: Int, compile: Double, build: Double, resolve: Double) {
        let worker = RenderWorker(engine: engine)
        let (product, path) = products[0]
        let input = try worker.layoutInput(product: product, size: size, imagePath: path)
        let layout = TemplateLayout(template: template, measurer: worker.renderer.textSetter)
        var start = DispatchTime.now()
        var compiled = try layout.compile(input)
        for _ in 0 ..< repetitions {
            compiled = try layout.compile(input)
            compiled.solver.updateVariables()
        }
        let compile = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e3 / Double(repetitions)
        // The solver alone: the same constraints into a fresh solver, then solve.
        start = DispatchTime.now()
        for _ in 0 ..< repetitions {
            let solver = Solver()
            for constraint in compiled.constraints { try solver.addConstraint(constraint) }
            solver.updateVariables()
        }
        let build = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e3 / Double(repetitions)
        let variables = compiled.variables
        let edited = variables[variables.count - 1]   // the last element's height
        try compiled.solver.addEditVariable(edited, strength: .strong)
        start = DispatchTime.now()
        for index in 0 ..< repetitions {
            try compiled.solver.suggestValue(edited, Double(20 + index % 40))
            compiled.solver.updateVariables()
        }
        let resolve = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e3 / Double(repetitions)
        return (variables.count, compiled.constraintCount, compile, build, resolve)
    }

    /// Milliseconds and bytes to encode one rendered banner of `size` as PNG:
    /// our libdeflate writer against `cairo_surface_write_to_png_stream`.
    public func pngEncoderComparison(size: BannerSize, repetitions: Int)
        throws -> (ours: (ms: Double, bytes: Int), cairo: (ms: Double, bytes: Int)) {
        let worker = RenderWorker(engine: engine)
        let (product, path) = products[0]
        let (rendered, _) = try worker.render(product: product, size: size, imagePath: path, template: template)
        var start = DispatchTime.now()
        var oursBytes = 0
        for _ in 0 ..< repetitions { oursBytes = try BannerEncoder.encode(rendered.pixels, as: .defaultPNG).count }
        let oursMS = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(repetitions)
        let pixels = rendered.pixels
        let surface = cairo_image_surface_create_for_data(pixels.bytes.assumingMemoryBound(to: UInt8.self),
                                                          CAIRO_FORMAT_ARGB32, Int32(pixels.width),
                                                          Int32(pixels.height), Int32(pixels.stride))
        defer { cairo_surface_destroy(surface) }
        final class Counter { var bytes = 0 }
        let counter = Counter()
        start = DispatchTime.now()
        for _ in 0 ..< repetitions {
            counter.bytes = 0
            cairo_surface_write_to_png_stream(surface, { closure, _, length in
                Unmanaged<Counter>.fromOpaque(closure!).takeUnretainedValue().bytes += Int(length)
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(counter).toOpaque())
        }
        let cairoMS = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(repetitions)
        return ((oursMS, oursBytes), (cairoMS, counter.bytes))
    }

    /// Milliseconds to draw a large photo into a small box: Cairo's GOOD filter
    /// straight from full size, against the pyramid level plus bilinear that
    /// the renderer uses.
    public static func downscaleMilliseconds(imagePath: String, images: ImageCache, target: Int,
                                             repetitions: Int) throws -> (good: Double, pyramid: Double) {
        let image = try images.image(at: imagePath)
        let scale = Double(target) / Double(max(image.width, image.height))
        func time(_ source: PixelBuffer, filter: cairo_filter_t) -> Double {
            let destination = PixelBuffer(width: target, height: target)
            let surface = cairo_image_surface_create_for_data(destination.bytes.assumingMemoryBound(to: UInt8.self),
                                                              CAIRO_FORMAT_ARGB32, Int32(target), Int32(target),
                                                              Int32(destination.stride))
            let cairo = cairo_create(surface)
            let sourceSurface = cairo_image_surface_create_for_data(source.bytes.assumingMemoryBound(to: UInt8.self),
                                                                    CAIRO_FORMAT_ARGB32, Int32(source.width),
                                                                    Int32(source.height), Int32(source.stride))
            defer {
                cairo_surface_destroy(sourceSurface)
                cairo_destroy(cairo)
                cairo_surface_destroy(surface)
            }
            let start = DispatchTime.now()
            for _ in 0 ..< repetitions {
                cairo_save(cairo)
                cairo_scale(cairo, Double(image.width) * scale / Double(source.width),
                            Double(image.height) * scale / Double(source.height))
                cairo_set_source_surface(cairo, sourceSurface, 0, 0)
                cairo_pattern_set_filter(cairo_get_source(cairo), filter)
                cairo_paint(cairo)
                cairo_restore(cairo)
            }
            cairo_surface_flush(surface)
            return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(repetitions)
        }
        let level = image.level(forScale: scale)
        return (time(image.base, filter: CAIRO_FILTER_GOOD), time(level, filter: CAIRO_FILTER_BILINEAR))
    }

    /// Records per second reading a generated feed of `count` records in each format, and the
    /// process's peak resident memory afterwards (MB).
    public static func feedReading(count: Int) throws -> [String: Double] {
        var results: [String: Double] = [:]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("banneret-feed-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let formats: [(String, (Int) -> String, String)] = [
            ("csv", { i in "P\(i),\"Trail shoe, size \(i % 13)\",\"<p>Light &amp; fast</p>\",\(i % 200).99 USD,images/p\(i).png\n" },
             "id,title,description,price,image_link\n"),
            ("jsonl", { i in "{\"id\":\"P\(i)\",\"title\":\"Trail shoe \(i % 13)\",\"price\":\"\(i % 200).99 USD\",\"image_link\":\"images/p\(i).png\"}\n" }, ""),
            ("xml", { i in "<item><g:id>P\(i)</g:id><title>Trail shoe \(i % 13)</title><g:price>\(i % 200).99 USD</g:price></item>\n" },
             "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"),
        ]
        for (name, record, header) in formats {
            var text = header
            text.reserveCapacity(count * 100)
            for i in 0 ..< count { text += record(i) }
            if name == "xml" { text += "</channel></rss>\n" }
            let url = folder.appendingPathComponent("feed.\(name)")
            try Data(text.utf8).write(to: url)
            text = ""
            let start = DispatchTime.now()
            let feed = try FeedReader.read(contentsOf: url)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            precondition(feed.products.count == count, "\(name): read \(feed.products.count) of \(count)")
            results["\(name)_records_per_second"] = (Double(count) / seconds).rounded()
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        results["peak_rss_mb"] = (Double(usage.ru_maxrss) / 1024).rounded()
        results["records"] = Double(count)
        return results
    }
}
