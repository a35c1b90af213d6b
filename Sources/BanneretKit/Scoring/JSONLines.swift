import Foundation

/// Walks a JSON Lines file one object at a time, numbering lines from 1.
///
/// Logs are written by many hands and one broken line must not cost the
/// rest: each line is parsed on its own, and a line that is not a JSON
/// object, or that the handler refuses, becomes an error naming its line
/// while the walk goes on.
enum JSONLines {
    /// - Parameters:
    ///   - code: the error code for lines that are not JSON objects.
    ///   - handle: called with each object and its line number; a
    ///     ``BanneretError`` it throws is collected, and the walk goes on.
    /// - Returns: every error, in line order.
    static func forEachObject(in data: Data, file: String, code: BanneretError.Code,
                              _ handle: (_ line: Int, _ object: [String: Any]) throws -> Void) -> [BanneretError] {
        var errors: [BanneretError] = []
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lineNumber = 0
        while !bytes.isEmpty {
            lineNumber += 1
            let end = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
            var line = bytes[bytes.startIndex ..< end]
            bytes = end < bytes.endIndex ? bytes[(end + 1)...] : bytes[bytes.endIndex...]
            if line.last == 0x0D { line = line.dropLast() }
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
            let location = Location(file: file, line: lineNumber)
            guard let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] else {
                errors.append(BanneretError(code, "line \(lineNumber) is not a JSON object", at: location))
                continue
            }
            do {
                try handle(lineNumber, object)
            } catch let error as BanneretError {
                errors.append(error)
            } catch {
                errors.append(BanneretError(code, "\(error)", at: location))
            }
        }
        return errors
    }

    /// A whole, non-negative JSON number (not a boolean, not text), or nil.
    static func count(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, !FeatureEncoder.isBoolean(number) else { return nil }
        let double = number.doubleValue
        guard double.isFinite, double >= 0, double < 9e15, double.rounded() == double else { return nil }
        return Int(double)
    }
}
