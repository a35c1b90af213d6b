import Foundation
import Yams

/// Loads a brand guide from YAML, turning decoding failures into errors that
/// name the file and the offending key path.
public enum BrandGuideLoader {
    public static func load(_ url: URL) throws -> BrandGuide {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw BanneretError(.brandMissing, "brand guide not found or not UTF-8", at: Location(file: url.path))
        }
        do {
            return try YAMLDecoder().decode(BrandGuide.self, from: text)
        } catch let error as YamlError {
            throw BanneretError(.brandInvalid, "YAML syntax: \(error)", at: Location(file: url.path))
        } catch let DecodingError.keyNotFound(key, context) {
            throw BanneretError(.brandInvalid, "required key '\(key.stringValue)' is missing",
                                at: Location(file: url.path, field: path(context.codingPath + [key])))
        } catch let DecodingError.dataCorrupted(context) {
            throw BanneretError(.brandInvalid, context.debugDescription,
                                at: Location(file: url.path, field: path(context.codingPath)))
        } catch let DecodingError.typeMismatch(type, context) {
            throw BanneretError(.brandInvalid, "expected \(type)", at: Location(file: url.path, field: path(context.codingPath)))
        } catch {
            throw BanneretError(.brandInvalid, "\(error)", at: Location(file: url.path))
        }
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map(\.stringValue).joined(separator: ".")
    }
}
