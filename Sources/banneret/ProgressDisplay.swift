import BanneretKit
import Foundation

/// Shows how a run is going on stderr: one line rewritten in place on a
/// terminal; elsewhere (a log file, a job engine's console) a plain line
/// every few seconds, so logs stay readable.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastLine = Date.distantPast
    private let interval: TimeInterval

    init(interval: TimeInterval = 5) {
        self.interval = interval
    }

    func update(_ progress: GenerationProgress) {
        lock.withLock {
            let now = Date()
            guard isTerminal || now.timeIntervalSince(lastLine) >= interval else { return }
            lastLine = now
            let line = Self.describe(progress)
            FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + line : line + "\n").utf8))
        }
    }

    /// Ends the rewritten line so later output starts on its own.
    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func describe(_ progress: GenerationProgress) -> String {
        let rate = Double(progress.bannersWritten) / max(progress.seconds, 0.001)
        var parts: [String] = []
        if let total = progress.groupsTotal, total > 0 {
            let share = Double(progress.groupsDone) / Double(total)
            parts.append("\(progress.groupsDone)/\(total) product×size (\(Int(share * 100))%)")
            if share > 0, share < 1 {
                let remaining = progress.seconds / share - progress.seconds
                parts.append("ETA \(Self.clock(remaining))")
            }
        } else {
            parts.append("\(progress.groupsDone) product×size")
        }
        parts.append("\(progress.bannersWritten) rendered (\(Int(rate))/s)")
        if progress.bannersReused > 0 { parts.append("\(progress.bannersReused) already done") }
        if progress.rejected > 0 { parts.append("\(progress.rejected) rejected") }
        return "banneret: " + parts.joined(separator: " · ")
    }

    static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}

/// Turns SIGINT and SIGTERM into a stop request: banners in flight finish,
/// finished work is kept for the next run.
final class StopSignals {
    let flag = CancellationFlag()
    private(set) var received: Int32?
    private var sources: [DispatchSourceSignal] = []

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                self?.received = signalNumber
                self?.flag.cancel()
                FileHandle.standardError.write(Data("\nbanneret: stopping after the banners in flight; run again to finish\n".utf8))
            }
            source.resume()
            sources.append(source)
        }
    }
}
