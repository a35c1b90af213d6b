import Foundation

/// Renders every product of a feed at every requested size, in parallel,
/// and writes banners, `manifest.jsonl` and `errors.jsonl`, all atomically.
/// Output is identical whatever the number of jobs.
public struct Generator: Sendable {
    public let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    private struct WorkItem: Sendable {
        var product: Product
        var line: Int
        var size: BannerSize
        var template: Template
        var imagePath: Result<String?, BanneretError>
        var variant: Variant = .standard
    }

    public func run(_ options: GenerationOptions) throws -> GenerationReport {
        let start = Date()
        let feed = try FeedReader.read(contentsOf: options.feedURL, format: options.feedFormat,
                                       defaultCurrency: options.defaultCurrency, lenient: options.lenient)
        var rejected = feed.errors.map { RejectedItem(productID: nil, size: nil, error: $0) }
        do {
            try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw BanneretError(.outputUnwritable, "cannot create \(options.outputDirectory.path): \(error.localizedDescription)",
                                at: Location(file: options.outputDirectory.path))
        }

        var resolver = ImageLinkResolver(feedDirectory: options.feedURL.deletingLastPathComponent(),
                                         allowedDirectories: options.allowedDirectories)
        // Remote images are fetched (or revalidated) once, before any rendering.
        let fetcher = ImageFetcher(cacheDirectory: options.imageCacheDirectory
            ?? options.outputDirectory.appendingPathComponent(".image-cache"))
        for link in Set(feed.products.compactMap(\.imageLink)).sorted()
        where link.hasPrefix("http://") || link.hasPrefix("https://") {
            resolver.remote[link] = Result {
                guard let url = URL(string: link) else {
                    throw BanneretError(.imageMissing, "not a valid URL", at: Location(file: link))
                }
                return try fetcher.fetch(url)
            }.mapError { $0 as? BanneretError ?? BanneretError(.imageMissing, "\($0)") }
        }
        var items: [WorkItem] = []
        for (product, line) in zip(feed.products, feed.lines) {
            let image: Result<String?, BanneretError> = Result {
                try product.imageLink.map { try resolver.resolve($0, file: options.feedURL.path, line: line) }
            }.mapError { $0 as? BanneretError ?? BanneretError(.imageMissing, "\($0)") }
            let variants = options.variants <= 1 ? [Variant.standard]
                : VariantSelector.select(options.variants, from: VariantSelector.candidates(product: product, brand: engine.brand),
                                         seed: options.variantSeed)
            for template in engine.templates {
                for size in options.sizes {
                    for variant in variants {
                        var path = image
                        if variant.imageIndex > 0 {
                            let link = product.additionalImageLinks[variant.imageIndex - 1]
                            path = Result { try resolver.resolve(link, file: options.feedURL.path, line: line) }
                                .map(Optional.some)
                                .mapError { $0 as? BanneretError ?? BanneretError(.imageMissing, "\($0)") }
                        }
                        items.append(WorkItem(product: product, line: line, size: size, template: template,
                                              imagePath: path, variant: variant))
                    }
                }
            }
        }

        let slots = Slots<Result<ManifestEntry, RejectedItem>>(count: items.count)
        let hashes = Slots<UInt64>(count: items.count)
        let digests = FileDigests()
        let engine = self.engine
        let work = items
        parallelFor(count: work.count, jobs: options.jobs) { worker, index in
            let item = work[index]
            slots[index] = Self.produce(item, options: options, worker: worker, engine: engine, digests: digests) { hashes[index] = $0 }
        }

        var entries: [ManifestEntry] = []
        // Variants of one product, template and size, in work order (the standard variant first).
        var groups: [(key: String, members: [(entry: ManifestEntry, hash: UInt64)])] = []
        var groupIndex: [String: Int] = [:]
        for (index, result) in slots.values.enumerated() {
            switch result {
            case .success(let entry):
                let key = "\(entry.productID)|\(entry.template)|\(entry.size)"
                if groupIndex[key] == nil {
                    groupIndex[key] = groups.count
                    groups.append((key, []))
                }
                groups[groupIndex[key]!].members.append((entry, hashes[index] ?? 0))
            case .failure(let item): rejected.append(item)
            case nil: break
            }
        }
        for group in groups {
            entries += selectVariants(group.members, options: options)
        }
        try writeManifest(entries, errors: rejected, to: options.outputDirectory)
        return GenerationReport(entries: entries, errors: rejected, seconds: Date().timeIntervalSince(start),
                                productsRead: feed.products.count, notices: feed.notices)
    }

    private static func produce(_ item: WorkItem, options: GenerationOptions, worker: RenderWorker, engine: Engine,
                                digests: FileDigests, look: (UInt64) -> Void) -> Result<ManifestEntry, RejectedItem> {
        let reject = { (error: BanneretError) in
            Result<ManifestEntry, RejectedItem>.failure(RejectedItem(productID: item.product.id,
                                                                     size: item.size.description, error: error))
        }
        do {
            let imagePath = try item.imagePath.get()
            let started = DispatchTime.now()
            let (rendered, spec) = try worker.render(product: item.product, size: item.size, imagePath: imagePath,
                                                     template: item.template, variant: item.variant)
            if options.variants > 1 { look(PerceptualHash.hash(rendered.pixels)) }
            // Measured before anything is written: a banner that breaks a brand rule never ships.
            let features = BannerFeatures.measure(spec: spec, rendered: rendered, brand: engine.brand,
                                                  productImage: imagePath.flatMap { try? engine.images.image(at: $0) })
            if !features.violations.isEmpty {
                throw BanneretError(.brandViolation, features.violations.joined(separator: "; "),
                                    at: Location(file: options.feedURL.path, line: item.line, element: item.template.name))
            }
            let scoring = ScoringFeatures.values(measured: features.values, spec: spec, product: item.product,
                                                 brand: engine.brand, variant: item.variant)
            let metrics = features.values.merging(scoring) { measured, _ in measured }
            // The same vector the manifest reports, so a model trained on manifests scores what it learned from.
            let scores = options.scorer?.scores(FeatureVector(metrics)) ?? [:]
            let data = try BannerEncoder.encode(rendered.pixels, as: options.format)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
            let id = BannerIdentity.id(product: item.product, size: item.size, format: options.format,
                                       template: item.template.name, brandFingerprint: engine.brandFingerprint,
                                       fontFingerprint: engine.fonts.lock.fingerprint,
                                       imageDigest: imagePath.map(digests.digest) ?? "", variant: item.variant)
            let fileName = "\(id).\(options.format.fileExtension)"
            try AtomicFile.write(data, to: options.outputDirectory.appendingPathComponent(fileName))
            return .success(ManifestEntry(
                id: id, productID: item.product.id, template: item.template.name, size: item.size.description,
                format: options.format.name, path: fileName, bytes: data.count,
                variant: item.variant.axes.merging(["template": item.template.name, "size_class": SizeClass(item.size).rawValue]) { a, _ in a },
                scores: scores.mapValues { ($0 * 1_000_000).rounded() / 1_000_000 }, metrics: metrics,
                text: rendered.texts.map {
                    ManifestEntry.TextReport(element: $0.id, fontSize: $0.fitted.fontSize,
                                             minSize: spec.textSizeRanges[$0.id]?.lowerBound ?? $0.fitted.fontSize,
                                             maxSize: spec.textSizeRanges[$0.id]?.upperBound ?? $0.fitted.fontSize,
                                             lines: $0.fitted.lineCount,
                                             truncated: $0.fitted.truncated, unknownGlyphs: $0.fitted.unknownGlyphs)
                },
                renderMS: (elapsed * 100).rounded() / 100,
                warnings: rendered.texts.filter { $0.fitted.truncated }.map { "text '\($0.id)' was shortened with an ellipsis" }))
        } catch let error as BanneretError {
            var located = error
            if located.location == nil || [.imageMissing, .imageCorrupt, .imageTooLarge, .imageUnsupported].contains(located.code) {
                located.location = Location(file: options.feedURL.path, line: item.line, field: "image_link",
                                            element: error.location?.file)
            }
            if [.textOverflow, .textUnknownGlyphs].contains(error.code) {
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
    /// keeps each segment's best `top`; the files of dropped variants are removed.
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
        for entry in dropped {
            try? FileManager.default.removeItem(at: options.outputDirectory.appendingPathComponent(entry.path))
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
        case .literal: nil
        case .field(let name): name
        }
    }

    private func writeManifest(_ entries: [ManifestEntry], errors: [RejectedItem], to folder: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var manifest = Data()
        for entry in entries {
            manifest.append(try encoder.encode(entry))
            manifest.append(0x0A)
        }
        try AtomicFile.write(manifest, to: folder.appendingPathComponent("manifest.jsonl"))
        var errorLines = Data()
        for error in errors {
            errorLines.append(try encoder.encode(error))
            errorLines.append(0x0A)
        }
        try AtomicFile.write(errorLines, to: folder.appendingPathComponent("errors.jsonl"))
    }
}
