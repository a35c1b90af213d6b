/// The numbers a template may use as constants for one banner: the canvas
/// and the brand's spacing, in pixels.
struct LayoutConstants {
    let width: Double
    let height: Double
    private(set) var values: [String: Double]

    init(size: BannerSize, brand: BrandGuide, lets: [LetDefinition] = []) throws {
        width = Double(size.width)
        height = Double(size.height)
        let short = min(width, height)
        let logoMinimum = brand.logo?.minimumHeight ?? 0
        values = [
            "canvas.left": 0, "canvas.top": 0, "canvas.right": width, "canvas.bottom": height,
            "canvas.width": width, "canvas.height": height, "canvas.center_x": width / 2, "canvas.center_y": height / 2,
            "canvas.short": short, "canvas.long": max(width, height),
            "brand.margin": (brand.margin * short).rounded(), "brand.radius": brand.cornerRadius * short,
            "brand.logo_min_height": logoMinimum, "brand.logo_clear_space": (brand.logo?.clearSpace ?? 0) * logoMinimum,
        ]
        for definition in lets {
            values["let.\(definition.name)"] = try evaluate(definition.expression, source: definition.source, element: nil)
        }
    }

    /// Evaluates an expression of constants only (sizes, radii, conditions). Every
    /// step must stay finite: an infinity or NaN (`1e300 * 1e300`) would reach the
    /// solver and Cairo, where it has no meaning.
    func evaluate(_ expression: LayoutExpression, source: SourceText, element: String?) throws -> Double {
        let value = try evaluateStep(expression, source: source, element: element)
        guard value.isFinite else {
            throw BanneretError(.templateInvalid, "`\(source.text)` overflows to \(value)", at: source.location(offset: 0, element: element))
        }
        return value
    }

    private func evaluateStep(_ expression: LayoutExpression, source: SourceText, element: String?) throws -> Double {
        switch expression {
        case .number(let value): return value
        case .reference(let object, let attribute, let column):
            guard let value = values["\(object).\(attribute)"] else {
                throw BanneretError(.templateInvalid, "\(object).\(attribute) is not a constant here",
                                    at: source.location(offset: column, element: element))
            }
            return value
        case .add(let a, let b): return try evaluate(a, source: source, element: element) + evaluate(b, source: source, element: element)
        case .subtract(let a, let b): return try evaluate(a, source: source, element: element) - evaluate(b, source: source, element: element)
        case .multiply(let a, let b, _): return try evaluate(a, source: source, element: element) * evaluate(b, source: source, element: element)
        case .divide(let a, let b, let column):
            let divisor = try evaluate(b, source: source, element: element)
            guard divisor != 0 else {
                throw BanneretError(.templateInvalid, "division by zero", at: source.location(offset: column, element: element))
            }
            return try evaluate(a, source: source, element: element) / divisor
        case .negate(let a): return try -evaluate(a, source: source, element: element)
        case .call(let function, let arguments, _):
            let values = try arguments.map { try evaluate($0, source: source, element: element) }
            return function == "min" ? values.min()! : values.max()!
        }
    }

    /// A text size range in pixels, never below the legibility floor and never inverted.
    func sizeRange(_ size: (min: LayoutExpression, max: LayoutExpression), source: SourceText,
                   element: String) throws -> ClosedRange<Double> {
        func quarter(_ v: Double) -> Double { (v * 4).rounded() / 4 }
        let low = max(TemplateLayout.minimumFontSize, quarter(try evaluate(size.min, source: source, element: element)))
        let high = max(low, quarter(try evaluate(size.max, source: source, element: element)))
        return low ... high
    }
}

/// Product and brand facts that `when:` conditions test.
struct ConditionFacts {
    let flags: [String: Bool]

    init(input: LayoutInput) {
        let product = input.product
        flags = [
            "sale": product.discountPercent != nil,
            "description": !product.description.isEmpty,
            "image": input.imagePath != nil,
            // An opaque picture (a photo to crop and bleed), not a cut-out on transparency.
            "photo": input.imagePath != nil && input.imageIsOpaque,
            "logo": input.logoForLightBackground != nil,
            "price": product.price != nil,
            "brand": !(product.brand ?? "").isEmpty,
        ]
    }

    func holds(_ condition: Condition, constants: LayoutConstants) throws -> Bool {
        switch condition {
        case .flag(let name, let negated):
            return (flags[name] ?? false) != negated
        case .compare(let statement):
            let left = try constants.evaluate(statement.left, source: statement.source, element: nil)
            let right = try constants.evaluate(statement.right, source: statement.source, element: nil)
            switch statement.relation {
            case .equal: return abs(left - right) < 1e-9
            case .lessOrEqual: return left <= right
            case .greaterOrEqual: return left >= right
            }
        }
    }
}
