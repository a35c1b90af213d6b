import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps a path written inside an input (an image link in a feed, a logo in a
/// brand guide, a feed or template named by a watch-folder job) within the
/// folder that input came from, so a hostile file cannot make Banneret read
/// `/etc/shadow`, `../../secrets` or a symlink leading out. Folders the
/// operator names (`--allow-path DIR`) widen the roots.
struct PathConfinement: Sendable {
    /// The first root, the one relative paths resolve against.
    let root: URL
    let allowed: [URL]

    init(root: URL, allowed: [URL] = []) {
        self.root = root
        self.allowed = allowed
    }

    /// `path` resolved (relative to ``root``, symlinks followed) if it lies
    /// inside ``root`` or an allowed folder; otherwise `path.outside_root`
    /// at `location`.
    func resolve(_ path: String, at location: Location, flag: String = "--allow-path DIR") throws(BanneretError) -> String {
        // NUL ends a C string early: "a.png\0/../../x" would name something else to the kernel.
        guard !path.contains("\0") else {
            throw BanneretError(.pathOutsideRoot, "the path holds a NUL character", at: location)
        }
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        let resolved = Self.canonical(url.standardizedFileURL.path)
        guard contains(resolved) else {
            throw BanneretError(.pathOutsideRoot, "\(path) leads outside \(Self.canonical(root.standardizedFileURL.path))"
                                + " (after .. and symlinks); to allow it, widen the roots with \(flag)", at: location)
        }
        return resolved
    }

    /// Whether an already canonical path lies inside a root.
    func contains(_ canonicalPath: String) -> Bool {
        ([root] + allowed).map { Self.canonical($0.standardizedFileURL.path) }
            .contains { canonicalPath.hasPrefix($0 == "/" ? "/" : $0 + "/") }
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
