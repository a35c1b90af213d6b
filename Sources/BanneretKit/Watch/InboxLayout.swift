import Foundation

/// Where a job is in its life, as folders inside the inbox: dropped in the
/// inbox itself, claimed in `.processing/`, finished in `.done/` or set aside
/// in `.failed/` beside an `<name>.error.json` that says why. Moving between
/// them is a rename inside one filesystem, so a job is always in exactly one
/// place, whenever the daemon dies.
public struct InboxLayout: Sendable, Equatable {
    public let inbox: URL
    public var processing: URL { inbox.appendingPathComponent(".processing") }
    public var done: URL { inbox.appendingPathComponent(".done") }
    public var failed: URL { inbox.appendingPathComponent(".failed") }

    public init(inbox: URL) {
        self.inbox = inbox.standardizedFileURL
    }

    /// Checks the inbox exists and makes the three state folders. A missing
    /// inbox is an error rather than created: a mistyped path would
    /// otherwise be watched forever while the real folder fills up.
    public func prepare() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BanneretError(.inboxMissing, "the inbox folder does not exist", at: Location(file: inbox.path))
        }
        for folder in [processing, done, failed] {
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw BanneretError(.outputUnwritable, "cannot create \(folder.path): \(error.localizedDescription)",
                                    at: Location(file: folder.path))
            }
        }
    }

    /// The report beside a failed job.
    public func errorReport(for finalName: String) -> URL {
        failed.appendingPathComponent(finalName + ".error.json")
    }

    /// `name`, or `name` with a counter before its extension (`shoes.2.csv`,
    /// `spring.2`) when a job of that name already finished in `folder`.
    static func freeName(for name: String, kind: JobEntry.Kind, in folder: URL) -> String {
        var candidate = name
        var counter = 2
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent(candidate).path) {
            candidate = numbered(name, kind: kind, counter)
            counter += 1
        }
        return candidate
    }

    static func numbered(_ name: String, kind: JobEntry.Kind, _ counter: Int) -> String {
        let ext = (name as NSString).pathExtension
        guard kind != .folder, !ext.isEmpty else { return "\(name).\(counter)" }
        return "\((name as NSString).deletingPathExtension).\(counter).\(ext)"
    }
}
