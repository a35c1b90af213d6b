import ArgumentParser
import BanneretKit
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Print throughput figures (JSON) for the five-size mix over the Examples feed."
    )

    @Option(help: "Banners per measurement.")
    var count: Int = 1000

    @Option(help: "Highest job count to measure (1 is always measured).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Measure only this format (png, jpeg, webp); default: render only, png and jpeg.")
    var format: String?

    @Option(help: "libdeflate level for PNG, 1 (fastest) ... 12 (smallest).")
    var pngLevel: Int = 6

    @Option(help: "Also time reading a generated feed of this many records in each format (0: skip).")
    var feedRecords: Int = 0

    @Flag(help: "Render and encode --count banners (PNG unless --format) in one process, each with a new title, printing resident memory every 10,000 (JSON lines) and a summary.")
    var memory = false

    func run() throws {
        if feedRecords > 0 {
            let figures = try Benchmark.feedReading(count: feedRecords, jobs: jobs)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(["feed_reading": figures]), as: UTF8.self))
            return
        }
        let root = ProjectPaths.root()
        if memory {
            try runMemory(root: root)
            return
        }
        do {
            let engine = try Engine(fonts: FontSet(directory: FontSet.locateDirectory()),
                                    brandURL: root.appendingPathComponent("Examples/brand.yaml"),
                                    // The stock template: figures stay comparable as the library grows.
                                    templates: [root.appendingPathComponent("Templates/stock-hero.yaml")])
            let bench = try Benchmark(engine: engine, feedURL: root.appendingPathComponent("Examples/feed.jsonl"))
            let png = OutputFormat.png(compression: pngLevel)
            var stages: [(String, OutputFormat?)] = [("render", nil), ("render+png", png),
                                                     ("render+jpeg q85", .defaultJPEG)]
            if let format {
                guard var chosen = OutputFormat(name: format) else { throw ValidationError("unknown format \(format)") }
                if case .png = chosen { chosen = png }
                stages = [("render+\(chosen.name)", chosen)]
            }
            var figures: [Benchmark.Figure] = []
            for jobCount in Set([1, jobs]).sorted() {
                for (stage, outputFormat) in stages {
                    let figure = bench.throughput(stage: stage, format: outputFormat, count: count, jobs: jobCount)
                    figures.append(figure)
                    FileHandle.standardError.write(Data(String(format: "%-16@ jobs %d  %8.1f banners/s\n",
                                                               stage as NSString, jobCount, figure.bannersPerSecond).utf8))
                }
            }
            var perSize: [String: Double] = [:]
            for size in BannerSize.defaultMix {
                perSize[size.description] = (bench.renderMilliseconds(size: size, repetitions: 200) * 1000).rounded() / 1000
            }
            var featuresPerSize: [String: Double] = [:]
            for size in BannerSize.defaultMix {
                featuresPerSize[size.description] = round3(bench.featuresMicroseconds(size: size, repetitions: 500))
            }
            let photo = root.appendingPathComponent("Examples/images/planter-set-cmyk.jpg").path
            let downscale = try Benchmark.downscaleMilliseconds(imagePath: photo, images: engine.images, target: 200,
                                                                repetitions: 50)
            let encoders = try bench.pngEncoderComparison(size: BannerSize(width: 1080, height: 1080), repetitions: 10)
            let solver = try bench.solverMicroseconds(size: BannerSize(width: 300, height: 250), repetitions: 2000)
            let budgeted = try bench.budgetedEncodeFigures(size: BannerSize(width: 300, height: 250), repetitions: 20)
            let report = BenchReport(renderer: RendererVersion.string, throughput: figures,
                                     solver300x250: ["variables": Double(solver.variables),
                                                     "constraints": Double(solver.constraints),
                                                     "template_compile_and_solve_us": round3(solver.compile),
                                                     "solver_build_and_solve_us": round3(solver.build),
                                                     "resolve_after_suggest_us": round3(solver.resolve)],
                                     png1080x1080: ["banneret_ms": round3(encoders.ours.ms),
                                                    "banneret_bytes": Double(encoders.ours.bytes),
                                                    "cairo_write_to_png_ms": round3(encoders.cairo.ms),
                                                    "cairo_write_to_png_bytes": Double(encoders.cairo.bytes)],
                                     renderMSPerSize: perSize, featuresUSPerSize: featuresPerSize,
                                     downscale1000To200MS: ["cairo_filter_good": round3(downscale.good),
                                                            "pyramid_bilinear": round3(downscale.pyramid)],
                                     budgetedEncode300x250: budgeted)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } catch let error as BanneretError {
            throw fail(error)
        }
    }

    private func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

private struct BenchReport: Encodable {
    var renderer: String
    var throughput: [Benchmark.Figure]
    var solver300x250: [String: Double]
    var png1080x1080: [String: Double]
    var renderMSPerSize: [String: Double]
    var featuresUSPerSize: [String: Double]
    var downscale1000To200MS: [String: Double]
    var budgetedEncode300x250: [String: Double]

    enum CodingKeys: String, CodingKey {
        case renderer, throughput
        case png1080x1080 = "png_encode_1080x1080"
        case solver300x250 = "solver_stock_hero_300x250"
        case renderMSPerSize = "render_ms_per_size"
        case featuresUSPerSize = "features_us_per_size"
        case downscale1000To200MS = "downscale_1000px_to_200px_ms"
        case budgetedEncode300x250 = "budgeted_encode_300x250"
    }

}

extension BenchCommand {
    /// Resident memory over a long run: a line per 10,000 banners, then start, end and growth.
    private func runMemory(root: URL) throws {
        do {
            let engine = try Engine(fonts: FontSet(directory: FontSet.locateDirectory()),
                                    brandURL: root.appendingPathComponent("Examples/brand.yaml"),
                                    templates: [root.appendingPathComponent("Templates")])
            let bench = try Benchmark(engine: engine, feedURL: root.appendingPathComponent("Examples/feed.jsonl"))
            guard let chosen = OutputFormat(name: format ?? "png") else { throw ValidationError("unknown format \(format ?? "")") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            var samples: [Benchmark.MemorySample] = []
            bench.memoryRun(count: count, jobs: jobs, format: chosen, interval: min(10_000, max(1, count / 10))) { sample in
                samples.append(sample)
                // Unbuffered, so a long run can be watched (and its figures survive a kill).
                FileHandle.standardOutput.write((try? encoder.encode(sample)) ?? Data())
                FileHandle.standardOutput.write(Data("\n".utf8))
            }
            // Growth is measured from the first sample after warm-up (fonts, decoded pictures,
            // allocator arenas), so it shows what the banners themselves leave behind.
            let warm = samples.count > 1 ? samples[1].rssMB : samples[0].rssMB
            let summary: [String: Double] = [
                "banners": Double(count), "jobs": Double(jobs), "seconds": samples.last?.seconds ?? 0,
                "rss_start_mb": samples.first?.rssMB ?? 0, "rss_after_first_interval_mb": warm,
                "rss_end_mb": samples.last?.rssMB ?? 0, "rss_max_mb": samples.map(\.rssMB).max() ?? 0,
                "rss_growth_after_warmup_mb": (((samples.last?.rssMB ?? 0) - warm) * 10).rounded() / 10,
            ]
            let pretty = JSONEncoder()
            pretty.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try pretty.encode(["memory": summary]), as: UTF8.self))
        } catch let error as BanneretError {
            throw fail(error)
        }
    }
}
