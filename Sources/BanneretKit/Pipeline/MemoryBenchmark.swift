import Foundation

/// Renders and encodes many banners in one process and samples its resident
/// memory as it goes: memory that keeps climbing over 100,000 banners is a
/// leak or a cache without a bound, whatever the throughput.
///
/// Every banner gets a title no earlier banner had, so caches keyed by text
/// (Pango's, HarfBuzz's, the fitter's) see new strings all the way through,
/// as a real catalogue would give them. Work goes in rounds of `interval`
/// banners, each with fresh render workers, so what a worker fails to free
/// when it goes away would pile up too.
extension Benchmark {
    public struct MemorySample: Codable, Sendable {
        public var banners: Int
        public var seconds: Double
        public var rssMB: Double

        enum CodingKeys: String, CodingKey {
            case banners, seconds
            case rssMB = "rss_mb"
        }
    }

    /// Calls `sample` before the first banner and after every `interval` banners.
    public func memoryRun(count: Int, jobs: Int, format: OutputFormat = .defaultPNG, interval: Int = 10_000,
                          sizes: [BannerSize] = BannerSize.defaultMix, sample: (MemorySample) -> Void) {
        let products = self.products
        let template = self.template
        let engine = self.engine
        let start = DispatchTime.now()
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }
        sample(MemorySample(banners: 0, seconds: 0, rssMB: ResidentMemory.megabytes()))
        var done = 0
        while done < count {
            let round = min(interval, count - done)
            let offset = done
            BanneretKit.parallelFor(count: round, jobs: jobs, body: { worker, index in
                let number = offset + index
                var (product, path) = products[(number / sizes.count) % products.count]
                product.title += " \(number)"
                guard let (rendered, _) = try? worker.render(product: product, size: sizes[number % sizes.count],
                                                             imagePath: path, template: template) else { return }
                _ = try? BannerEncoder.encode(rendered.pixels, as: format)
            }, makeWorker: { RenderWorker(engine: engine) })
            done += round
            sample(MemorySample(banners: done, seconds: (elapsed() * 10).rounded() / 10, rssMB: ResidentMemory.megabytes()))
        }
    }
}

/// The process's resident memory now (VmRSS), not its peak.
enum ResidentMemory {
    static func megabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return (kilobytes / 1024 * 10).rounded() / 10
    }
}
