import ArgumentParser
import BanneretKit
import Foundation
import Logging

/// `--log-format` and `--log-level`, shared by the commands that run work.
struct LoggingOptions: ParsableArguments {
    @Option(help: "text (for people) or json (one object per line, for log collectors).")
    var logFormat: LogFormat = .text

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    /// Installs the handler once per process and returns a logger for `label`.
    func logger(_ label: String) -> Logger {
        CommandLog.bootstrap(format: logFormat, level: logLevel)
        return Logger(label: label)
    }
}

enum LogFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

enum CommandLog {
    private static let once = NSLock()
    nonisolated(unsafe) private static var installed = false

    static func bootstrap(format: LogFormat, level: Logger.Level) {
        once.withLock {
            guard !installed else { return }
            installed = true
            LoggingSystem.bootstrap { label in
                var handler = StandardErrorLogHandler(label: label, format: format)
                handler.logLevel = level
                return handler
            }
        }
    }
}

/// Writes to stderr, whole lines under one lock so threads never interleave.
/// Text is the message alone (`warning: ` before warnings, `error: ` before
/// worse): messages are whole sentences and metadata repeats them for
/// machines. JSON is one object per line with `ts`, `level`, `label`,
/// `message` and the metadata as fields, numbers as numbers.
struct StandardErrorLogHandler: LogHandler {
    let label: String
    let format: LogFormat
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]
    private static let lock = NSLock()

    init(label: String, format: LogFormat) {
        self.label = label
        self.format = format
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let line = switch format {
        case .text: Self.textLine(level: event.level, message: "\(event.message)")
        case .json: Self.jsonLine(level: event.level, message: "\(event.message)", label: label, metadata: merged, date: Date())
        }
        Self.lock.withLock { FileHandle.standardError.write(Data(line.utf8)) }
    }

    static func textLine(level: Logger.Level, message: String) -> String {
        let prefix = level >= .warning ? "\(level == .warning ? "warning" : "error"): " : ""
        return prefix + message + "\n"
    }

    static func jsonLine(level: Logger.Level, message: String, label: String, metadata: Logger.Metadata, date: Date) -> String {
        var object: [String: Any] = ["ts": ISO8601DateFormatter.string(from: date, timeZone: .gmt,
                                                                          formatOptions: [.withInternetDateTime, .withFractionalSeconds]),
                                     "level": level.rawValue, "label": label, "message": message]
        for (key, value) in metadata { object[key] = Self.json(value) }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let value as Int): value
        case .stringConvertible(let value as Double): value.isFinite ? value as Any : NSNull()
        case .stringConvertible(let value): "\(value)"
        case .array(let items): items.map(json)
        case .dictionary(let items): items.mapValues(json)
        }
    }
}
