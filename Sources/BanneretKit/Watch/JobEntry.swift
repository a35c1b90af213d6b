import Foundation

/// Something dropped into a watch folder that is a job: a job file, a folder
/// holding `job.yaml`, or a bare feed. Anything else (dot-entries, markers,
/// half-uploaded `*.part` files, a folder without `job.yaml`) is left alone,
/// so uploads that write under a temporary name and rename at the end are
/// never taken early.
public struct JobEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// `*.yaml` / `*.yml`: a job file whose paths are relative to the folder it was dropped in.
        case jobFile = "job_file"
        /// A folder holding `job.yaml`; its paths are relative to the folder, which travels with it.
        case folder
        /// A feed on its own, rendered with the daemon's brand and templates.
        case feed
    }

    /// The name it was dropped under, which it keeps through `.processing/`, `.done/` and `.failed/`.
    public var name: String
    public var kind: Kind

    public init(name: String, kind: Kind) {
        self.name = name
        self.kind = kind
    }

    public static let jobFileName = "job.yaml"
    static let jobExtensions: Set<String> = ["yaml", "yml"]
    static let feedExtensions: Set<String> = ["xml", "csv", "tsv", "json", "jsonl"]

    /// What a directory entry is, or nil when it is no job. `folderHoldsJob`
    /// is only asked for folders.
    public static func classify(name: String, isDirectory: Bool, folderHoldsJob: () -> Bool) -> JobEntry? {
        guard !name.hasPrefix("."), !name.isEmpty else { return nil }
        if isDirectory { return folderHoldsJob() ? JobEntry(name: name, kind: .folder) : nil }
        let ext = (name as NSString).pathExtension.lowercased()
        if jobExtensions.contains(ext) { return JobEntry(name: name, kind: .jobFile) }
        if feedExtensions.contains(ext) { return JobEntry(name: name, kind: .feed) }
        return nil
    }

    /// The folder its results go to under the output folder: the name without
    /// its extension (`shoes.csv` → `shoes`), a folder's name as it is. A job
    /// dropped again under the same name replaces its earlier results.
    public var outputName: String {
        guard kind != .folder else { return name }
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// The marker that says the entry is complete: `<name>.ready`.
    public var markerName: String { name + ".ready" }
}
