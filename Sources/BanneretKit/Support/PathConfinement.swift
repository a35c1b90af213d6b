import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps the files an input refers to inside the folder it came from: a brand
/// guide's logos beside it, a template folder's files in it, a watch job's
/// feed in the job's folder. `..`, absolute paths and symlinks that lead
/// elsewhere are refused unless the folder was allowed explicitly
/// (`--allow-path DIR`).
public struct PathConfinement: Sendable {
    public var roots: [URL]

    public init(root: URL, allowing others: [URL] = []) {
        roots = [root] + others
    }

    /// The canonical path of `url` if it lies inside one of the roots, else nil.
    public func confine(_ url: URL) -> String? {
        let resolved = Self.canonical(url.standardizedFileURL.path)
        let inside = roots.map { Self.canonical($0.standardizedFileURL.path) }
            .contains { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }
        return inside ? resolved : nil
    }

    /// The path with every symlink resolved, even when its last parts do not exist yet:
    /// realpath(3) on the longest existing prefix, the rest appended. (Foundation's
    /// `resolvingSymlinksInPath` leaves a path alone when the file is missing, which let a
    /// link inside the folder lead outside it.)
    static func canonical(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path)
        var rest: [String] = []
        while existing.path != "/" {
            if let real = realpath(existing.path, nil) {
                defer { free(real) }
                var result = URL(fileURLWithPath: String(cString: real))
                for component in rest.reversed() { result.appendPathComponent(component) }
                return result.standardizedFileURL.path
            }
            rest.append(existing.lastPathComponent)
            existing.deleteLastPathComponent()
        }
        return path
    }
}
