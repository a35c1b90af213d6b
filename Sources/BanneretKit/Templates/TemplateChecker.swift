/// Checks a parsed template before any banner is laid out: every name
/// resolves, every element has what its kind needs, and every constraint is
/// linear. Errors point at the line and column and suggest the closest name.
struct TemplateChecker {
    /// Attributes of every element, solved per banner.
    static let elementAttributes = ["left", "right", "top", "bottom", "width", "height", "center_x", "center_y"]
    /// Constants of the canvas.
    static let canvasAttributes = ["left", "right", "top", "bottom", "width", "height", "center_x", "center_y",
                                   "short", "long"]
    /// Constants from the brand guide, in pixels for the banner at hand.
    static let brandAttributes = ["margin", "radius", "logo_min_height", "logo_clear_space"]
    /// Names whose attributes are numbers known before solving.
    static let constantObjects: Set<String> = ["canvas", "brand", "let"]

    let ids: [String]
    /// Every `let` name the template defines, at the top or in any size class.
    let lets: [String]

    static func check(_ template: Template) throws {
        let ids = template.elements.map(\.id)
        // A let may use canvas, brand and the lets before it (the template's, then its size class's).
        var topLevel: [String] = []
        for definition in template.lets {
            try TemplateChecker(ids: ids, lets: topLevel).checkConstant(definition.expression, source: definition.source, element: nil)
            topLevel.append(definition.name)
        }
        var all = Set(topLevel)
        for (_, rules) in template.sizeClasses {
            var scope = topLevel
            for definition in rules.lets {
                try TemplateChecker(ids: ids, lets: scope).checkConstant(definition.expression, source: definition.source, element: nil)
                scope.append(definition.name)
            }
            all.formUnion(scope)
        }
        let checker = TemplateChecker(ids: ids, lets: all.sorted())
        for element in template.elements {
            try checker.checkProperties(element.properties, kind: element.kind, element: element, isOverride: false)
        }
        for statement in template.constraints { try checker.checkStatement(statement) }
        for (_, rules) in template.sizeClasses {
            for statement in rules.constraints { try checker.checkStatement(statement) }
            for (id, properties) in rules.overrides {
                guard let element = template.elements.first(where: { $0.id == id }) else {
                    throw BanneretError(.templateUnknownName, "size class overrides unknown element '\(id)'"
                                        + DidYouMean.hint(for: id, in: ids), at: Location(file: template.file, element: id))
                }
                try checker.checkProperties(properties, kind: element.kind, element: element, isOverride: true)
            }
        }
    }

    private func checkProperties(_ p: ElementProperties, kind: TemplateElement.Kind, element: TemplateElement,
                                 isOverride: Bool) throws {
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
            try require(p.shape != nil, "a shape (rectangle, rounded, pill, ellipse or burst)")
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

    /// Sizes, radii, conditions and lets may use only canvas, brand and let constants.
    func checkConstant(_ expression: LayoutExpression, source: SourceText, element: String?) throws {
        try Self.visitReferences(expression) { object, attribute, column in
            guard Self.constantObjects.contains(object) else {
                throw BanneretError(.templateInvalid, "only canvas.*, brand.* and let.* can be used here, not \(object).\(attribute)",
                                    at: source.location(offset: column, element: element))
            }
            try checkReference(object, attribute, column: column, source: source)
        }
    }

    private func checkStatement(_ statement: ConstraintStatement) throws {
        for side in [statement.left, statement.right] {
            try Self.visitReferences(side) { object, attribute, column in
                try checkReference(object, attribute, column: column, source: statement.source)
            }
            try Self.checkLinear(side, source: statement.source)
        }
    }

    private func checkReference(_ object: String, _ attribute: String, column: Int, source: SourceText) throws {
        let attributes: [String]
        switch object {
        case "canvas": attributes = Self.canvasAttributes
        case "brand": attributes = Self.brandAttributes
        case "let": attributes = lets
        default:
            guard ids.contains(object) else {
                throw BanneretError(.templateUnknownName, "unknown element '\(object)'"
                                    + DidYouMean.hint(for: object, in: ids + ["canvas", "brand", "let"]),
                                    at: source.location(offset: column))
            }
            attributes = Self.elementAttributes
        }
        guard attributes.contains(attribute) else {
            let known = attributes.isEmpty ? "; it defines none" : "; it has " + attributes.joined(separator: ", ")
            throw BanneretError(.templateUnknownName, "'\(object)' has no \(object == "let" ? "constant" : "attribute") '\(attribute)'"
                                + DidYouMean.hint(for: attribute, in: attributes) + known,
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
        case .call(let function, let arguments, let column):
            guard arguments.allSatisfy(isConstant) else {
                throw BanneretError(.templateNotLinear, "\(function)() takes only canvas, brand and let constants",
                                    at: source.location(offset: column))
            }
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
        case .reference(let object, _, _): constantObjects.contains(object)
        case .call(_, let arguments, _): arguments.allSatisfy(isConstant)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b, _), .divide(let a, let b, _):
            isConstant(a) && isConstant(b)
        case .negate(let a): isConstant(a)
        }
    }

    static func visitReferences(_ expression: LayoutExpression, _ visit: (String, String, Int) throws -> Void) throws {
        switch expression {
        case .number: return
        case .reference(let object, let attribute, let column): try visit(object, attribute, column)
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b, _), .divide(let a, let b, _):
            try visitReferences(a, visit)
            try visitReferences(b, visit)
        case .negate(let a): try visitReferences(a, visit)
        case .call(_, let arguments, _): for argument in arguments { try visitReferences(argument, visit) }
        }
    }
}
