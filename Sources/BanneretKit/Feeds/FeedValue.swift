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
    var fields: FeedFields
    var line: Int

    init(fields: FeedFields, line: Int) {
        self.fields = fields
        self.line = line
    }

    init(fields: [String: FeedValue], line: Int) {
        self.init(fields: FeedFields(fields), line: line)
    }
}

/// A record's fields, in the order read. A record has a dozen or so fields,
/// so a linear scan over short names beats hashing each name into a
/// dictionary, which was a fifth of the cost of reading a feed.
struct FeedFields: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    private var pairs: [(name: String, value: FeedValue)] = []

    init() {}

    init(_ dictionary: [String: FeedValue]) {
        pairs = dictionary.map { ($0.key, $0.value) }
    }

    init(dictionaryLiteral elements: (String, FeedValue)...) {
        for (name, value) in elements { self[name] = value }
    }

    mutating func reserveCapacity(_ count: Int) { pairs.reserveCapacity(count) }

    var names: [String] { pairs.map(\.name) }

    subscript(name: String) -> FeedValue? {
        get { pairs.first { $0.name == name }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.name == name }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((name, newValue))
            }
        }
    }

    @discardableResult
    mutating func removeValue(forKey name: String) -> FeedValue? {
        defer { self[name] = nil }
        return self[name]
    }

    func makeIterator() -> some IteratorProtocol<(name: String, value: FeedValue)> { pairs.makeIterator() }

    static func == (a: FeedFields, b: FeedFields) -> Bool {
        a.pairs.count == b.pairs.count && a.pairs.allSatisfy { b[$0.name] == $0.value }
    }
}
