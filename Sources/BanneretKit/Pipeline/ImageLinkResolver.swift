import Foundation

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
        return try PathConfinement(root: feedDirectory, allowed: allowedDirectories)
            .resolve(url.standardizedFileURL.path, at: location)
    }
}
