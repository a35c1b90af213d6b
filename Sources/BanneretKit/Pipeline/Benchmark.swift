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

    /// Mean microseconds to measure ``BannerFeatures`` of one rendered banner
    /// of `size` (single thread), with the product picture's alpha as the
    /// salient area; the banners are rendered beforehand and not timed.
    public func featuresMicroseconds(size: BannerSize, repetitions: Int) -> Double {
        let worker = RenderWorker(engine: engine)
        let banners = products.compactMap { product, path -> (BannerSpec, RenderedBanner, DecodedImage?)? in
            guard let (rendered, spec) = try? worker.render(product: product, size: size, imagePath: path,
                                                            template: template) else { return nil }
            return (spec, rendered, path.flatMap { try? engine.images.image(at: $0) })
        }
        guard !banners.isEmpty else { return 0 }
        // The results are summed and checked so the optimiser cannot drop the work.
        var checksum = 0.0
        let start = DispatchTime.now()
        for index in 0 ..< repetitions {
            let (spec, rendered, image) = banners[index % banners.count]
            let features = BannerFeatures.measure(spec: spec, rendered: rendered, brand: engine.brand, productImage: image)
            checksum += features.values[FeatureKey.colorfulness] ?? 0
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e3 / Double(repetitions)
        precondition(checksum.isFinite, "feature values must be finite")
        return elapsed
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

    /// What meeting a byte budget costs on one rendered banner of `size`, as
    /// JPEG (quality 85) and PNG: milliseconds per ``BudgetedEncoder`` call,
    /// the encodes it made and the bytes it wrote, at the size's IAB budget
    /// and one byte under the unbudgeted file size, which forces the full
    /// JPEG quality search (it settles just below 85) and the PNG palette.
    public func budgetedEncodeFigures(size: BannerSize, repetitions: Int) throws -> [String: Double] {
        guard let iabBytes = ByteBudget.iabDefaultBytes(for: size) else {
            throw BanneretError(.budgetInvalid, "\(size) has no IAB byte budget to measure at")
        }
        let worker = RenderWorker(engine: engine)
        let (product, path) = products[0]
        let (rendered, _) = try worker.render(product: product, size: size, imagePath: path, template: template)
        var figures: [String: Double] = ["iab_budget_bytes": Double(iabBytes)]
        for (name, format) in [("jpeg", OutputFormat.defaultJPEG), ("png", OutputFormat.defaultPNG)] {
            let unbudgeted = try BannerEncoder.encode(rendered.pixels, as: format).count
            figures["\(name)_unbudgeted_bytes"] = Double(unbudgeted)
            for (budgetName, budget) in [("iab", iabBytes), ("just_under", unbudgeted - 1)] {
                var result = try BudgetedEncoder.encode(rendered.pixels, as: format, maxBytes: budget)
                let start = DispatchTime.now()
                for _ in 0 ..< repetitions {
                    result = try BudgetedEncoder.encode(rendered.pixels, as: format, maxBytes: budget)
                }
                let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6 / Double(repetitions)
                figures["\(name)_\(budgetName)_ms"] = (ms * 1000).rounded() / 1000
                figures["\(name)_\(budgetName)_encodes"] = Double(result.attempts)
                figures["\(name)_\(budgetName)_bytes"] = Double(result.data.count)
            }
        }
        return figures
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

    /// Records per second streaming a generated feed of `count` records in
    /// each format (products counted, not kept, as a batch run consumes
    /// them), and the peak resident memory while reading each (MB). Records
    /// look like real Merchant Center items: HTML description, sale price,
    /// custom labels, some Korean titles.
    public static func feedReading(count: Int, jobs: Int) throws -> [String: Double] {
        var results: [String: Double] = ["records": Double(count), "jobs": Double(jobs)]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("banneret-feed-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func title(_ i: Int) -> String { i % 5 == 0 ? "트레일 러닝화 \(i % 13)" : "Trail running shoe, size \(i % 13)" }
        let formats: [(name: String, header: String, record: (Int) -> String, footer: String)] = [
            ("csv", "id,title,description,link,image_link,price,sale_price,brand,availability,custom_label_0\n",
             { i in "P\(i),\"\(title(i))\",\"<p>Light &amp; fast, for trails &amp; roads.</p>\",https://shop.example/p/\(i),"
                 + "images/p\(i % 97).png,\(i % 200 + 10).99 USD,\(i % 200 + 5).49 USD,hanbit,in_stock,summer\n" }, ""),
            ("jsonl", "",
             { i in "{\"id\":\"P\(i)\",\"title\":\"\(title(i))\",\"description\":\"<p>Light &amp; fast, for trails &amp; roads.</p>\","
                 + "\"link\":\"https://shop.example/p/\(i)\",\"image_link\":\"images/p\(i % 97).png\",\"price\":\"\(i % 200 + 10).99 USD\","
                 + "\"sale_price\":\"\(i % 200 + 5).49 USD\",\"brand\":\"hanbit\",\"availability\":\"in_stock\",\"custom_label_0\":\"summer\"}\n" }, ""),
            ("xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n",
             { i in "<item><g:id>P\(i)</g:id><title>\(title(i))</title><description>&lt;p&gt;Light &amp;amp; fast, for trails &amp;amp; roads.&lt;/p&gt;</description>"
                 + "<link>https://shop.example/p/\(i)</link><g:image_link>images/p\(i % 97).png</g:image_link><g:price>\(i % 200 + 10).99 USD</g:price>"
                 + "<g:sale_price>\(i % 200 + 5).49 USD</g:sale_price><g:brand>hanbit</g:brand><g:availability>in_stock</g:availability>"
                 + "<g:custom_label_0>summer</g:custom_label_0></item>\n" }, "</channel></rss>\n"),
        ]
        for format in formats {
            let url = folder.appendingPathComponent("feed.\(format.name)")
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw BanneretError(.outputUnwritable, "cannot create the benchmark feed", at: Location(file: url.path))
            }
            let handle = try FileHandle(forWritingTo: url)
            var chunk = format.header
            for i in 0 ..< count {
                chunk += format.record(i)
                if chunk.utf8.count > 4 << 20 {
                    handle.write(Data(chunk.utf8))
                    chunk = ""
                }
            }
            handle.write(Data((chunk + format.footer).utf8))
            try handle.close()
            let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            PeakMemory.reset()
            var products = 0, errors = 0
            let start = DispatchTime.now()
            try FeedReader.stream(contentsOf: url, options: FeedReader.Options(jobs: jobs)) { batch in
                products += batch.products.count
                errors += batch.errors.count
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
            precondition(products == count && errors == 0, "\(format.name): read \(products) of \(count), \(errors) errors")
            results["\(format.name)_records_per_second"] = (Double(count) / seconds).rounded()
            results["\(format.name)_mb_per_second"] = (Double(bytes) / seconds / 1e6).rounded()
            results["\(format.name)_peak_rss_mb"] = PeakMemory.megabytes().rounded()
            FileHandle.standardError.write(Data(String(format: "%-6@ %9.0f records/s  %5.0f MB/s  peak RSS %4.0f MB\n",
                                                       format.name as NSString, Double(count) / seconds,
                                                       Double(bytes) / seconds / 1e6, PeakMemory.megabytes()).utf8))
            try FileManager.default.removeItem(at: url)
        }
        return results
    }
}

/// The process's peak resident memory, resettable on Linux so each
/// measurement sees only its own peak.
enum PeakMemory {
    static func reset() {
        // Writing 5 to clear_refs resets VmHWM (Linux 4.0+).
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    static func megabytes() -> Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
