import Foundation

/// The features of banners Banneret has rendered, read from its
/// `manifest.jsonl`: each line's `id` and its `metrics` object.
///
/// Click logs name banners by id rather than repeating their features,
/// so the manifest is the bridge from "banner 3f2a… got 12 clicks" to
/// "a banner this warm and this busy got 12 clicks".
public struct ManifestFeatures: Sendable {
    public var byBannerID: [String: FeatureVector]
    /// Lines that could not be used; the rest still are.
    public var errors: [BanneretError]

    public init(byBannerID: [String: FeatureVector], errors: [BanneretError] = []) {
        self.byBannerID = byBannerID
        self.errors = errors
    }

    public static func load(_ url: URL) throws -> ManifestFeatures {
        guard let data = try? Data(contentsOf: url) else {
            throw BanneretError(.manifestMissing, "manifest not found", at: Location(file: url.path))
        }
        return parse(data, file: url.path)
    }

    public static func parse(_ data: Data, file: String) -> ManifestFeatures {
        var features: [String: FeatureVector] = [:]
        let errors = JSONLines.forEachObject(in: data, file: file, code: .manifestInvalid) { line, object in
            func fail(_ field: String, _ message: String) -> BanneretError {
                BanneretError(.manifestInvalid, message, at: Location(file: file, line: line, field: field))
            }
            guard let id = object["id"] as? String, !id.isEmpty else { throw fail("id", "a manifest line needs a text id") }
            guard let metrics = object["metrics"] as? [String: Any] else {
                throw fail("metrics", "a manifest line needs a metrics object of numbers")
            }
            guard features[id] == nil else { throw fail("id", "banner id '\(id)' appears twice; the first line is used") }
            features[id] = try FeatureEncoder.encode(metrics, field: "metrics", code: .manifestInvalid,
                                                     at: Location(file: file, line: line))
        }
        return ManifestFeatures(byBannerID: features, errors: errors)
    }
}
