import Foundation

/// Reads and writes a ``PreferenceModel`` as JSON.
///
/// Writing is atomic, so a scorer reading the file while `train` replaces it
/// sees the old model or the new one, never half of each; keys are sorted so
/// that the same model always gives the same bytes and diffs stay readable.
public enum PreferenceModelFile {
    public static func load(_ url: URL) throws -> PreferenceModel {
        guard let data = try? Data(contentsOf: url) else {
            throw BanneretError(.modelMissing, "model file not found", at: Location(file: url.path))
        }
        return try decode(data, file: url.path)
    }

    public static func decode(_ data: Data, file: String) throws -> PreferenceModel {
        let model: PreferenceModel
        do {
            model = try JSONDecoder().decode(PreferenceModel.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw BanneretError(.modelInvalid, "the model lacks '\(key.stringValue)'",
                                at: Location(file: file, field: path(context.codingPath)))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
                let DecodingError.dataCorrupted(context) {
            throw BanneretError(.modelInvalid, "not a preference model: \(context.debugDescription)",
                                at: Location(file: file, field: context.codingPath.isEmpty ? nil : path(context.codingPath)))
        } catch {
            throw BanneretError(.modelInvalid, "not a preference model: \(error)", at: Location(file: file))
        }
        try model.validate(file: file)
        return model
    }

    public static func encode(_ model: PreferenceModel) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(model) + Data("\n".utf8)
    }

    public static func save(_ model: PreferenceModel, to url: URL) throws {
        try AtomicFile.write(encode(model), to: url)
    }

    private static func path(_ codingPath: [CodingKey]) -> String {
        codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }
}
