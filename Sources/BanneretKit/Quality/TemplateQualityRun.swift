import Foundation

/// Renders every template at every size over whole feeds and measures each
/// banner, for ``TemplateQualityReport``. Nothing is encoded or written: the
/// report is about layouts.
public enum TemplateQualityRun {
    /// - Parameters:
    ///   - feeds: feeds to take products (and their copy) from.
    ///   - standIns: pictures lent, by a stable hash of the product id, to products
    ///     whose own picture cannot be loaded here (remote links, missing files),
    ///     so their layouts are measured with a picture all the same.
    public static func run(engine: Engine, feeds: [URL], defaultCurrency: String?, sizes: [BannerSize],
                           standIns: [URL], jobs: Int) throws -> TemplateQualityReport {
        var report = TemplateQualityReport(templates: engine.templates.map(\.name))
        report.sizes = sizes
        // What each banner shows: one product, or a catalogue grid's group (formed as generate forms them).
        var subjects: [[(product: Product, imagePath: String?)]] = []
        var groups: [(templateSize: Int, members: [(product: Product, imagePath: String?)])] = []
        let gridSizes = Set(engine.templates.map(\.productCount)).filter { $0 > 1 }.sorted()
        for feed in feeds {
            let read = try FeedReader.read(contentsOf: feed, defaultCurrency: defaultCurrency)
            report.feeds.append((feed.lastPathComponent, read.products.count))
            let resolver = ImageLinkResolver(feedDirectory: feed.deletingLastPathComponent())
            var pictures: [String: String?] = [:]
            for (product, line) in zip(read.products, read.lines) {
                let path = picture(for: product, line: line, feed: feed, resolver: resolver, engine: engine, standIns: standIns)
                pictures[product.id] = path
                subjects.append([(product, path)])
            }
            for size in gridSizes {
                var grouper = CatalogueGrouper(size: size)
                var formed = zip(read.products, read.lines).compactMap { grouper.add($0, line: $1) }
                formed += grouper.remainders()
                groups += formed.map { group in
                    (size, group.map { (product: $0.product, imagePath: pictures[$0.product.id] ?? nil) })
                }
            }
        }
        var cases: [(subject: [(product: Product, imagePath: String?)], template: Int, size: Int)] = []
        for (templateIndex, template) in engine.templates.enumerated() {
            let shown = template.productCount == 1 ? subjects
                : groups.filter { $0.templateSize == template.productCount }.map(\.members)
            for subject in shown {
                for sizeIndex in sizes.indices { cases.append((subject, templateIndex, sizeIndex)) }
            }
        }
        let templates = engine.templates, work = cases
        let outcomes = OutcomeSlots(count: cases.count)
        parallelFor(count: cases.count, jobs: jobs, body: { worker, index in
            let (subject, templateIndex, sizeIndex) = work[index]
            let item = subject[0], template = templates[templateIndex], size = sizes[sizeIndex]
            do {
                let (rendered, spec) = try worker.render(product: item.product, size: size, imagePath: item.imagePath,
                                                         template: template, companions: Array(subject.dropFirst()))
                let assessment = try BannerAssessment.assess(rendered, spec: spec, product: item.product, variant: .standard,
                                                             imagePath: item.imagePath, engine: worker.engine, scorer: nil,
                                                             location: Location(file: template.file))
                let canvas = Rect(x: 0, y: 0, width: Double(size.width), height: Double(size.height))
                let tooSmall = LayoutElement.elements(of: spec).filter { $0.role != .product && !$0.isValid(on: canvas) }.map(\.id)
                outcomes.set(index, .rendered(metrics: assessment.metrics, tooSmall: tooSmall))
            } catch let error as BanneretError {
                outcomes.set(index, .rejected(BanneretError(error.code, "\(item.product.id): \(error.message)", at: error.location)))
            } catch {
                outcomes.set(index, .rejected(BanneretError(.renderFailed, "\(item.product.id): \(error)")))
            }
        }, makeWorker: { RenderWorker(engine: engine) })
        for index in cases.indices {
            guard let outcome = outcomes.value(index) else { continue }
            report.add(outcome, template: templates[cases[index].template].name, size: sizes[cases[index].size])
        }
        return report
    }

    /// The product's own picture when it loads, else a stand-in (nil when there is none to lend).
    private static func picture(for product: Product, line: Int, feed: URL, resolver: ImageLinkResolver,
                                engine: Engine, standIns: [URL]) -> String? {
        if let link = product.imageLink, let path = try? resolver.resolve(link, file: feed.path, line: line),
           (try? engine.images.image(at: path)) != nil {
            return path
        }
        guard !standIns.isEmpty else { return nil }
        return standIns[Int(StableHash.fnv1a(product.id) % UInt64(standIns.count))].path
    }
}

/// One slot per banner, filled by whichever thread rendered it.
private final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [TemplateQualityReport.Outcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: TemplateQualityReport.Outcome) { lock.withLock { slots[index] = outcome } }
    func value(_ index: Int) -> TemplateQualityReport.Outcome? { lock.withLock { slots[index] } }
}
