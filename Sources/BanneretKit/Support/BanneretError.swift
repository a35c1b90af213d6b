/// An error a person can act on: a stable ``code`` for scripts, a message that
/// says what is wrong and how to fix it, and where it was found.
public struct BanneretError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Stable identifiers; scripts and tests match on these, so never rename one.
    public enum Code: String, Sendable, Codable {
        case fontMissing = "font.missing"
        case fontHashMismatch = "font.hash_mismatch"
        case fontLockInvalid = "font.lock_invalid"
        case fontConfigFailed = "font.config_failed"
        case imageMissing = "image.missing"
        /// The network or the server failed (timeout, refused, HTTP 5xx): worth retrying later.
        case imageFetchFailed = "image.fetch_failed"
        case imageCorrupt = "image.corrupt"
        case imageTooLarge = "image.too_large"
        case imageUnsupported = "image.unsupported"
        case feedMissing = "feed.missing"
        case feedSyntax = "feed.syntax"
        case feedField = "feed.field"
        case feedEncoding = "feed.encoding"
        case feedRepaired = "feed.repaired"
        case feedNotice = "feed.notice"
        case feedEntityRefused = "feed.entity_refused"
        case feedTooDeep = "feed.too_deep"
        /// A feed over ``FeedReader/Options/maximumBytes`` or ``FeedReader/Options/maximumRecords``.
        case feedTooLarge = "feed.too_large"
        case brandMissing = "brand.missing"
        case brandInvalid = "brand.invalid"
        /// A brand guide over ``InputLimits/maximumYAMLBytes`` or ``InputLimits/maximumYAMLNodes``.
        case brandTooLarge = "brand.too_large"
        case sizeInvalid = "size.invalid"
        case templateMissing = "template.missing"
        case templateSyntax = "template.syntax"
        case templateUnknownName = "template.unknown_name"
        case templateInvalid = "template.invalid"
        case templateNotLinear = "template.not_linear"
        /// A template over one of ``InputLimits``' counts: file size, YAML nodes, elements,
        /// constraints, `let` names, or an expression nested too deep.
        case templateTooLarge = "template.too_large"
        /// A path in a template, brand guide, feed or job that leads outside the folder it
        /// must stay in (`..`, an absolute path, a symlink), and no `--allow-path` covers it.
        case pathOutsideRoot = "path.outside_root"
        case layoutUnsatisfiable = "layout.unsatisfiable"
        case layoutCollapsed = "layout.collapsed"
        case textOverflow = "text.overflow"
        case textTooLong = "text.too_long"
        case brandViolation = "brand.violation"
        case textUnknownGlyphs = "text.unknown_glyphs"
        case renderFailed = "render.failed"
        case encodeFailed = "encode.failed"
        case budgetExceeded = "budget.exceeded"
        case budgetInvalid = "budget.invalid"
        case outputUnwritable = "output.unwritable"
        case interrupted = "run.interrupted"
        case shardInvalid = "shard.invalid"
        case segmentsMissing = "segments.missing"
        case segmentsInvalid = "segments.invalid"
        case logMissing = "log.missing"
        case logInvalid = "log.invalid"
        case manifestMissing = "manifest.missing"
        case manifestInvalid = "manifest.invalid"
        case featuresMissing = "features.missing"
        case featuresInvalid = "features.invalid"
        case modelMissing = "model.missing"
        case modelInvalid = "model.invalid"
        /// A watch-folder job that cannot be read: bad YAML, an unknown key, a bad value.
        case jobInvalid = "job.invalid"
        /// A claimed job whose file or folder is gone, or a folder without its `job.yaml`.
        case jobMissing = "job.missing"
        /// A job that stopped the daemon again and again without finishing anything: set aside.
        case jobQuarantined = "job.quarantined"
        case inboxMissing = "inbox.missing"
    }

    public var code: Code
    public var message: String
    public var location: Location?

    public init(_ code: Code, _ message: String, at location: Location? = nil) {
        self.code = code
        self.message = message
        self.location = location
    }

    /// A failure that may pass when tried again (a network error, an
    /// interrupted run); job engines retry these (exit 75).
    public var isRetryable: Bool { code == .imageFetchFailed || code == .interrupted }

    public var description: String {
        if let location { return "\(location): \(message) [\(code.rawValue)]" }
        return "\(message) [\(code.rawValue)]"
    }
}

/// Where an error was found: a file and, when known, the line, column, field
/// or template element inside it.
public struct Location: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var field: String?
    public var element: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, element: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.element = element
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        if let field { text += " field '\(field)'" }
        if let element { text += " element '\(element)'" }
        return text
    }
}
