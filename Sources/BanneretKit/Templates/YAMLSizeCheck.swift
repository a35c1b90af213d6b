import Foundation
import Yams

/// Refuses templates, brand guides and job files too large to be hand-written,
/// before their size can cost anything: the file's length before it is read,
/// the composed tree's node count before it is walked.
enum YAMLSizeCheck {
    /// Reads a YAML file as UTF-8 text unless it is over ``InputLimits/maximumYAMLBytes``
    /// (checked from the file's size, so a huge file is never read). nil: missing or not UTF-8.
    static func read(_ url: URL, code: BanneretError.Code, what: String) throws -> String? {
        var status = stat()
        if stat(url.path, &status) == 0, Int(status.st_size) > InputLimits.maximumYAMLBytes {
            throw BanneretError(code, "the \(what) is \(status.st_size) bytes; at most \(InputLimits.maximumYAMLBytes) are accepted",
                                at: Location(file: url.path))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        // Pipes and devices report no size: hold them to the same limit after reading.
        guard data.count <= InputLimits.maximumYAMLBytes else {
            throw BanneretError(code, "the \(what) is over \(InputLimits.maximumYAMLBytes) bytes", at: Location(file: url.path))
        }
        return String(data: data, encoding: .utf8)
    }

    /// Counts the tree's nodes, every use of an alias counted again (as a reader
    /// walking it would visit it), and stops as soon as the count passes the limit,
    /// so an exponential alias bomb costs no more than the limit to refuse.
    static func check(_ node: Node, file: String, code: BanneretError.Code, what: String) throws {
        var remaining = InputLimits.maximumYAMLNodes
        func visit(_ node: Node, depth: Int) -> Bool {
            remaining -= 1
            guard remaining >= 0, depth < 512 else { return false }
            switch node {
            case .scalar: return true
            case .sequence(let sequence): return sequence.allSatisfy { visit($0, depth: depth + 1) }
            case .mapping(let mapping):
                return mapping.allSatisfy { visit($0.key, depth: depth + 1) && visit($0.value, depth: depth + 1) }
            case .alias: return true
            }
        }
        guard visit(node, depth: 0) else {
            throw BanneretError(code, "the \(what) holds more than \(InputLimits.maximumYAMLNodes) YAML values or nests "
                                + "deeper than 512 levels (aliases count each time they are used)", at: Location(file: file))
        }
    }
}
