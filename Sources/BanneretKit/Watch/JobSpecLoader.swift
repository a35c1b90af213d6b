import Foundation
import Yams

/// Reads a watch-folder job into a ``JobSpec``.
///
/// A job file holds the options `banneret generate` takes, by the same names:
///
/// ```yaml
/// feed: feeds/spring.csv        # required; relative to the job file's folder
/// brand: brand.yaml             # default: the daemon's --brand
/// templates: [templates/]       # one path or a list; default: the daemon's --templates
/// sizes: [300x250, iab]         # sizes and groups, a list or "300x250,728x90"
/// format: jpeg                  # png, jpeg, webp, pdf or svg
/// quality: 85
/// variants: 3
/// seed: 7
/// currency: EUR
/// feed_format: csv
/// lenient: true
/// ```
///
/// Every problem names the job file, line and column; an unknown key comes
/// with the closest known one, and a path that does not exist is reported
/// against the line that names it rather than deep inside the run.
public enum JobSpecLoader {
    static let keys = ["feed", "brand", "templates", "sizes", "format", "quality", "variants", "seed", "currency",
                       "feed_format", "lenient"]

    /// Loads a claimed job.
    /// - Parameters:
    ///   - url: where the job is now (inside `.processing/`).
    ///   - inbox: the folder it was dropped in: a job file's paths, and a bare feed's images, are relative to it.
    public static func load(_ entry: JobEntry, at url: URL, inbox: URL, defaults: JobSpec.Defaults) throws -> JobSpec {
        switch entry.kind {
        case .feed:
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw BanneretError(.jobMissing, "the claimed feed is gone", at: Location(file: url.path))
            }
            var spec = JobSpec(feed: url, defaults: defaults)
            spec.imageDirectory = inbox
            return spec
        case .jobFile:
            return try parse(read(url), file: url.path, base: inbox, defaults: defaults)
        case .folder:
            let file = url.appendingPathComponent(JobEntry.jobFileName)
            return try parse(read(file), file: file.path, base: url, defaults: defaults)
        }
    }

    private static func read(_ url: URL) throws -> String {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw BanneretError(.jobMissing, "the job file is gone or unreadable", at: Location(file: url.path))
        }
        guard let text = try YAMLSizeCheck.read(url, code: .jobInvalid, what: "job file") else {
            throw BanneretError(.jobInvalid, "the job file is not UTF-8 text", at: Location(file: url.path))
        }
        return text
    }

    /// Parses a job file's text; relative paths resolve against `base`.
    public static func parse(_ text: String, file: String, base: URL, defaults: JobSpec.Defaults) throws -> JobSpec {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw BanneretError(.jobInvalid, "the job file is empty; it needs at least `feed: <file>`",
                                    at: Location(file: file, line: 1, column: 1))
            }
            node = composed
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        try YAMLSizeCheck.check(node, file: file, code: .jobInvalid, what: "job file")
        let reader = YAMLNodeReader(file: file, code: .jobInvalid)
        var spec = JobSpec(feed: base, defaults: defaults)
        var feed: URL?
        var quality: Int?
        for (key, _, value) in try reader.mapping(node, allowed: keys, what: "the job") {
            switch key {
            case "feed":
                feed = try path(value, base: base, reader: reader, what: "feed", missing: .feedMissing, allowed: defaults.allowedDirectories)
            case "brand":
                spec.brand = try path(value, base: base, reader: reader, what: "brand", missing: .brandMissing, allowed: defaults.allowedDirectories)
            case "templates":
                let nodes = if case .sequence = value { try reader.sequence(value, what: "templates") } else { [value] }
                guard !nodes.isEmpty else { throw reader.error(value, "templates lists no file or folder") }
                spec.templates = try nodes.map { try path($0, base: base, reader: reader, what: "templates", missing: .templateMissing, allowed: defaults.allowedDirectories) }
            case "sizes":
                let nodes = if case .sequence = value { try reader.sequence(value, what: "sizes") } else { [value] }
                let list = try nodes.map { try reader.string($0, what: "sizes") }.joined(separator: ",")
                do {
                    spec.sizes = try SizeCatalog.parse(list)
                } catch let error as BanneretError {
                    throw reader.error(value, "sizes: \(error.message)")
                }
            case "format":
                let name = try reader.string(value, what: "format")
                guard let format = OutputFormat(name: name) else {
                    throw reader.error(value, "unknown format '\(name)'" + DidYouMean.hint(for: name, in: ["png", "jpeg", "webp", "pdf", "svg"])
                                       + "; use png, jpeg or webp")
                }
                spec.format = format
            case "quality": quality = try reader.integer(value, what: "quality", range: 1 ... 100)
            case "variants": spec.variants = try reader.integer(value, what: "variants", range: 1 ... 64)
            case "seed":
                let text = try reader.string(value, what: "seed")
                guard let seed = UInt64(text) else { throw reader.error(value, "seed must be a whole number ≥ 0, not '\(text)'") }
                spec.seed = seed
            case "currency":
                let code = try reader.string(value, what: "currency")
                guard code.count == 3, code.allSatisfy(\.isLetter) else {
                    throw reader.error(value, "currency takes an ISO 4217 code such as USD, not '\(code)'")
                }
                spec.currency = code.uppercased()
            case "feed_format":
                let name = try reader.string(value, what: "feed_format")
                guard let format = FeedReader.Format(rawValue: name) else {
                    let known = FeedReader.Format.allCases.map(\.rawValue)
                    throw reader.error(value, "unknown feed_format '\(name)'" + DidYouMean.hint(for: name, in: known)
                                       + "; use " + known.joined(separator: ", "))
                }
                spec.feedFormat = format
            case "lenient": spec.lenient = try reader.bool(value, what: "lenient")
            default: break
            }
        }
        guard let feed else {
            throw BanneretError(.jobInvalid, "the job names no feed; add `feed: <file>`", at: Location(file: file, line: 1, column: 1))
        }
        spec.feed = feed
        if let quality { spec.format = spec.format.withQuality(quality) }
        return spec
    }

    /// A path value, resolved against `base`, that must exist and stay inside `base`
    /// (or a folder the daemon's `--allow-path` names): a job dropped into a shared
    /// inbox must not make the daemon read files elsewhere on the machine.
    private static func path(_ node: Node, base: URL, reader: YAMLNodeReader, what: String,
                             missing: BanneretError.Code, allowed: [URL]) throws -> URL {
        let text = try reader.string(node, what: what)
        guard !text.isEmpty else { throw reader.error(node, "\(what) is empty") }
        var location = reader.location(node)
        location.field = what
        let resolved = URL(fileURLWithPath: try PathConfinement(root: base, allowed: allowed).resolve(text, at: location))
        guard FileManager.default.fileExists(atPath: resolved.path) else {
            throw reader.error(node, "\(what) '\(text)' does not exist (looked for \(resolved.path))", code: missing)
        }
        return resolved
    }

    /// A YAML syntax error at the line and column the parser stopped.
    static func syntaxError(_ error: YamlError, file: String) -> BanneretError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return BanneretError(.jobInvalid, "not valid YAML: \(text)", at: Location(file: file, line: mark.line, column: mark.column))
        default:
            return BanneretError(.jobInvalid, "not valid YAML: \(error)", at: Location(file: file))
        }
    }
}
