import CPangoCairo
import Foundation

/// The bundled fonts, verified against the lock and exposed through a private
/// fontconfig that knows nothing of the machine's own fonts, so the same input
/// gives the same pixels everywhere.
public final class FontSet: @unchecked Sendable {
    // @unchecked: `config` is only read after init; fontconfig (2.10+) makes
    // concurrent reads of one FcConfig safe, and each worker wraps it in its own
    // Pango font map.

    public let directory: URL
    public let lock: FontLock
    let config: OpaquePointer

    /// Families in fallback order: a character missing from the requested
    /// family is looked up in these, in this order, so mixed Latin, Hangul,
    /// Arabic and emoji text always resolves the same way.
    public static let fallbackFamilies = ["Inter", "NanumSquare", "Noto Sans Arabic", "Noto Color Emoji"]

    /// Opens the fonts in `directory` (which holds `fonts.lock`), checking every hash.
    public init(directory: URL) throws {
        let lockURL = directory.appendingPathComponent("fonts.lock")
        guard let lockText = try? String(contentsOf: lockURL, encoding: .utf8) else {
            throw BanneretError(.fontMissing, "no font lock at \(lockURL.path); run `make setup`",
                                at: Location(file: lockURL.path))
        }
        let lock = try FontLock(text: lockText, file: lockURL.path)
        try Self.verify(lock, in: directory)
        self.directory = directory
        self.lock = lock
        self.config = try Self.makeConfig(directory: directory)
    }

    deinit { FcConfigDestroy(config) }

    /// Finds `Fonts/` from `BANNERET_FONTS`, else by walking up from the working
    /// directory and from the executable, so `swift run`, tests and an installed
    /// binary inside a checkout all find it.
    public static func locateDirectory() throws -> URL {
        if let explicit = ProcessInfo.processInfo.environment["BANNERET_FONTS"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        let starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                      URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent(),
                      URL(fileURLWithPath: #filePath).deletingLastPathComponent()]
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0 ..< 8 {
                let candidate = folder.appendingPathComponent("Fonts")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("fonts.lock").path) {
                    return candidate
                }
                folder.deleteLastPathComponent()
            }
        }
        throw BanneretError(.fontMissing,
                            "cannot find Fonts/fonts.lock above \(FileManager.default.currentDirectoryPath); set BANNERET_FONTS")
    }

    private static let verified = VerifiedFonts()

    private static func verify(_ lock: FontLock, in directory: URL) throws {
        for entry in lock.entries {
            let url = directory.appendingPathComponent(entry.file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw BanneretError(.fontMissing,
                                    "font \(entry.file) is missing; run `make setup` to copy it from the Debian package \(entry.package)",
                                    at: Location(file: url.path))
            }
            // Hashing the 10 MB emoji font costs ~30 ms; do it once per process and file state.
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            let stamp = "\(url.path)|\(attributes?[.size] ?? 0)|\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
            if verified.contains(stamp, sha256: entry.sha256) { continue }
            let actual = try SHA256Hasher.hex(ofFile: url)
            guard actual == entry.sha256 else {
                throw BanneretError(.fontHashMismatch,
                                    "font \(entry.file) has SHA-256 \(actual) but fonts.lock pins \(entry.sha256); run `make setup` to restore it",
                                    at: Location(file: url.path))
            }
            verified.insert(stamp, sha256: entry.sha256)
        }
    }

    private static func makeConfig(directory: URL) throws -> OpaquePointer {
        guard let config = FcConfigCreate() else {
            throw BanneretError(.fontConfigFailed, "fontconfig could not create a configuration")
        }
        let cache = directory.appendingPathComponent(".cache")
        try? FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let families = fallbackFamilies.map { "<string>\($0)</string>" }.joined()
        // Own cache dir (a system cache may be stale or absent), and every
        // pattern gets the bundled families appended, so fallback never depends
        // on fontconfig's default sort over whatever happens to be installed.
        // Bitmap fonts (Noto Color Emoji: outline=false, 109 px strike) are scaled to
        // the requested pixel size, as the system's 10-scale-bitmap-fonts.conf
        // does; without it an emoji sets a 136 px line in 13 px text.
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
        <fontconfig>
          <cachedir>\(cache.path)</cachedir>
          <match target="pattern">
            <edit name="family" mode="append_last">\(families)</edit>
          </match>
          <match target="font">
            <test name="outline" compare="eq"><bool>false</bool></test>
            <edit name="pixelsizefixupfactor" mode="assign">
              <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide>
            </edit>
          </match>
          <match target="font">
            <test name="outline" compare="eq"><bool>false</bool></test>
            <edit name="matrix" mode="assign">
              <times><name>matrix</name>
                <matrix><name>pixelsizefixupfactor</name><double>0</double><double>0</double><name>pixelsizefixupfactor</name></matrix>
              </times>
            </edit>
            <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit>
          </match>
        </fontconfig>
        """
        let parsed = xml.withCString { FcConfigParseAndLoadFromMemory(config, $0, 1) }
        guard parsed != 0, FcConfigAppFontAddDir(config, directory.path) != 0 else {
            FcConfigDestroy(config)
            throw BanneretError(.fontConfigFailed, "fontconfig could not load \(directory.path)",
                                at: Location(file: directory.path))
        }
        return config
    }
}

/// Process-wide memo of font files already hashed.
private final class VerifiedFonts: @unchecked Sendable {
    private let lock = NSLock()
    private var stamps: Set<String> = []

    func contains(_ stamp: String, sha256: String) -> Bool {
        lock.withLock { stamps.contains(stamp + sha256) }
    }

    func insert(_ stamp: String, sha256: String) {
        lock.withLock { _ = stamps.insert(stamp + sha256) }
    }
}
