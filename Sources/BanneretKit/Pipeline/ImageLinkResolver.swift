import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a feed's `image_link` into a local file path. Relative paths and
/// `file://` URLs resolve against the feed's folder and must stay inside it.
struct ImageLinkResolver {
    let feedDirectory: URL
    /// Further folders images may come from (`--allow-path`).
    var allowedDirectories: [URL] = []
    /// Remote links already fetched (or refused) before rendering.
    var remote: [String: Result<String, BanneretError>] = [:]

    func resolve(_ link: String, file: String, line: Int) throws -> String {
        let location = Location(file: file, line: line, field: "image_link")
        let url: URL
        if link.hasPrefix("http://") || link.hasPrefix("https://") {
            guard let fetched = remote[link] else {
                throw BanneretError(.imageMissing, "remote image \(link) was not fetched before rendering", at: location)
            }
            do {
                return try fetched.get()
            } catch {
                throw BanneretError(error.code, "\(link): \(error.message)", at: location)
            }
        } else if link.hasPrefix("file://"), let fileURL = URL(string: link) {
            url = fileURL
        } else if link.hasPrefix("/") {
            url = URL(fileURLWithPath: link)
        } else {
            url = feedDirectory.appendingPathComponent(link)
        }
        // Symlinks are resolved first, so a link inside the folder cannot point outside it.
        let resolved = Self.canonical(url.standardizedFileURL.path)
        let roots = ([feedDirectory] + allowedDirectories).map { Self.canonical($0.standardizedFileURL.path) }
        guard roots.contains(where: { resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            throw BanneretError(.imageMissing, "image path \(link) leaves the feed's folder \(roots[0]); "
                                + "widen it with --allow-path DIR", at: location)
        }
        return resolved
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
