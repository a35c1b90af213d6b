import Foundation
import Yams

/// Loads the customer segments and their priors from YAML:
///
/// ```yaml
/// segments:
///   - id: f_18_34_kr
///     description: Women 18–34 in Korea
///     attributes: { gender: f, age: 18-34, region: KR }
///     weights: { colorfulness_norm: 0.4, discount_shown: 0.3 }
///     bias: -3.8
/// ```
///
/// Every problem names the file, line and column; unknown keys and misspelt
/// feature names get the closest known one, because a typo in a prior would
/// otherwise weigh nothing and pass unnoticed.
public enum SegmentsLoader {
    static let topKeys = ["segments"]
    static let segmentKeys = ["id", "description", "attributes", "weights", "bias"]
    static let attributeKeys = ["gender", "age", "region"]
    static let genders = ["f", "m", "x", "any"]

    /// - Parameter knownFeatures: the feature names weights may use; names
    ///   with `=` (one-hot text features) are always allowed; nil skips the check.
    public static func load(_ url: URL, knownFeatures: Set<String>? = Set(ScoringFeatures.names)) throws -> [Segment] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw BanneretError(.segmentsMissing, "segments file not found or not UTF-8", at: Location(file: url.path))
        }
        return try parse(text, file: url.path, knownFeatures: knownFeatures)
    }

    public static func parse(_ text: String, file: String,
                             knownFeatures: Set<String>? = Set(ScoringFeatures.names)) throws -> [Segment] {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw BanneretError(.segmentsInvalid, "the segments file is empty", at: Location(file: file))
            }
            node = composed
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
        let reader = YAMLNodeReader(file: file, code: .segmentsInvalid)
        var segments: [Segment] = []
        var listed = false
        for (_, _, value) in try reader.mapping(node, allowed: topKeys, what: "the segments file") {
            listed = true
            for (index, segmentNode) in try reader.sequence(value, what: "segments").enumerated() {
                let segment = try self.segment(segmentNode, index: index, reader: reader, knownFeatures: knownFeatures)
                if segments.contains(where: { $0.id == segment.id }) {
                    throw reader.error(segmentNode, "segment id '\(segment.id)' appears twice; ids must be unique",
                                       element: segment.id)
                }
                segments.append(segment)
            }
        }
        guard listed, !segments.isEmpty else {
            throw reader.error(node, "the segments file needs a non-empty 'segments' list")
        }
        return segments
    }

    private static func segment(_ node: Node, index: Int, reader: YAMLNodeReader,
                                knownFeatures: Set<String>?) throws -> Segment {
        let what = "segments[\(index)]"
        var id: String?
        var description = ""
        var attributes: [String: String] = [:]
        var weights: [String: Double] = [:]
        var bias: Double?
        for (key, _, value) in try reader.mapping(node, allowed: segmentKeys, what: "a segment") {
            switch key {
            case "id":
                let text = try reader.string(value, what: "\(what).id")
                guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }) else {
                    throw reader.error(value, "\(what).id must be letters, digits, '_', '-' or '.', not '\(text)'")
                }
                guard text != BannerScorer.total else {
                    throw reader.error(value, "'\(BannerScorer.total)' is reserved for the whole audience's score; name the segment differently")
                }
                id = text
            case "description": description = try reader.string(value, what: "\(what).description")
            case "attributes": attributes = try self.attributes(value, what: what, reader: reader)
            case "weights":
                for (feature, featureNode, weightNode) in try reader.mapping(value, allowed: nil, what: "\(what).weights") {
                    if let knownFeatures, !feature.contains("="), !knownFeatures.contains(feature) {
                        let known = knownFeatures.sorted()
                        throw reader.error(featureNode, "unknown feature '\(feature)' in \(what).weights"
                                           + DidYouMean.hint(for: feature, in: known)
                                           + "; known features: " + known.joined(separator: ", "))
                    }
                    weights[feature] = try reader.number(weightNode, what: "\(what).weights.\(feature)", range: -20 ... 20)
                }
            case "bias": bias = try reader.number(value, what: "\(what).bias", range: -20 ... 20)
            default: break
            }
        }
        guard let id else { throw reader.error(node, "\(what) needs an id") }
        guard let bias else {
            throw reader.error(node, "segment '\(id)' needs a bias: the logit of its click-through rate "
                               + "for a banner whose features are all 0", element: id)
        }
        return Segment(id: id, description: description, attributes: attributes, weights: weights, bias: bias)
    }

    /// `gender` is f, m, x or any; `age` a band `18-34` or an open band `55+`;
    /// `region` an ISO 3166-1 alpha-2 code such as KR, or any.
    private static func attributes(_ node: Node, what: String, reader: YAMLNodeReader) throws -> [String: String] {
        var attributes: [String: String] = [:]
        for (key, _, value) in try reader.mapping(node, allowed: attributeKeys, what: "\(what).attributes") {
            let text = try reader.string(value, what: "\(what).attributes.\(key)")
            switch key {
            case "gender":
                guard genders.contains(text) else {
                    throw reader.error(value, "\(what).attributes.gender is one of \(genders.joined(separator: ", ")), not '\(text)'"
                                       + DidYouMean.hint(for: text, in: genders))
                }
            case "age":
                guard isAgeBand(text) else {
                    throw reader.error(value, "\(what).attributes.age is a band such as 18-34 or 55+, not '\(text)'")
                }
            case "region":
                guard text == "any" || (text.count == 2 && text.allSatisfy({ $0.isASCII && $0.isUppercase })) else {
                    throw reader.error(value, "\(what).attributes.region is a two-letter country code such as KR, or any, not '\(text)'")
                }
            default: break
            }
            attributes[key] = text
        }
        return attributes
    }

    static func isAgeBand(_ text: String) -> Bool {
        if text.hasSuffix("+") { return Int(text.dropLast()) != nil }
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let low = Int(bounds[0]), let high = Int(bounds[1]) else { return false }
        return low >= 0 && low <= high
    }

    /// YAML syntax errors keep the line and column libyaml reports.
    private static func syntaxError(_ error: YamlError, file: String) -> BanneretError {
        let mark: Mark? = switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
        return BanneretError(.segmentsInvalid, "YAML: \(error)",
                             at: Location(file: file, line: mark?.line, column: mark?.column))
    }
}
