import Foundation

/// Reads click logs in JSON Lines, one aggregated row per line:
///
/// ```json
/// {"segment": "f_18_34_kr", "banner_id": "3f2a…", "impressions": 1200, "clicks": 31}
/// {"segment": "m_35_54_us", "features": {"warmth": 0.7, "cta": "Shop now"}, "impressions": 800, "clicks": 9}
/// ```
///
/// A `banner_id` row takes its features from the manifest; a `features`
/// row carries them (see ``FeatureEncoder``); `variant` (or the banner id)
/// names what traffic allocation splits between. A bad row — clicks above
/// impressions, a negative count, an unknown banner, no segment — is
/// reported with its file, line and field, and the good rows are still
/// used: one broken export line must not hide a day of clicks.
public enum ClickLogReader {
    public struct Result: Sendable {
        public var rows: [ClickRow]
        public var errors: [BanneretError]
    }

    static let knownKeys = ["segment", "impressions", "clicks", "banner_id", "variant", "features"]

    /// - Parameters:
    ///   - manifest: banner features by id, for `banner_id` rows.
    ///   - requireFeatures: false when features are not needed (traffic
    ///     allocation), so `banner_id` rows need no manifest.
    public static func read(contentsOf url: URL, manifest: ManifestFeatures? = nil,
                            requireFeatures: Bool = true) throws -> Result {
        guard let data = try? Data(contentsOf: url) else {
            throw BanneretError(.logMissing, "click log not found", at: Location(file: url.path))
        }
        return read(data, file: url.path, manifest: manifest, requireFeatures: requireFeatures)
    }

    public static func read(_ data: Data, file: String, manifest: ManifestFeatures? = nil,
                            requireFeatures: Bool = true) -> Result {
        var rows: [ClickRow] = []
        let errors = JSONLines.forEachObject(in: data, file: file, code: .logInvalid) { line, object in
            rows.append(try row(object, line: line, file: file, manifest: manifest, requireFeatures: requireFeatures))
        }
        return Result(rows: rows, errors: errors)
    }

    /// Keeps the rows of the given segments; every other row becomes an
    /// error at its line, with the closest known segment id, because a row
    /// for a misspelt segment would otherwise train a segment of its own.
    public static func keepingSegments(_ ids: [String], of result: Result) -> Result {
        let known = Set(ids)
        var kept = Result(rows: [], errors: result.errors)
        for row in result.rows {
            if known.contains(row.segment) {
                kept.rows.append(row)
            } else {
                var location = row.source ?? Location(file: "click log")
                location.field = "segment"
                kept.errors.append(BanneretError(.logInvalid, "segment '\(row.segment)' is not in the segments file"
                                                 + DidYouMean.hint(for: row.segment, in: ids.sorted()), at: location))
            }
        }
        kept.errors.sort { ($0.location?.line ?? 0) < ($1.location?.line ?? 0) }
        return kept
    }

    private static func row(_ object: [String: Any], line: Int, file: String, manifest: ManifestFeatures?,
                            requireFeatures: Bool) throws -> ClickRow {
        let location = Location(file: file, line: line)
        func fail(_ field: String, _ message: String) -> BanneretError {
            BanneretError(.logInvalid, message, at: Location(file: file, line: line, field: field))
        }
        /// "row has no 'clicks'", hinting at a misspelt key the row does have.
        func missing(_ field: String, _ what: String) -> BanneretError {
            let strangers = object.keys.filter { !knownKeys.contains($0) }.sorted()
            let typo = strangers.first { DidYouMean.closest(to: $0, in: [field]) != nil }
            return fail(field, "the row has no \(field): \(what)" + (typo.map { " ('\($0)' is not a known key; did you mean '\(field)'?)" } ?? ""))
        }
        guard let segmentValue = object["segment"], !(segmentValue is NSNull) else {
            throw missing("segment", "every row says which customer segment saw the banner")
        }
        guard let segment = segmentValue as? String, !segment.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw fail("segment", "segment must be a non-empty text")
        }
        let impressions = try count(object, "impressions", fail: fail, missing: missing)
        let clicks = try count(object, "clicks", fail: fail, missing: missing)
        guard clicks <= impressions else {
            throw fail("clicks", "\(clicks) clicks from \(impressions) impressions: clicks cannot exceed impressions")
        }
        var bannerID: String?
        if let value = object["banner_id"], !(value is NSNull) {
            guard let text = value as? String, !text.isEmpty else { throw fail("banner_id", "banner_id must be a non-empty text") }
            bannerID = text
        }
        var variant = bannerID
        if let value = object["variant"], !(value is NSNull) {
            guard let text = value as? String, !text.isEmpty else { throw fail("variant", "variant must be a non-empty text") }
            variant = text
        }
        var features = FeatureVector()
        if let value = object["features"], !(value is NSNull) {
            guard let featureObject = value as? [String: Any] else {
                throw fail("features", "features must be an object of named numbers, true/false or text")
            }
            features = try FeatureEncoder.encode(featureObject, code: .logInvalid, at: location)
        } else if let bannerID, requireFeatures {
            guard let manifest else {
                throw fail("banner_id", "a banner_id row takes its features from the manifest; give the manifest "
                           + "or write the row's features")
            }
            guard let known = manifest.byBannerID[bannerID] else {
                throw fail("banner_id", "unknown banner id '\(bannerID)': it is not in the manifest")
            }
            features = known
        } else if requireFeatures {
            throw missing("features", "give a banner_id from the manifest or a features object")
        }
        return ClickRow(segment: segment, variant: variant, features: features, impressions: impressions,
                        clicks: clicks, source: location)
    }

    private static func count(_ object: [String: Any], _ field: String, fail: (String, String) -> BanneretError,
                              missing: (String, String) -> BanneretError) throws -> Int {
        guard let value = object[field], !(value is NSNull) else { throw missing(field, "a whole number ≥ 0") }
        if let number = value as? NSNumber, !FeatureEncoder.isBoolean(number), number.doubleValue < 0 {
            throw fail(field, "\(field) cannot be negative (\(number))")
        }
        guard let whole = JSONLines.count(value) else { throw fail(field, "\(field) must be a whole number ≥ 0") }
        return whole
    }
}
