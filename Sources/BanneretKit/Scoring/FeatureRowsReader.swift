import Foundation

/// Reads banners to be scored, in JSON Lines: each line either has a
/// `features` object, or is a `manifest.jsonl` line whose `metrics` are the
/// features, so a manifest can be scored as it is. An `id` (or `banner_id`)
/// is carried through to the output so scores can be joined back.
public enum FeatureRowsReader {
    public struct Row: Sendable, Hashable {
        public var line: Int
        public var id: String?
        public var features: FeatureVector
    }

    public struct Result: Sendable {
        public var rows: [Row]
        public var errors: [BanneretError]
    }

    public static func read(contentsOf url: URL) throws -> Result {
        guard let data = try? Data(contentsOf: url) else {
            throw BanneretError(.featuresMissing, "features file not found", at: Location(file: url.path))
        }
        return read(data, file: url.path)
    }

    public static func read(_ data: Data, file: String) -> Result {
        var rows: [Row] = []
        let errors = JSONLines.forEachObject(in: data, file: file, code: .featuresInvalid) { line, object in
            let location = Location(file: file, line: line)
            let id = (object["id"] as? String) ?? (object["banner_id"] as? String)
            if let features = object["features"] as? [String: Any] {
                rows.append(Row(line: line, id: id,
                                features: try FeatureEncoder.encode(features, code: .featuresInvalid, at: location)))
            } else if let metrics = object["metrics"] as? [String: Any] {
                rows.append(Row(line: line, id: id,
                                features: try FeatureEncoder.encode(metrics, field: "metrics", code: .featuresInvalid,
                                                                    at: location)))
            } else {
                throw BanneretError(.featuresInvalid, "a row needs a features object (or a manifest line's metrics)",
                                    at: Location(file: file, line: line, field: "features"))
            }
        }
        return Result(rows: rows, errors: errors)
    }
}
