import Foundation

/// The daemon's log: one JSON object per line on stderr (`ts`, `level`,
/// `event`, `job`, then the event's own fields), so journald, Loki or a
/// `jq` one-liner can follow a job from claim to `.done/` without parsing prose.
public final class WatchLog: @unchecked Sendable {
    // @unchecked: writes are serialised by `lock`.
    public enum Level: String, Sendable {
        case debug, info, warning, error
    }

    /// A field's value: text, a whole number, a number, or a flag.
    public enum Value: Sendable, Equatable {
        case text(String)
        case int(Int)
        case number(Double)
        case flag(Bool)
    }

    private let lock = NSLock()
    private let write: @Sendable (Data) -> Void
    private let clock: @Sendable () -> Date
    private let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    public init(write: @escaping @Sendable (Data) -> Void = { FileHandle.standardError.write($0) },
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.write = write
        self.clock = clock
    }

    public func log(_ event: String, job: String? = nil, _ fields: [(String, Value)] = []) {
        log(.info, event, job: job, fields)
    }

    public func log(_ level: Level, _ event: String, job: String? = nil, _ fields: [(String, Value)] = []) {
        lock.withLock {
            var line = "{\"ts\":\(Self.quote(formatter.string(from: clock()))),\"level\":\"\(level.rawValue)\",\"event\":\(Self.quote(event))"
            if let job { line += ",\"job\":\(Self.quote(job))" }
            for (key, value) in fields {
                line += ",\(Self.quote(key)):"
                switch value {
                case .text(let text): line += Self.quote(text)
                case .int(let number): line += String(number)
                case .number(let number): line += number.isFinite ? String(format: "%.3f", number) : "null"
                case .flag(let flag): line += flag ? "true" : "false"
                }
            }
            write(Data((line + "}\n").utf8))
        }
    }

    /// A JSON string literal.
    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
