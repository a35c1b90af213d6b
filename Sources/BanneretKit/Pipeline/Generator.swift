import Foundation

/// Renders every product of a feed at every requested size, in parallel,
/// and writes banners, `manifest.jsonl` and `errors.jsonl`, all atomically.
/// Output is identical whatever the number of jobs.
public struct Generator: Sendable {
    public let engine: Engine
    /// Where workers come from and go back to between runs; nil: each run makes its own.
    let shelf: WorkerShelf?

    public init(engine: Engine) {
        self.engine = engine
        shelf = nil
    }

    init(shelf: WorkerShelf) {
        engine = shelf.engine
        self.shelf = shelf
    }

    private struct WorkItem: Sendable {
        var product: Product
        var line: Int
        var size: BannerSize
        var template: Template
        var imagePath: Result<String?, BanneretError>
        var variant: Variant = .standard
        /// Index of the group (product × template × size) it belongs to.
        var group: Int = 0
        /// Its content address, known before rendering when its image is.
        var id: String?
        /// A catalogue grid's other products, with their pictures.
        var companions: [(product: Product, imagePath: Result<String?, BanneretError>)] = []
    }

    /// Products a catalogue grid shows together, and the grid size of the templates that show them.
    private struct CatalogueGroup {
        var members: [(product: Product, line: Int)]
        var templateSize: Int
    }

    /// One product at one template and size: the unit that is finished,
    /// journalled and skipped on a later run as a whole.
    private struct Group {
        var key: String?
        var reused: [ManifestEntry]?
        var items: Range<Int>
    }

    public func run(_ options: GenerationOptions) throws -> GenerationReport {
        let start = Date()
        let out = options.outputDirectory
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw BanneretError(.outputUnwritable, "cannot create \(out.path): \(error.localizedDescription)",
                                at: Location(file: out.path))
        }
        TemporaryFiles.sweep(out)
        // The journal is compacted through a temp file too.
        TemporaryFiles.sweep(out.appendingPathComponent(".banneret"))
        let suffix = options.shard?.fileSuffix ?? ""
        let journal = try OutputJournal(url: out.appendingPathComponent(".banneret/groups\(suffix).jsonl"))
        let manifest = try StreamingOutput(url: out.appendingPathComponent("manifest\(suffix).jsonl"))
        let errorsFile = try StreamingOutput(url: out.appendingPathComponent("errors\(suffix).jsonl"))
        var state = RunState(options: options, journal: journal, manifest: manifest, errors: errorsFile, start: start)
        state.groupsTotal = options.progress == nil ? nil : try countGroups(options)
        let workers = shelf?.take(max(1, options.jobs)) ?? (0 ..< max(1, options.jobs)).map { _ in RenderWorker(engine: engine) }
        state.workers = workers
        defer { shelf?.putBack(workers) }

        do {
            var failure: Error?
            var groupers = catalogueGroupers()
            try FeedReader.stream(contentsOf: options.feedURL, options: options.feedReaderOptions) { batch in
                guard failure == nil, options.cancellation?.isCancelled != true else { return }
                do {
                    state.notices += batch.notices
                    try state.reject(batch.errors.map { RejectedItem(productID: nil, size: nil, error: $0) })
                    var owned: [(Product, Int)] = []
                    var grids: [CatalogueGroup] = []
                    for (product, line) in zip(batch.products, batch.lines) {
                        grids += Self.ownedGroups(completedBy: product, line: line, in: &groupers, options: options)
                        if options.owns(productID: product.id) { owned.append((product, line)) }
                    }
                    state.productsRead += owned.count
                    let size = max(1, options.chunkSize)
                    for chunk in stride(from: 0, to: owned.count, by: size) {
                        guard options.cancellation?.isCancelled != true else { return }
                        try process(Array(owned[chunk ..< min(chunk + size, owned.count)]), state: &state)
                    }
                    if !grids.isEmpty, options.cancellation?.isCancelled != true {
                        try process([], grids: grids, state: &state)
                    }
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            if options.cancellation?.isCancelled != true {
                let grids = Self.ownedRemainders(of: groupers, options: options)
                for grouper in groupers {
                    let loners = grouper.loners
                    if !loners.isEmpty {
                        let named = loners.prefix(3).joined(separator: "; ") + (loners.count > 3 ? "; …" : "")
                        state.notices.append(BanneretError(
                            .feedNotice, "\(loners.count) categor\(loners.count == 1 ? "y has" : "ies have") a single product left "
                                + "for \(grouper.size)-product catalogue grids, which makes no grid (\(named))",
                            at: Location(file: options.feedURL.path, field: "product_type")))
                    }
                }
                if !grids.isEmpty { try process([], grids: grids, state: &state) }
            }
        } catch {
            manifest.abandon()
            errorsFile.abandon()
            try? journal.flush()
            throw error
        }
        try journal.flush()
        let interrupted = options.cancellation?.isCancelled == true
        if interrupted {
            // Finished groups are in the journal; the next run picks up from there.
            manifest.abandon()
            errorsFile.abandon()
        } else {
            try manifest.publish()
            try errorsFile.publish()
            try journal.compact(keeping: state.usedKeys)
        }
        return GenerationReport(entries: state.entries, errors: state.rejected, seconds: Date().timeIntervalSince(start),
                                productsRead: state.productsRead, notices: state.notices, bannersWritten: state.written,
                                bannersReused: state.reused, rejectedCount: state.rejectedCount,
                                rejectedByReason: state.rejectedByReason, bytesWritten: state.bytesWritten, interrupted: interrupted,
                                retryable: state.retryable || interrupted)
    }

    /// Everything one run accumulates while it streams.
    private struct RunState {
        let options: GenerationOptions
        let journal: OutputJournal
        let manifest: StreamingOutput
        let errors: StreamingOutput
        let start: Date
        var workers: [RenderWorker] = []
        var resolver: ImageLinkResolver
        let fetcher: ImageFetcher
        let digests = FileDigests()
        var entries: [ManifestEntry] = []
        var rejected: [RejectedItem] = []
        var notices: [BanneretError] = []
        var usedKeys: [String] = []
        var productsRead = 0, written = 0, reused = 0, rejectedCount = 0, groupsDone = 0, bytesWritten = 0
        var rejectedByReason: [String: Int] = [:]
        var groupsTotal: Int?
        var retryable = false
        let encoder: JSONEncoder = {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return encoder
        }()

        init(options: GenerationOptions, journal: OutputJournal, manifest: StreamingOutput, errors: StreamingOutput, start: Date) {
            self.options = options
            self.journal = journal
            self.manifest = manifest
            self.errors = errors
            self.start = start
            resolver = ImageLinkResolver(feedDirectory: options.imageDirectory ?? options.feedURL.deletingLastPathComponent(),
                                         allowedDirectories: options.allowedDirectories)
            fetcher = ImageFetcher(cacheDirectory: options.imageCacheDirectory
                ?? options.outputDirectory.appendingPathComponent(".image-cache"))
        }

        mutating func reject(_ items: [RejectedItem]) throws {
            guard !items.isEmpty else { return }
            var lines = Data()
            for item in items {
                lines.append(try encoder.encode(item))
                lines.append(0x0A)
                if item.error.isRetryable { retryable = true }
                rejectedByReason[item.error.code.rawValue, default: 0] += 1
            }
            try errors.append(lines)
            rejectedCount += items.count
            if options.collectResults { rejected += items }
        }

        mutating func emit(_ kept: [ManifestEntry]) throws {
            var lines = Data()
            for entry in kept {
                lines.append(try encoder.encode(entry))
                lines.append(0x0A)
            }
            try manifest.append(lines)
            if options.collectResults { entries += kept }
            if !kept.isEmpty { options.entriesHandler?(kept) }
        }

        func report() {
            options.progress?(GenerationProgress(groupsDone: groupsDone, groupsTotal: groupsTotal, bannersWritten: written,
                                                 bannersReused: reused, rejected: rejectedCount,
                                                 seconds: Date().timeIntervalSince(start)))
        }
    }

    /// One grouper per grid size the templates ask for.
    private func catalogueGroupers() -> [CatalogueGrouper] {
        Set(engine.templates.map(\.productCount)).filter { $0 > 1 }.sorted().map { CatalogueGrouper(size: $0) }
    }

    /// Adds one feed product to every grouper and returns the groups it
    /// completes that this run owns. Every product joins, owned or not, so
    /// that every shard forms the same groups.
    private static func ownedGroups(completedBy product: Product, line: Int, in groupers: inout [CatalogueGrouper],
                                    options: GenerationOptions) -> [CatalogueGroup] {
        groupers.indices.compactMap { index in
            guard let group = groupers[index].add(product, line: line), options.owns(productID: group[0].product.id) else { return nil }
            return CatalogueGroup(members: group, templateSize: groupers[index].size)
        }
    }

    /// At the end of the feed, the smaller groups left in each category that this run owns.
    private static func ownedRemainders(of groupers: [CatalogueGrouper], options: GenerationOptions) -> [CatalogueGroup] {
        groupers.flatMap { grouper in
            grouper.remainders().filter { options.owns(productID: $0[0].product.id) }
                .map { CatalogueGroup(members: $0, templateSize: grouper.size) }
        }
    }

    /// Products (and catalogue groups) × templates × sizes owned by this shard, for the progress display.
    private func countGroups(_ options: GenerationOptions) throws -> Int {
        var products = 0
        var grids: [Int: Int] = [:]
        var groupers = catalogueGroupers()
        try FeedReader.stream(contentsOf: options.feedURL, options: options.feedReaderOptions) { batch in
            for product in batch.products {
                if options.owns(productID: product.id) { products += 1 }
                for group in Self.ownedGroups(completedBy: product, line: 0, in: &groupers, options: options) {
                    grids[group.templateSize, default: 0] += 1
                }
            }
        }
        for group in Self.ownedRemainders(of: groupers, options: options) {
            grids[group.templateSize, default: 0] += 1
        }
        return engine.templates.reduce(0) { total, template in
            total + (template.productCount == 1 ? products : grids[template.productCount] ?? 0) * options.sizes.count
        }
    }

    /// Renders one chunk of products: groups an earlier run finished are
    /// taken from the journal, the rest rendered in parallel; results are
    /// written in feed order.
    private func process(_ products: [(Product, Int)], grids: [CatalogueGroup] = [],
                         state: inout RunState) throws {
        let options = state.options
        let everyProduct = products.map(\.0) + grids.flatMap { $0.members.map(\.product) }
        // Remote images are fetched (or revalidated) before any of this chunk renders.
        for link in Set(everyProduct.flatMap { [$0.imageLink].compactMap { $0 } + $0.additionalImageLinks }).sorted()
        where (link.hasPrefix("http://") || link.hasPrefix("https://")) && state.resolver.remote[link] == nil {
            state.resolver.remote[link] = Result {
                guard let url = URL(string: link) else {
                    throw BanneretError(.imageMissing, "not a valid URL", at: Location(file: link))
                }
                return try state.fetcher.fetch(url)
            }.mapError { $0 as? BanneretError ?? BanneretError(.imageMissing, "\($0)") }
        }
        var items: [WorkItem] = []
        var groups: [Group] = []
        let resolver = state.resolver
        func resolve(_ link: String?, line: Int) -> Result<String?, BanneretError> {
            Result { try link.map { try resolver.resolve($0, file: options.feedURL.path, line: line) } }
                .mapError { $0 as? BanneretError ?? BanneretError(.imageMissing, "\($0)") }
        }
        // Single products with every one-product template, then whole catalogue groups
        // with the grid templates of their size.
        let templates = self.engine.templates
        let singleTemplates = templates.filter { $0.productCount == 1 }
        let subjects = products.map { (members: [(product: $0.0, line: $0.1)], templates: singleTemplates) }
            + grids.map { group in (members: group.members, templates: templates.filter { $0.productCount == group.templateSize }) }
        for subject in subjects where !subject.templates.isEmpty {
            let (product, line) = subject.members[0]
            let companions = subject.members.dropFirst().map { (product: $0.product, imagePath: resolve($0.product.imageLink, line: $0.line)) }
            let main = resolve(product.imageLink, line: line)
            // A grid shows its products' main pictures in the standard design; variants are per product.
            let variants = options.variants <= 1 || !companions.isEmpty ? [Variant.standard]
                : VariantSelector.select(options.variants, from: VariantSelector.candidates(product: product, brand: engine.brand),
                                         seed: options.variantSeed)
            let paths = variants.map { $0.imageIndex > 0 ? resolve(product.additionalImageLinks[$0.imageIndex - 1], line: line) : main }
            let companionDigests: [(product: Product, imageDigest: String)]? = try? companions.map {
                (product: $0.product, imageDigest: try $0.imagePath.get().map(state.digests.digest) ?? "")
            }
            for template in subject.templates {
                for size in options.sizes {
                    let first = items.count
                    var ids: [String] = []
                    for (variant, path) in zip(variants, paths) {
                        var id: String?
                        if case .success(let imagePath) = path, let companionDigests {
                            id = Self.identity(product: product, size: size, template: template, variant: variant,
                                               imagePath: imagePath, options: options, engine: engine, digests: state.digests,
                                               companions: companionDigests)
                            ids.append(id!)
                        }
                        items.append(WorkItem(product: product, line: line, size: size, template: template, imagePath: path,
                                              variant: variant, group: groups.count, id: id, companions: companions))
                    }
                    var group = Group(key: nil, reused: nil, items: first ..< items.count)
                    if ids.count == variants.count {
                        let key = groupKey(ids, options: options)
                        group.key = key
                        if !options.force, let done = state.journal.entries(for: key),
                           done.allSatisfy({ FileManager.default.fileExists(atPath: options.outputDirectory.appendingPathComponent($0.path).path) }) {
                            group.reused = done
                        }
                    }
                    groups.append(group)
                }
            }
        }

        // Render what was not reused, largest banners first: the threads then
        // finish the chunk together on small ones instead of one idling while
        // the other renders a big one last. Results go by index, so order is free.
        let todo = groups.filter { $0.reused == nil }.flatMap { Array($0.items) }
            .enumerated().sorted { a, b in
                let areaA = items[a.element].size.width * items[a.element].size.height
                let areaB = items[b.element].size.width * items[b.element].size.height
                return areaA != areaB ? areaA > areaB : a.offset < b.offset
            }.map(\.element)
        let slots = Slots<Result<ManifestEntry, RejectedItem>>(count: items.count)
        let hashes = Slots<UInt64>(count: items.count)
        let staged = Slots<URL>(count: items.count)
        let engine = self.engine, digests = state.digests, work = items
        BanneretKit.parallelFor(count: todo.count, workers: state.workers) { worker, position in
            guard options.cancellation?.isCancelled != true else { return }
            let index = todo[position]
            slots[index] = Self.produce(work[index], options: options, worker: worker, engine: engine, digests: digests,
                                        look: { hashes[index] = $0 }, stage: { staged[index] = $0 })
        }

        // Results in feed order; a group is journalled once all of it is done
        // and its files are durable under their names.
        let results = slots.values, temps = staged.values
        var finished: [(group: Group, kept: [ManifestEntry], failures: [RejectedItem])] = []
        var publish: [(temp: URL, target: URL)] = []
        for group in groups {
            if let reused = group.reused {
                try state.emit(reused)
                state.usedKeys.append(group.key!)
                state.reused += reused.count
                state.groupsDone += 1
                continue
            }
            let outcomes = group.items.map { results[$0] }
            guard outcomes.allSatisfy({ $0 != nil }) else { continue }   // interrupted part-way
            var members: [(entry: ManifestEntry, hash: UInt64)] = []
            var failures: [RejectedItem] = []
            for (index, outcome) in zip(group.items, outcomes) {
                switch outcome! {
                case .success(let entry): members.append((entry, hashes[index] ?? 0))
                case .failure(let item): failures.append(item)
                }
            }
            let kept = selectVariants(members, options: options)
            let keptIDs = Set(kept.map(\.id))
            for index in group.items {
                guard case .success(let entry)? = results[index] else { continue }
                let target = options.outputDirectory.appendingPathComponent(entry.path)
                if keptIDs.contains(entry.id) {
                    if let temp = temps[index] { publish.append((temp, target)) }
                } else if let temp = temps[index] {
                    unlink(temp.path)   // a near-duplicate or outranked variant never gets a name
                } else {
                    try? FileManager.default.removeItem(at: target)   // an earlier run kept it; this one does not
                }
            }
            finished.append((group, kept, failures))
        }
        try AtomicFile.publish(publish, in: options.outputDirectory)
        for (group, kept, failures) in finished {
            try state.emit(kept)
            try state.reject(failures)
            state.written += kept.count
            state.bytesWritten += kept.reduce(0) { $0 + $1.bytes }
            state.groupsDone += 1
            // A group with failures is tried again next time (a missing image may have arrived).
            if failures.isEmpty, let key = group.key {
                try state.journal.record(key, entries: kept)
                state.usedKeys.append(key)
            }
        }
        try state.journal.flush()
        state.report()
    }

    private static func identity(product: Product, size: BannerSize, template: Template, variant: Variant, imagePath: String?,
                                 options: GenerationOptions, engine: Engine, digests: FileDigests,
                                 companions: [(product: Product, imageDigest: String)]) -> String {
        BannerIdentity.id(product: product, size: size, format: options.format, template: template.name,
                          brandFingerprint: engine.brandFingerprint, fontFingerprint: engine.fonts.lock.fingerprint,
                          imageDigest: imagePath.map(digests.digest) ?? "", variant: variant,
                          maxBytes: options.byteBudget.maxBytes(for: size), companions: companions)
    }

    /// Names a group by everything its output depends on: the banners it may
    /// produce (content-addressed ids) and how variants are chosen among them.
    private func groupKey(_ ids: [String], options: GenerationOptions) -> String {
        var hasher = SHA256Hasher()
        for id in ids { hasher.update(id) }
        hasher.update("variants=\(options.variants) seed=\(options.variantSeed) top=\(options.top ?? 0)")
        hasher.update("scorer=\(options.scorer?.fingerprint ?? "")")
        return String(hasher.finish().prefix(32))
    }

    private static func produce(_ item: WorkItem, options: GenerationOptions, worker: RenderWorker, engine: Engine,
                                digests: FileDigests, look: (UInt64) -> Void, stage: (URL) -> Void) -> Result<ManifestEntry, RejectedItem> {
        let reject = { (error: BanneretError) in
            Result<ManifestEntry, RejectedItem>.failure(RejectedItem(productID: item.product.id,
                                                                     size: item.size.description, error: error))
        }
        do {
            let imagePath = try item.imagePath.get()
            let companions = try item.companions.map { (product: $0.product, imagePath: try $0.imagePath.get()) }
            let started = DispatchTime.now()
            let (rendered, spec) = try worker.render(product: item.product, size: item.size, imagePath: imagePath,
                                                     template: item.template, variant: item.variant, companions: companions)
            if options.variants > 1 { look(PerceptualHash.hash(rendered.pixels)) }
            let assessment = try BannerAssessment.assess(
                rendered, spec: spec, product: item.product, variant: item.variant, imagePath: imagePath, engine: engine,
                scorer: options.scorer, location: Location(file: options.feedURL.path, line: item.line, element: item.template.name))
            let data: Data
            var encodingWarnings: [String] = []
            if options.format.isVector {
                // Checked as pixels above; written as the same drawing on a vector surface.
                data = try worker.renderer.renderVector(spec, as: options.format)
            } else {
                let budget = options.byteBudget.maxBytes(for: item.size)
                let encoded = try BudgetedEncoder.encode(rendered.pixels, as: options.format, maxBytes: budget)
                data = encoded.data
                if encoded.fellBack { encodingWarnings.append("encoded as \(encoded) to fit the \(budget ?? 0)-byte budget") }
            }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            let id = item.id ?? identity(product: item.product, size: item.size, template: item.template, variant: item.variant,
                                         imagePath: imagePath, options: options, engine: engine, digests: digests,
                                         companions: companions.map { (product: $0.product, imageDigest: $0.imagePath.map(digests.digest) ?? "") })
            let fileName = "\(id).\(options.format.fileExtension)"
            let target = options.outputDirectory.appendingPathComponent(fileName)
            // Names are content addresses: an existing file already holds these bytes.
            if options.force || !FileManager.default.fileExists(atPath: target.path) {
                stage(try AtomicFile.stage(data, for: target))
            }
            return .success(ManifestEntry(
                id: id, productID: item.product.id, template: item.template.name, size: item.size.description,
                format: options.format.name, path: fileName, bytes: data.count,
                variant: item.variant.axes.merging(["template": item.template.name, "size_class": SizeClass(item.size).rawValue]) { a, _ in a },
                scores: assessment.scores.mapValues { ($0 * 1_000_000).rounded() / 1_000_000 }, metrics: assessment.metrics,
                text: rendered.texts.map {
                    ManifestEntry.TextReport(element: $0.id, fontSize: $0.fitted.fontSize,
                                             minSize: spec.textSizeRanges[$0.id]?.lowerBound ?? $0.fitted.fontSize,
                                             maxSize: spec.textSizeRanges[$0.id]?.upperBound ?? $0.fitted.fontSize,
                                             lines: $0.fitted.lineCount,
                                             truncated: $0.fitted.truncated, unknownGlyphs: $0.fitted.unknownGlyphs)
                },
                renderMS: (elapsed * 100).rounded() / 100,
                warnings: assessment.warnings + encodingWarnings,
                products: companions.isEmpty ? nil : [item.product.id] + companions.map(\.product.id)))
        } catch let error as BanneretError {
            var located = error
            if [.imageMissing, .imageCorrupt, .imageTooLarge, .imageUnsupported, .imageFetchFailed].contains(located.code) {
                located.location = Location(file: options.feedURL.path, line: item.line, field: "image_link",
                                            element: error.location?.file)
            } else if located.location == nil {
                located.location = Location(file: options.feedURL.path, line: item.line)
            }
            if [.textOverflow, .textUnknownGlyphs, .textTooLong].contains(error.code) {
                // Point at the feed record and the field whose text did not fit; the message names the template.
                let element = error.location?.element ?? ""
                let binding = item.template.elements.first { $0.id == element }?.properties.binding
                located.location = Location(file: options.feedURL.path, line: item.line,
                                            field: binding.flatMap(Self.sourceField), element: element)
                if let template = error.location?.file, template != options.feedURL.path {
                    located.message += " (template \(template)\(error.location?.line.map { ":\($0)" } ?? ""))"
                }
            }
            return reject(located)
        } catch {
            return reject(BanneretError(.renderFailed, "\(error)"))
        }
    }

    /// Drops near-duplicate variants (the first, most standard, is kept), then
    /// keeps each segment's best `top`.
    private func selectVariants(_ members: [(entry: ManifestEntry, hash: UInt64)], options: GenerationOptions) -> [ManifestEntry] {
        var distinct: [(entry: ManifestEntry, hash: UInt64)] = []
        var dropped: [ManifestEntry] = []
        for member in members {
            if options.variants > 1, distinct.contains(where: {
                PerceptualHash.distance($0.hash, member.hash) <= PerceptualHash.duplicateDistance
            }) {
                dropped.append(member.entry)
            } else {
                distinct.append(member)
            }
        }
        var kept = distinct.map(\.entry)
        if options.scorer != nil || options.top != nil {
            let segments = options.scorer?.segmentIDs ?? []
            let outcome = VariantRanker(top: options.top ?? kept.count).rank(
                kept.map { VariantRanker.Candidate(id: $0.id, disqualifications: [], scores: $0.scores) }, segments: segments)
            let keep = Set(outcome.kept)
            dropped += kept.filter { !keep.contains($0.id) }
            kept = kept.filter { keep.contains($0.id) }
            for index in kept.indices {
                for (segment, ids) in outcome.ranking {
                    if let place = ids.firstIndex(of: kept[index].id) { kept[index].ranks[segment] = place + 1 }
                }
            }
        }
        return kept
    }

    /// The feed field (or brand key) a text binding shows.
    private static func sourceField(_ binding: TextBinding) -> String? {
        switch binding {
        case .title: "title"
        case .description: "description"
        case .price, .oldPrice: "price"
        case .discount: "sale_price"
        case .cta: "brand.cta"
        case .brand: "brand"
        case .category: "product_type"
        case .literal: nil
        case .field(let name): name
        }
    }
}
