import Foundation

/// Everything one watch-folder job renders, with every path absolute and
/// every default filled in: what `banneret generate` would be told on its
/// command line.
public struct JobSpec: Sendable, Equatable {
    public var feed: URL
    public var brand: URL
    /// Template files or folders of them.
    public var templates: [URL]
    public var sizes: [BannerSize]
    public var format: OutputFormat
    public var variants: Int
    public var seed: UInt64
    public var currency: String?
    public var feedFormat: FeedReader.Format?
    public var lenient: Bool
    /// Where relative image links resolve; nil: the feed's folder (see ``GenerationOptions/imageDirectory``).
    public var imageDirectory: URL?
    /// Folders besides the job's own its paths (feed, brand, templates, images) may lead into.
    public var allowedDirectories: [URL] = []

    /// What a job leaves out: the daemon's `--brand` and `--templates`, the default sizes, PNG.
    public struct Defaults: Sendable, Equatable {
        public var brand: URL
        public var templates: [URL]
        public var sizes: [BannerSize] = BannerSize.defaultMix
        public var format: OutputFormat = .defaultPNG
        /// The daemon's `--allow-path` folders: a job's paths must otherwise stay inside the job.
        public var allowedDirectories: [URL] = []

        public init(brand: URL, templates: [URL]) {
            self.brand = brand
            self.templates = templates
        }
    }

    public init(feed: URL, defaults: Defaults) {
        self.feed = feed
        brand = defaults.brand
        templates = defaults.templates
        sizes = defaults.sizes
        format = defaults.format
        allowedDirectories = defaults.allowedDirectories
        variants = 1
        seed = 0
        lenient = false
    }

    /// The options a generation of this job into `output` runs with.
    public func generationOptions(output: URL, jobs: Int) -> GenerationOptions {
        var options = GenerationOptions(feedURL: feed, sizes: sizes, format: format, outputDirectory: output, jobs: jobs,
                                        feedFormat: feedFormat, defaultCurrency: currency)
        options.lenient = lenient
        options.variants = variants
        options.variantSeed = seed
        options.imageDirectory = imageDirectory
        options.allowedDirectories = allowedDirectories
        return options
    }
}
