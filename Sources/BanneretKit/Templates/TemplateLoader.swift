import Foundation
import Yams

/// Loads a template from YAML. Every error names the file, line and column,
/// and unknown names come with the closest known one.
public enum TemplateLoader {
    public static func load(_ url: URL) throws -> Template {
        guard let text = try YAMLSizeCheck.read(url, code: .templateTooLarge, what: "template") else {
            throw BanneretError(.templateMissing, "template not found or not UTF-8", at: Location(file: url.path))
        }
        return try parse(text, file: url.path)
    }

    /// Template files named directly or found (`*.yaml`, `*.yml`, in name order) in the folders given.
    /// A file found in a folder that is a symlink leading out of it is refused (`path.outside_root`)
    /// unless it leads into one of `allowedDirectories`.
    public static func files(at urls: [URL], allowedDirectories: [URL] = []) throws -> [URL] {
        var files: [URL] = []
        for url in urls {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw BanneretError(.templateMissing, "no template file or folder here", at: Location(file: url.path))
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                let confinement = PathConfinement(root: url, allowed: allowedDirectories)
                for name in names {
                    let file = url.appendingPathComponent(name)
                    _ = try confinement.resolve(name, at: Location(file: file.path))
                    files.append(file)
                }
            } else {
                files.append(url)
            }
        }
        return files
    }

    static let topKeys = ["name", "description", "products", "background", "let", "elements", "constraints", "size_classes"]
    static let elementKeys = ["kind", "when", "underlay", "shape", "fill", "radius", "image", "fit", "focus",
                              "keep_aspect", "bind", "text", "font", "color", "size", "max_lines", "ellipsis", "align",
                              "valign", "line_height", "strikethrough", "hug_width", "optional", "hidden", "item"]

    public static func parse(_ text: String, file: String) throws -> Template {
        guard text.utf8.count <= InputLimits.maximumYAMLBytes else {
            throw BanneretError(.templateTooLarge, "the template is over \(InputLimits.maximumYAMLBytes) bytes", at: Location(file: file))
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw BanneretError(.templateInvalid, "the template is empty", at: Location(file: file))
            }
            node = composed
        } catch let error as YamlError {
            throw BanneretError(.templateSyntax, "YAML: \(error)", at: Location(file: file))
        }
        try YAMLSizeCheck.check(node, file: file, code: .templateTooLarge, what: "template")
        let reader = YAMLNodeReader(file: file)
        var name: String?
        var description = ""
        var productCount = 1
        var background = ColorSpec(role: "background")
        var lets: [LetDefinition] = []
        var elements: [TemplateElement] = []
        var constraints: [ConstraintStatement] = []
        var sizeClasses: [SizeClass: SizeClassRules] = [:]
        var elementsNode: Node?
        for (key, _, value) in try reader.mapping(node, allowed: topKeys, what: "the template") {
            switch key {
            case "name": name = try reader.string(value, what: "name")
            case "description": description = try reader.string(value, what: "description")
            case "products": productCount = try reader.integer(value, what: "products", element: nil, range: 1 ... 4)
            case "background": background = try colorSpec(value, reader: reader, element: nil)
            case "let": lets = try letDefinitions(value, reader: reader)
            case "elements":
                elementsNode = value
                for (id, keyNode, body) in try reader.mapping(value, allowed: nil, what: "elements") {
                    guard id.first?.isLetter == true, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                        throw reader.error(keyNode, "element names use letters, digits and _ and start with a letter: '\(id)'")
                    }
                    guard !["canvas", "brand"].contains(id) else {
                        throw reader.error(keyNode, "'\(id)' is reserved; name the element differently")
                    }
                    let (kind, properties) = try element(body, id: id, reader: reader)
                    elements.append(TemplateElement(id: id, kind: kind, properties: properties,
                                                    source: (try? reader.source(keyNode, what: "element"))
                                                        ?? SourceText(text: id, file: file, line: 0, column: 0)))
                }
            case "constraints": constraints = try statements(value, reader: reader)
            case "size_classes":
                for (className, keyNode, body) in try reader.mapping(value, allowed: nil, what: "size_classes") {
                    guard let sizeClass = SizeClass(rawValue: className) else {
                        throw reader.error(keyNode, "unknown size class '\(className)'"
                                           + DidYouMean.hint(for: className, in: SizeClass.allCases.map(\.rawValue))
                                           + "; use " + SizeClass.allCases.map(\.rawValue).joined(separator: ", "),
                                           code: .templateUnknownName)
                    }
                    sizeClasses[sizeClass] = try rules(body, reader: reader)
                }
            default: break
            }
        }
        guard let name, !name.isEmpty else {
            throw BanneretError(.templateInvalid, "the template needs a name", at: Location(file: file, line: 1, column: 1))
        }
        guard !elements.isEmpty else {
            throw BanneretError(.templateInvalid, "the template has no elements",
                                at: elementsNode.map { reader.location($0) } ?? Location(file: file))
        }
        try checkCounts(elements: elements, elementsNode: elementsNode, lets: lets, constraints: constraints,
                        sizeClasses: sizeClasses, file: file, reader: reader)
        var template = Template(name: name, description: description, file: file, background: background,
                                lets: lets, elements: elements, constraints: constraints, sizeClasses: sizeClasses)
        template.productCount = productCount
        // An element showing product 3 of a template that groups 2 would never appear.
        for element in elements {
            let items = [element.properties.item] + sizeClasses.values.map { $0.overrides[element.id]?.item }
            if let item = items.compactMap({ $0 }).max(), item > productCount {
                throw BanneretError(.templateInvalid, "element '\(element.id)' shows item \(item) but the template groups "
                                    + "\(productCount) product\(productCount == 1 ? "" : "s"); set `products: \(item)` or lower the item",
                                    at: element.source.location(element: element.id))
            }
        }
        try TemplateChecker.check(template)
        return template
    }

    /// Elements, constraints and names each cost solver rows and render time per
    /// banner; a template past these counts is refused whole, saying which.
    private static func checkCounts(elements: [TemplateElement], elementsNode: Node?, lets: [LetDefinition],
                                    constraints: [ConstraintStatement], sizeClasses: [SizeClass: SizeClassRules],
                                    file: String, reader: YAMLNodeReader) throws {
        if elements.count > InputLimits.maximumTemplateElements {
            throw BanneretError(.templateTooLarge, "the template has \(elements.count) elements; at most "
                                + "\(InputLimits.maximumTemplateElements) are accepted",
                                at: elementsNode.map { reader.location($0) } ?? Location(file: file))
        }
        let constraintCount = constraints.count + sizeClasses.values.reduce(0) { $0 + $1.constraints.count }
        if constraintCount > InputLimits.maximumTemplateConstraints {
            throw BanneretError(.templateTooLarge, "the template has \(constraintCount) constraints; at most "
                                + "\(InputLimits.maximumTemplateConstraints) are accepted", at: Location(file: file))
        }
        let letCount = lets.count + sizeClasses.values.reduce(0) { $0 + $1.lets.count }
        if letCount > InputLimits.maximumTemplateLets {
            throw BanneretError(.templateTooLarge, "the template defines \(letCount) constants; at most "
                                + "\(InputLimits.maximumTemplateLets) are accepted", at: Location(file: file))
        }
    }

    // MARK: Pieces

    private static func rules(_ node: Node, reader: YAMLNodeReader) throws -> SizeClassRules {
        var rules = SizeClassRules(constraints: [], overrides: [:])
        for (key, _, value) in try reader.mapping(node, allowed: ["let", "constraints", "elements"], what: "a size class") {
            if key == "let" {
                rules.lets = try letDefinitions(value, reader: reader)
            } else if key == "constraints" {
                rules.constraints = try statements(value, reader: reader)
            } else {
                for (id, _, body) in try reader.mapping(value, allowed: nil, what: "element overrides") {
                    rules.overrides[id] = try properties(body, id: id, reader: reader, allowKind: false).1
                }
            }
        }
        return rules
    }

    private static func letDefinitions(_ node: Node, reader: YAMLNodeReader) throws -> [LetDefinition] {
        try reader.mapping(node, allowed: nil, what: "let").map { name, keyNode, value in
            guard name.first?.isLetter == true, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw reader.error(keyNode, "constant names use letters, digits and _: '\(name)'")
            }
            let source = try reader.source(value, what: "a constant")
            return LetDefinition(name: name, expression: try ExpressionParser.expression(source), source: source)
        }
    }

    private static func statements(_ node: Node, reader: YAMLNodeReader) throws -> [ConstraintStatement] {
        try reader.sequence(node, what: "constraints").map {
            try ExpressionParser.statement(try reader.source($0, what: "a constraint"))
        }
    }

    private static func element(_ node: Node, id: String, reader: YAMLNodeReader) throws -> (TemplateElement.Kind, ElementProperties) {
        let (kind, properties) = try properties(node, id: id, reader: reader, allowKind: true)
        guard let kind else { throw reader.error(node, "element '\(id)' needs a kind: shape, image or text", element: id) }
        return (kind, properties)
    }

    private static func properties(_ node: Node, id: String, reader: YAMLNodeReader,
                                   allowKind: Bool) throws -> (TemplateElement.Kind?, ElementProperties) {
        var kind: TemplateElement.Kind?
        var p = ElementProperties()
        let kinds = Dictionary(uniqueKeysWithValues: TemplateElement.Kind.allCases.map { ($0.rawValue, $0) })
        for (key, keyNode, value) in try reader.mapping(node, allowed: elementKeys, what: "element '\(id)'", element: id) {
            switch key {
            case "kind":
                guard allowKind else { throw reader.error(keyNode, "a size class cannot change an element's kind", element: id) }
                kind = try reader.choice(value, kinds, what: "kind", element: id)
            case "when":
                let items: [Node] = if case .sequence = value { try reader.sequence(value, what: "when", element: id) } else { [value] }
                p.when = try items.map { try condition($0, reader: reader, element: id) }
            case "underlay": p.underlay = try reader.bool(value, what: "underlay", element: id)
            case "hidden": p.hidden = try reader.bool(value, what: "hidden", element: id)
            case "shape":
                p.shape = try reader.choice(value, ["rectangle": .rectangle, "rounded": .roundedRectangle(radius: 0),
                                                    "pill": .pill, "ellipse": .ellipse, "burst": .burst], what: "shape", element: id)
            case "fill": p.fill = try fill(value, reader: reader, element: id)
            case "radius": p.radius = try expression(value, reader: reader, element: id)
            case "image":
                p.image = try reader.choice(value, Dictionary(uniqueKeysWithValues: ImageSource.allCases.map { ($0.rawValue, $0) }),
                                            what: "image source", element: id)
            case "fit":
                p.fit = try reader.choice(value, Dictionary(uniqueKeysWithValues: ImageFit.allCases.map { ($0.rawValue, $0) }),
                                          what: "fit", element: id)
            case "focus":
                let items = try reader.sequence(value, what: "focus", element: id)
                guard items.count == 2 else { throw reader.error(value, "focus is [x, y] within 0...1", element: id) }
                p.focus = Point(x: try reader.number(items[0], what: "focus x", element: id, range: 0 ... 1),
                                y: try reader.number(items[1], what: "focus y", element: id, range: 0 ... 1))
            case "keep_aspect": p.keepAspect = try reader.bool(value, what: "keep_aspect", element: id)
            case "bind":
                let name = try reader.string(value, what: "binding", element: id)
                if name.hasPrefix("field."), name.count > 6 {
                    p.binding = .field(String(name.dropFirst(6)))
                } else {
                    p.binding = try reader.choice(value, TextBinding.names, what: "binding (or field.<feed column>)", element: id)
                }
            case "text": p.binding = .literal(try reader.string(value, what: "text", element: id))
            case "font":
                p.font = try reader.choice(value, Dictionary(uniqueKeysWithValues: FontRoleName.allCases.map { ($0.rawValue, $0) }),
                                           what: "font role", element: id)
            case "color": p.color = try colorSpec(value, reader: reader, element: id)
            case "size":
                let items = try reader.sequence(value, what: "size", element: id)
                guard items.count == 2 else { throw reader.error(value, "size is [minimum, maximum] in pixels", element: id) }
                p.size = (try expression(items[0], reader: reader, element: id), try expression(items[1], reader: reader, element: id))
            case "max_lines": p.maxLines = try reader.integer(value, what: "max_lines", element: id, range: 1 ... 20)
            case "ellipsis": p.ellipsis = try reader.bool(value, what: "ellipsis", element: id)
            case "align":
                p.align = try reader.choice(value, ["leading": .leading, "center": .center, "trailing": .trailing],
                                            what: "align", element: id)
            case "valign":
                p.verticalAlign = try reader.choice(value, ["top": .top, "center": .center, "bottom": .bottom],
                                                    what: "valign", element: id)
            case "line_height": p.lineHeight = try reader.number(value, what: "line_height", element: id, range: 0.5 ... 3)
            case "strikethrough": p.strikethrough = try reader.bool(value, what: "strikethrough", element: id)
            case "hug_width": p.hugWidth = try reader.bool(value, what: "hug_width", element: id)
            case "optional": p.optional = try reader.bool(value, what: "optional", element: id)
            case "item": p.item = try reader.integer(value, what: "item", element: id, range: 1 ... 4)
            default: break
            }
        }
        return (kind, p)
    }

    private static func expression(_ node: Node, reader: YAMLNodeReader, element: String) throws -> LayoutExpression {
        try ExpressionParser.expression(try reader.source(node, what: "an expression", element: element))
    }

    private static func condition(_ node: Node, reader: YAMLNodeReader, element: String) throws -> Condition {
        let source = try reader.source(node, what: "a condition", element: element)
        let text = source.text.trimmingCharacters(in: .whitespaces)
        if text.contains("=") { return .compare(try ExpressionParser.statement(source)) }
        let negated = text.hasPrefix("!")
        let flag = negated ? String(text.dropFirst()) : text
        guard Condition.flags.contains(flag) else {
            throw reader.error(node, "unknown condition '\(flag)'" + DidYouMean.hint(for: flag, in: Condition.flags)
                               + "; use " + Condition.flags.joined(separator: ", ") + ", !name, or a comparison such as canvas.width >= 400",
                               code: .templateUnknownName, element: element)
        }
        return .flag(flag, negated: negated)
    }

    static func colorSpec(_ node: Node, reader: YAMLNodeReader, element: String?) throws -> ColorSpec {
        func role(_ roleNode: Node) throws -> String {
            let name = try reader.string(roleNode, what: "colour role", element: element)
            guard ColorSpec.roles.contains(name) else {
                throw reader.error(roleNode, "unknown colour role '\(name)'" + DidYouMean.hint(for: name, in: ColorSpec.roles)
                                   + "; templates use the brand's roles: " + ColorSpec.roles.joined(separator: ", "),
                                   code: .templateUnknownName, element: element)
            }
            return name
        }
        if case .scalar = node { return ColorSpec(role: try role(node)) }
        var spec = ColorSpec(role: "")
        var sawColor = false
        for (key, _, value) in try reader.mapping(node, allowed: ["color", "on_sale", "tint", "shade", "alpha"],
                                                  what: "a colour", element: element) {
            switch key {
            case "color": spec.role = try role(value); sawColor = true
            case "on_sale": spec.saleRole = try role(value)
            case "tint": spec.tint = try reader.number(value, what: "tint", element: element, range: 0 ... 1)
            case "shade": spec.shade = try reader.number(value, what: "shade", element: element, range: 0 ... 1)
            case "alpha": spec.alpha = try reader.number(value, what: "alpha", element: element, range: 0 ... 1)
            default: break
            }
        }
        guard sawColor else { throw reader.error(node, "a colour needs a 'color' role", element: element) }
        return spec
    }

    private static func fill(_ node: Node, reader: YAMLNodeReader, element: String) throws -> FillSpec {
        if case .mapping(let mapping) = node, mapping.keys.contains(where: { $0.string == "gradient" }) {
            var stops: [ColorSpec] = []
            var angle = 90.0
            for (key, _, value) in try reader.mapping(node, allowed: ["gradient", "angle"], what: "a gradient", element: element) {
                if key == "gradient" {
                    stops = try reader.sequence(value, what: "gradient", element: element).map {
                        try colorSpec($0, reader: reader, element: element)
                    }
                    guard stops.count == 2 else { throw reader.error(value, "a gradient has exactly two colours", element: element) }
                } else {
                    angle = try reader.number(value, what: "angle", element: element, range: -360 ... 360)
                }
            }
            return .gradient(stops[0], stops[1], angle: angle)
        }
        return .solid(try colorSpec(node, reader: reader, element: element))
    }
}
