/// Checks a parsed template before any banner is laid out: every name
/// resolves, every element has what its kind needs, and every constraint is
/// linear. Errors point at the line and column and suggest the closest name.
enum TemplateChecker {
    /// Attributes of every element, solved per banner.
    static let elementAttributes = ["left", "right", "top", "bottom", "width", "height", "center_x", "center_y"]
    /// Constants of the canvas.
    static let canvasAttributes = ["left", "right", "top", "bottom", "width", "height", "center_x", "center_y",
                                   "short", "long"]
    /// Constants from the brand guide, in pixels for the banner at hand.
    static let brandAttributes = ["margin", "radius", "logo_min_height", "logo_clear_space"]

    static func check(_ template: Template) throws {
        let ids = template.elements.map(\.id)
        for element in template.elements {
            try checkProperties(element.properties, kind: element.kind, element: element, ids: ids, isOverride: false)
        }
        for statement in template.constraints { try checkStatement(statement, ids: ids) }
        for (_, rules) in template.sizeClasses {
            for statement in rules.constraints { try checkStatement(statement, ids: ids) }
            for (id, properties) in rules.overrides {
                guard let element = template.elements.first(where: { $0.id == id }) else {
                    throw BanneretError(.templateUnknownName, "size class overrides unknown element '\(id)'"
                                        + DidYouMean.hint(for: id, in: ids), at: Location(file: template.file, element: id))
                }
                try checkProperties(properties, kind: element.kind, element: element, ids: ids, isOverride: true)
            }
        }
    }

    private static func checkProperties(_ p: ElementProperties, kind: TemplateElement.Kind, element: TemplateElement,
                                        ids: [String], isOverride: Bool) throws {
        let at = element.source.location(element: element.id)
        func require(_ present: Bool, _ what: String) throws {
            guard isOverride || present else {
                throw BanneretError(.templateInvalid, "\(kind.rawValue) element '\(element.id)' needs \(what)", at: at)
            }
        }
        func forbid(_ present: Bool, _ what: String) throws {
            guard !present else {
                throw BanneretError(.templateInvalid, "'\(what)' does not apply to a \(kind.rawValue) element", at: at)
            }
        }
        switch kind {
        case .shape:
            try require(p.shape != nil, "a shape (rectangle, rounded, pill or ellipse)")
            try require(p.fill != nil, "a fill")
            try forbid(p.binding != nil || p.font != nil || p.size != nil, "text properties")
            try forbid(p.image != nil, "image")
        case .image:
            try require(p.image != nil, "an image source (product or logo)")
            try forbid(p.binding != nil || p.font != nil || p.size != nil, "text properties")
        case .text:
            try require(p.binding != nil, "a 'bind' (title, description, price, …) or a literal 'text'")
            try require(p.font != nil, "a font role (display, body or price)")
            try require(p.size != nil, "a size range [minimum, maximum]")
            try forbid(p.image != nil || p.shape != nil, "image or shape")
        }
        for expression in [p.radius, p.size?.min, p.size?.max].compactMap({ $0 }) {
            try checkConstant(expression, source: element.source, element: element.id)
        }
        for condition in p.when ?? [] {
            if case .compare(let statement) = condition {
                try checkConstant(statement.left, source: statement.source, element: element.id)
                try checkConstant(statement.right, source: statement.source, element: element.id)
            }
        }
    }

    /// Sizes, radii and conditions may use only canvas and brand constants.
    private static func checkConstant(_ expression: LayoutExpression, source: SourceText, element: String) throws {
        try visitReferences(expression) { object, attribute, column in
            guard object == "canvas" || object == "brand" else {
                throw BanneretError(.templateInvalid, "only canvas.* and brand.* can be used here, not \(object).\(attribute)",
                                    at: source.location(offset: column, element: element))
            }
            try checkReference(object, attribute, column: column, source: source, ids: [])
        }
    }

    private static func checkStatement(_ statement: ConstraintStatement, ids: [String]) throws {
        for side in [statement.left, statement.right] {
            try visitReferences(side) { object, attribute, column in
                try checkReference(object, attribute, column: column, source: statement.source, ids: ids)
            }
            try checkLinear(side, source: statement.source)
        }
    }

    private static func checkReference(_ object: String, _ attribute: String, column: Int, source: SourceText,
                                       ids: [String]) throws {
        let attributes: [String]
        switch object {
        case "canvas": attributes = canvasAttributes
        case "brand": attributes = brandAttributes
        default:
            guard ids.contains(object) else {
                throw BanneretError(.templateUnknownName, "unknown element '\(object)'"
                                    + DidYouMean.hint(for: object, in: ids + ["canvas", "brand"]),
                                    at: source.location(offset: column))
            }
            attributes = elementAttributes
        }
        guard attributes.contains(attribute) else {
            throw BanneretError(.templateUnknownName, "'\(object)' has no attribute '\(attribute)'"
                                + DidYouMean.hint(for: attribute, in: attributes) + "; it has " + attributes.joined(separator: ", "),
                                at: source.location(offset: column + object.count + 1))
        }
    }

    /// A product or quotient of two solved quantities is not linear; Cassowary cannot solve it.
    private static func checkLinear(_ expression: LayoutExpression, source: SourceText) throws {
        switch expression {
        case .number, .reference: return
        case .add(let a, let b), .subtract(let a, let b):
            try checkLinear(a, source: source)
            try checkLinear(b, source: source)
        case .negate(let a): try checkLinear(a, source: source)
        case .multiply(let a, let b, let column):
            if !isConstant(a) && !isConstant(b) {
                throw BanneretError(.templateNotLinear, "both sides of '*' depend on the layout; one must be a constant",
                                    at: source.location(offset: column))
            }
            try checkLinear(a, source: source)
            try checkLinear(b, source: source)
        case .divide(let a, let b, let column):
            if !isConstant(b) {
                throw BanneretError(.templateNotLinear, "can only divide by a constant", at: source.location(offset: column))
            }
            try checkLinear(a, source: source)
        }
    }

    static func isConstant(_ expression: LayoutExpression) -> Bool {
        switch expression {
        case .number: true
        case .reference(let object, _, _): object == "canvas" || object == "brand"
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b, _), .divide(let a, let b, _):
            isConstant(a) && isConstant(b)
        case .negate(let a): isConstant(a)
        }
    }

    static func visitReferences(_ expression: LayoutExpression,
                                _ visit: (String, String, Int) throws -> Void) throws {
        switch expression {
        case .number: return
        case .reference(let object, let attribute, let column): try visit(object, attribute, column)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b, _), .divide(let a, let b, _):
            try visitReferences(a, visit)
            try visitReferences(b, visit)
        case .negate(let a): try visitReferences(a, visit)
        }
    }
}
