import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An output written front to back and then published in one rename, so a
/// reader sees the old file or the complete new one.
final class StreamingOutput {
    let url: URL
    private let temp: URL
    private let handle: FileHandle

    init(url: URL) throws {
        self.url = url
        temp = url.deletingLastPathComponent().appendingPathComponent(TemporaryFiles.name(for: url.lastPathComponent))
        guard FileManager.default.createFile(atPath: temp.path, contents: nil), let handle = FileHandle(forWritingAtPath: temp.path) else {
            throw BanneretError(.outputUnwritable, "cannot create \(temp.path)", at: Location(file: url.path))
        }
        self.handle = handle
    }

    func append(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw BanneretError(.outputUnwritable, "cannot write \(url.path): \(error.localizedDescription)", at: Location(file: url.path))
        }
    }

    func publish() throws {
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw BanneretError(.outputUnwritable, "cannot write \(url.path): \(error.localizedDescription)", at: Location(file: url.path))
        }
        guard rename(temp.path, url.path) == 0 else {
            throw BanneretError(.outputUnwritable, "cannot publish \(url.path): \(String(cString: strerror(errno)))",
                                at: Location(file: url.path))
        }
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    func abandon() {
        try? handle.close()
        unlink(temp.path)
    }
}
