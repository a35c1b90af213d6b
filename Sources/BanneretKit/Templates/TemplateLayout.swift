import BanneretLayout
import Foundation

/// Lays out one banner from a template: compiles the size class's
/// constraints for the banner's canvas and brand, lets text and images say
/// how big they are through the measure seam, and solves.
///
/// Text is sized the way Yoga's measure functions size leaves, adapted to
/// Cassowary: each text's height (and width, with `hug_width`) is an edit
/// variable. Single lines are fitted first, then multi-line texts in template
/// order; for each, the solver is asked how much room the required
/// constraints leave (suggest a huge size, re-solve), the text is fitted into
/// that room, and the fitted size is suggested back so the rest reflows.
struct TemplateLayout {
    let template: Template
    let measurer: TextMeasuring

    /// Text sizes outrank every template preference (even `!strong`), but never a required
    /// constraint: a probe for room, an unfitted text's one-line minimum, a fitted text's size.
    static let probeStrength = Strength.create(10, 0, 0)
    static let minimumStrength = Strength.create(100, 0, 0)
    static let pinStrength = Strength.create(500, 0, 0)
    /// Nothing smaller is legible on a banner.
    static let minimumFontSize = 9.0

    fileprivate struct Item {
        let element: TemplateElement
        let properties: ElementProperties
        /// The product it shows: the banner's own, or another of a catalogue grid's group.
        let source: LayoutInput
        let left: Variable, top: Variable, width: Variable, height: Variable
        var text: String?
        var style: TextStyle?
        var fitted: FittedText?
        var dropped = false
    }

    /// The banner's constraint system before any text is measured: one box per present
    /// element, the template's constraints for the size class, intrinsic aspect ratios.
    struct Compiled {
        let solver: Solver
        fileprivate var items: [Item]
        let constants: LayoutConstants
        let where_: String
        let add: (Constraint) throws -> Void
        /// The constraints as compiled, before text adds its own.
        let constraints: [Constraint]
        var constraintCount: Int { constraints.count }
        /// The solver's variables, four per element.
        var variables: [Variable] { items.flatMap { [$0.left, $0.top, $0.width, $0.height] } }
    }

    func compile(_ input: LayoutInput) throws -> Compiled {
        let size = input.size
        let sizeClass = SizeClass(size)
        guard let (ruleClass, rules) = ([sizeClass] + sizeClass.fallbacks).lazy
            .compactMap({ c in template.sizeClasses[c].map { (c, $0) } }).first else {
            throw BanneretError(.templateInvalid, "template '\(template.name)' has no rules for \(sizeClass.rawValue) sizes "
                                + "such as \(size); add size_classes.\(sizeClass.rawValue)", at: Location(file: template.file))
        }
        let constants = try LayoutConstants(size: size, brand: input.brand, lets: template.lets + rules.lets)
        // The facts `when:` tests, per product of the group: item 1 first.
        let conditions = ([input] + input.companions).map(ConditionFacts.init(input:))

        // Active elements, with this size class's overrides applied.
        var items: [Item] = []
        for element in template.elements {
            var properties = element.properties
            if let override = rules.overrides[element.id] { properties = properties.overridden(by: override) }
            if properties.hidden == true { continue }
            guard let source = input.forItem(properties.item) else { continue }
            let facts = conditions[(properties.item ?? 1) - 1]
            guard try (properties.when ?? []).allSatisfy({ try facts.holds($0, constants: constants) }) else { continue }
            var text: String?
            if element.kind == .text {
                text = TextBindingResolver.text(for: properties.binding!, input: source)
                guard let value = text, !value.isEmpty else { continue }
            }
            if element.kind == .image {
                let picture = properties.image == .logo ? source.logoForLightBackground : source.imagePath
                guard picture != nil else { continue }
            }
            let id = element.id
            items.append(Item(element: element, properties: properties, source: source, left: Variable("\(id).left"),
                              top: Variable("\(id).top"), width: Variable("\(id).width"),
                              height: Variable("\(id).height"), text: text))
        }
        let index = Dictionary(uniqueKeysWithValues: items.enumerated().map { ($1.element.id, $0) })

        let solver = Solver()
        let compiler = ConstraintCompiler(constants: constants, variables: { id in
            index[id].map { (items[$0].left, items[$0].top, items[$0].width, items[$0].height) }
        })
        let where_ = "at \(size) (\(ruleClass.rawValue) rules)"
        // The system is added in one batch (one solve instead of one per constraint); text
        // measurement later adds its constraints one at a time through `addNow`.
        var added: [Constraint] = []
        func add(_ constraint: Constraint) { added.append(constraint) }
        let addNow: (Constraint) throws -> Void = { constraint in
            do throws(LayoutError) {
                try solver.addConstraint(constraint)
            } catch {
                throw Self.translate(error, where: where_, template: template)
            }
        }

        // Every box has a non-negative size; text stays on the canvas.
        for item in items {
            add(Constraint(Expression(item.width), .greaterOrEqual))
            add(Constraint(Expression(item.height), .greaterOrEqual))
            if item.element.kind == .text {
                add(Constraint(Expression(item.left), .greaterOrEqual))
                add(Constraint(Expression(item.top), .greaterOrEqual))
                add(Constraint(item.left + item.width - constants.width, .lessOrEqual))
                add(Constraint(item.top + item.height - constants.height, .lessOrEqual))
            }
            if item.element.kind == .image, item.properties.keepAspect == true {
                let ratio = item.properties.image == .logo ? input.logoAspectRatio : item.source.imageAspectRatio
                add(Constraint(item.width - ratio * item.height, .equal,
                                   origin: ConstraintOrigin(file: template.file, line: item.element.source.line,
                                                            element: item.element.id, source: "keep_aspect")))
            }
        }
        // The template's own constraints, skipping those about absent elements.
        var placed: Set<String> = []
        for statement in template.constraints + rules.constraints {
            guard let constraint = try compiler.compile(statement) else { continue }
            add(constraint)
            for term in constraint.expression.terms { placed.insert(String(term.variable.name.prefix { $0 != "." })) }
        }
        // An element no constraint mentions would land wherever the solver likes: a template bug.
        if let loose = items.first(where: { !placed.contains($0.element.id) }) {
            throw BanneretError(.templateInvalid, "no constraint of the \(ruleClass.rawValue) rules places '\(loose.element.id)'; "
                                + "add constraints for it or hide it there with `\(loose.element.id): { hidden: true }`",
                                at: loose.element.source.location(element: loose.element.id))
        }
        do throws(LayoutError) {
            try solver.addConstraints(added)
        } catch {
            throw Self.translate(error, where: where_, template: template)
        }
        return Compiled(solver: solver, items: items, constants: constants, where_: where_, add: addNow, constraints: added)
    }

    func spec(for input: LayoutInput) throws -> BannerSpec {
        let compiled = try compile(input)
        let solver = compiled.solver, constants = compiled.constants, where_ = compiled.where_, add = compiled.add
        var items = compiled.items

        // Measure and fit text. Strengths, highest first: a fitted text's size (pinned), an
        // unfitted text's one-line minimum, the probe for how much room a text can have.
        var textItems = items.indices.filter { items[$0].element.kind == .text }
        textItems.sort { a, b in
            let la = (items[a].properties.maxLines ?? 1) == 1, lb = (items[b].properties.maxLines ?? 1) == 1
            return la != lb ? la : a < b
        }
        var minimums: [Int: Constraint] = [:]
        var minimumWidths: [Int: Constraint] = [:]
        var naturalWidths: [Int: Double] = [:]
        for i in textItems {
            let properties = items[i].properties
            // Checked before any shaping: see InputLimits.maximumTextCharacters.
            let characters = items[i].text!.unicodeScalars.count
            if characters > InputLimits.maximumTextCharacters {
                throw BanneretError(.textTooLong, "text '\(items[i].element.id)' is \(characters) characters; at most "
                                    + "\(InputLimits.maximumTextCharacters) are shaped",
                                    at: Location(file: template.file, element: items[i].element.id))
            }
            let range = try constants.sizeRange(properties.size!, source: items[i].element.source, element: items[i].element.id)
            let style = TextStyle(font: input.brand.typography(pairing: input.variant.fontPairing).role(properties.font!),
                                  minimumSize: range.lowerBound, maximumSize: range.upperBound,
                                  color: ColorResolver.color(properties.color ?? ColorSpec(role: "text"), input: items[i].source, forText: true),
                                  alignment: properties.align ?? .leading, verticalAlignment: properties.verticalAlign ?? .top,
                                  maximumLines: properties.maxLines ?? 1, lineHeight: properties.lineHeight ?? 1.12,
                                  allowsEllipsis: properties.ellipsis ?? true, strikethrough: properties.strikethrough ?? false)
            items[i].style = style
            let oneLine = measurer.fit(items[i].text!, style: style.pinned(at: style.minimumSize, lines: 1), in: (1e6, 1e6))
            let minimum = Constraint(items[i].height - oneLine.height, .greaterOrEqual, strength: Self.minimumStrength)
            try add(minimum)
            minimums[i] = minimum
            try solver.addEditVariable(items[i].height, strength: Self.probeStrength)
            try solver.suggestValue(items[i].height, oneLine.height)
            if properties.hugWidth != true {
                // A text box whose width the template leaves free takes all it may; without
                // this a free width is any optimum the solver happens to pick, 0 included.
                try add(Constraint(items[i].width - constants.width, .equal, strength: .weak))
            }
            if properties.hugWidth == true {
                // Until its turn, a hugging text holds the width of one line at its minimum size;
                // on its turn it asks for its natural width at the maximum size.
                let narrowest = measurer.fit(items[i].text!, style: style.pinned(at: style.minimumSize, lines: 1), in: (1e6, 1e6))
                let natural = measurer.fit(items[i].text!, style: style.pinned(at: style.maximumSize, lines: 1), in: (1e6, 1e6))
                naturalWidths[i] = natural.width + 1
                let minimumWidth = Constraint(items[i].width - narrowest.width - 1, .greaterOrEqual, strength: Self.minimumStrength)
                try add(minimumWidth)
                minimumWidths[i] = minimumWidth
                try solver.addEditVariable(items[i].width, strength: Self.probeStrength)
                try solver.suggestValue(items[i].width, narrowest.width + 1)
            }
        }
        for i in textItems {
            let item = items[i]
            try solver.suggestValue(item.height, constants.height * 2)
            if let natural = naturalWidths[i] { try solver.suggestValue(item.width, natural) }
            solver.updateVariables()
            let box = (width: item.width.value, height: item.height.value)
            var fitted = measurer.fit(item.text!, style: item.style!, in: box)
            if fitted.overflows {
                guard item.properties.optional == true else {
                    throw BanneretError(.textOverflow, "text '\(item.element.id)' does not fit the \(Int(box.width))×\(Int(box.height)) px "
                                        + "its constraints leave \(where_), even at \(fitted.fontSize) px"
                                        + (item.style!.allowsEllipsis ? " with an ellipsis" : " (it is never shortened)"),
                                        at: item.element.source.location(element: item.element.id))
                }
                items[i].dropped = true
                fitted.height = 0
            }
            items[i].fitted = fitted
            // Pin what was set, so later probes cannot squeeze it.
            try solver.removeEditVariable(item.height)
            if let minimum = minimums[i] { try solver.removeConstraint(minimum) }
            try add(Constraint(item.height - fitted.height, .equal, strength: Self.pinStrength))
            if item.properties.hugWidth == true {
                try solver.removeEditVariable(item.width)
                if let minimum = minimumWidths[i] { try solver.removeConstraint(minimum) }
                let width = items[i].dropped ? 0 : min(box.width, (fitted.width + 1).rounded(.up))
                try add(Constraint(item.width - width, .equal, strength: Self.pinStrength))
            }
        }
        solver.updateVariables()

        return try build(items: items, input: input, constants: constants, where_: where_)
    }

    private func build(items: [Item], input: LayoutInput, constants: LayoutConstants, where_: String) throws -> BannerSpec {
        var elements: [BannerSpec.Element] = []
        var underlays: Set<String> = []
        for item in items where !item.dropped {
            let frame = Rect(x: item.left.value, y: item.top.value, width: item.width.value, height: item.height.value)
            let id = item.element.id
            let at = item.element.source.location(element: id)
            let radius = try item.properties.radius.map { try constants.evaluate($0, source: item.element.source, element: id) } ?? 0
            if item.properties.underlay == true { underlays.insert(id) }
            switch item.element.kind {
            case .shape:
                var kind = item.properties.shape!
                if case .roundedRectangle = kind { kind = .roundedRectangle(radius: radius) }
                guard frame.width >= 0.5, frame.height >= 0.5 else { continue }
                elements.append(.shape(ShapeElement(id: id, frame: frame, kind: kind,
                                                    fill: ColorResolver.fill(item.properties.fill!, input: item.source))))
            case .image:
                guard frame.width >= 1, frame.height >= 1 else {
                    throw BanneretError(.layoutCollapsed, "image '\(id)' is \(Int(frame.width))×\(Int(frame.height)) px \(where_); "
                                        + "its constraints leave it no room", at: at)
                }
                let isLogo = item.properties.image == .logo
                // The logo variant follows what it is drawn on: a light chip on a dark panel, the canvas elsewhere.
                let source = isLogo
                    ? ColorResolver.logo(input: input, on: ColorResolver.surface(under: frame, painted: elements,
                                                                                 canvas: ColorResolver.color(template.background, input: input)))
                    : item.source.imagePath!
                var fit: ImageElement.Fit = item.properties.fit == .cover ? .cover : .contain
                if item.properties.fit == .auto, !isLogo, item.source.imageIsOpaque {
                    let frameRatio = frame.width / frame.height
                    let ratio = item.source.imageAspectRatio
                    let kept = min(ratio / frameRatio, frameRatio / ratio)
                    fit = kept >= 0.67 ? .cover : .contain
                }
                elements.append(.image(ImageElement(id: id, frame: frame, source: source, fit: fit,
                                                    focus: item.properties.focus ?? Point(x: 0.5, y: 0.5),
                                                    cornerRadius: fit == .cover ? radius : 0,
                                                    alignment: isLogo ? Point(x: 0, y: 0.5) : Point(x: 0.5, y: 0.5),
                                                    showsProduct: !isLogo)))
            case .text:
                let fitted = item.fitted!
                guard frame.height >= fitted.height - 0.5, frame.width >= min(fitted.width, frame.width) - 0.5 else {
                    throw BanneretError(.textOverflow, "text '\(id)' needs \(Int(fitted.height.rounded(.up))) px but the "
                                        + "constraints leave \(Int(frame.height)) px \(where_)", at: at)
                }
                elements.append(.text(TextElement(id: id, frame: frame, text: item.text!,
                                                  style: item.style!.pinned(at: fitted.fontSize, lines: nil))))
            }
        }
        if input.variant.ctaStyle == .outline {
            let labels = Set(items.filter { !$0.dropped && $0.properties.binding == .cta }.map(\.element.id))
            elements = CTAOutline.apply(to: elements, labels: labels, strokeWidth: max(1.5, Double(min(input.size.width, input.size.height)) / 150))
        }
        var spec = BannerSpec(size: input.size, background: .solid(ColorResolver.color(template.background, input: input)),
                              elements: elements)
        spec.underlays = underlays
        spec.textSizeRanges = Dictionary(uniqueKeysWithValues: items.compactMap { item in
            item.style.map { (item.element.id, $0.minimumSize ... $0.maximumSize) }
        })
        // Right-to-left products are mirrored; the mirrored layout variant mirrors the other way.
        let rightToLeft = RightToLeft.isRightToLeft(input.product.language)
        if rightToLeft != (input.variant.layout == .mirrored) {
            spec = RightToLeft.mirrored(spec, realigningText: rightToLeft)
        }
        return spec
    }

    static func translate(_ error: LayoutError, where where_: String, template: Template) -> BanneretError {
        let origin = error.constraint?.origin
        let location = Location(file: origin?.file ?? template.file, line: origin?.line, column: origin?.column,
                                element: origin?.element)
        let text = origin?.source.map { "`\($0)`" } ?? error.constraint?.description ?? "a constraint"
        switch error {
        case .unsatisfiable:
            return BanneretError(.layoutUnsatisfiable, "\(text) cannot hold together with the other required constraints "
                                 + "\(where_); make one of them !strong or loosen it", at: location)
        default:
            return BanneretError(.layoutUnsatisfiable, "\(error) \(where_)", at: location)
        }
    }
}

extension TextStyle {
    /// The same style fixed at one size (and optionally a line count).
    func pinned(at size: Double, lines: Int?) -> TextStyle {
        var style = self
        style.minimumSize = size
        style.maximumSize = size
        if let lines { style.maximumLines = lines }
        return style
    }
}

extension BrandGuide.Typography {
    func role(_ name: FontRoleName) -> FontRole {
        switch name {
        case .display: display
        case .body: body
        case .price: price
        }
    }
}
