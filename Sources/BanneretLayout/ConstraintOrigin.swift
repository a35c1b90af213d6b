/// Where a constraint came from, so that an error can point a person at the
/// template line that wrote it instead of at solver internals.
///
/// Every field is optional: a constraint built in code may know only its
/// element, one parsed from a template knows the file, line and column too.
public struct ConstraintOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The template file, as the person would type it (`Templates/hero.yaml`).
    public var file: String?
    /// 1-based line in ``file``.
    public var line: Int?
    /// 1-based column in ``file``.
    public var column: Int?
    /// The layout element the constraint belongs to (`cta`).
    public var element: String?
    /// The constraint as written in the template (`cta.top >= headline.bottom + 12`).
    public var source: String?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, element: String? = nil, source: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.element = element
        self.source = source
    }

    /// `Templates/hero.yaml:14:5 element 'cta'`, or as much of it as is known.
    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line {
                location += ":\(line)"
                if let column { location += ":\(column)" }
            }
        } else if let line {
            location = "line \(line)"
            if let column { location += ", column \(column)" }
        }
        var parts: [String] = []
        if !location.isEmpty { parts.append(location) }
        if let element { parts.append("element '\(element)'") }
        return parts.joined(separator: " ")
    }
}
