/// A value in a feed record before it becomes a product field: what a JSON
/// value, a CSV cell or an XML element holds. Numbers keep their literal
/// text so prices stay exact decimals.
enum FeedValue: Sendable, Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([FeedValue])
    case object([String: FeedValue])

    /// The value as text when it is a scalar: strings, numbers and booleans.
    var text: String? {
        switch self {
        case .string(let s), .number(let s): s
        case .bool(let b): b ? "true" : "false"
        case .null, .array, .object: nil
        }
    }

    /// Scalars as a one-element list, arrays as their scalar members.
    var texts: [String] {
        switch self {
        case .array(let values): values.compactMap(\.text)
        default: text.map { [$0] } ?? []
        }
    }

    subscript(key: String) -> FeedValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

/// One record as read from a feed, before mapping: its fields by name and the
/// line it starts on (for errors).
struct FeedRecord: Sendable {
    var fields: [String: FeedValue]
    var line: Int
}
