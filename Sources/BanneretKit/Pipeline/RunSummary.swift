import Foundation

/// The end-of-run account a person reads on one screen (and a log collector
/// reads as fields): what was rendered, skipped and rejected, and why.
public struct RunSummary: Sendable {
    public var report: GenerationReport
    public var jobs: Int
    public var manifest: String
    public var errors: String
    public var shard: String?

    public init(report: GenerationReport, jobs: Int, manifest: String, errors: String, shard: String? = nil) {
        self.report = report
        self.jobs = jobs
        self.manifest = manifest
        self.errors = errors
        self.shard = shard
    }

    /// Reasons, most frequent first (ties by name), so the line to act on comes first.
    public var reasons: [(code: String, count: Int)] {
        report.rejectedByReason.map { ($0.key, $0.value) }.sorted { ($1.count, $0.code) < ($0.count, $1.code) }
    }

    public var text: String {
        let rate = Double(report.bannersWritten) / max(report.seconds, 0.001)
        var lines = ["banneret: finished in \(String(format: "%.2f", report.seconds)) s" + (shard.map { ", shard \($0)" } ?? "")]
        lines.append("  rendered  \(report.bannersWritten) banners, \(Self.bytes(report.bytesWritten)) "
            + "(\(String(format: "%.0f", rate))/s with \(jobs) job\(jobs == 1 ? "" : "s"))")
        lines.append("  skipped   \(report.bannersReused) already done by an earlier run")
        if report.rejectedCount == 0 {
            lines.append("  rejected  0")
        } else {
            lines.append("  rejected  \(report.rejectedCount): "
                + reasons.map { "\($0.code) \($0.count)" }.joined(separator: ", ") + " → \(errors)")
        }
        lines.append("  products  \(report.productsRead) read from the feed")
        lines.append("  manifest  \(manifest)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as flat fields for a structured log line.
    public var fields: [(String, String)] {
        [("seconds", String(format: "%.3f", report.seconds)), ("rendered", "\(report.bannersWritten)"),
         ("bytes", "\(report.bytesWritten)"), ("skipped", "\(report.bannersReused)"), ("rejected", "\(report.rejectedCount)"),
         ("products", "\(report.productsRead)"), ("jobs", "\(jobs)"), ("manifest", manifest)]
            + reasons.map { ("rejected." + $0.code, "\($0.count)") }
    }

    /// 1,000-based units, as file managers and the IAB's budgets count.
    static func bytes(_ count: Int) -> String {
        switch count {
        case ..<1_000: "\(count) B"
        case ..<1_000_000: String(format: "%.1f kB", Double(count) / 1e3)
        case ..<1_000_000_000: String(format: "%.1f MB", Double(count) / 1e6)
        default: String(format: "%.2f GB", Double(count) / 1e9)
        }
    }
}
