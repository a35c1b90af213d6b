import Foundation

/// JSON Schemas (draft 2020-12) of the YAML inputs, for editors and CI
/// linters. Built from the same key lists the loaders accept, so they cannot drift.
public enum InputSchemas {
    public static func template() -> String {
        let expression: [String: Any] = [
            "description": "A number, or an expression of canvas.* and brand.* constants, e.g. canvas.short * 0.05",
            "anyOf": [["type": "number"], ["type": "string"]],
        ]
        let colorRole: [String: Any] = ["enum": ColorSpec.roles]
        let color: [String: Any] = ["anyOf": [colorRole, [
            "type": "object", "additionalProperties": false, "required": ["color"],
            "properties": ["color": colorRole, "on_sale": colorRole,
                           "tint": ["type": "number", "minimum": 0, "maximum": 1],
                           "shade": ["type": "number", "minimum": 0, "maximum": 1],
                           "alpha": ["type": "number", "minimum": 0, "maximum": 1]],
        ]]]
        let fill: [String: Any] = ["anyOf": [color, [
            "type": "object", "additionalProperties": false, "required": ["gradient"],
            "properties": ["gradient": ["type": "array", "items": color, "minItems": 2, "maxItems": 2],
                           "angle": ["type": "number"]],
        ]]]
        let condition: [String: Any] = [
            "type": "string",
            "description": "A product fact (\(Condition.flags.joined(separator: ", "))), its negation with '!', "
                + "or a comparison of constants such as 'canvas.width >= 400'",
        ]
        var properties: [String: Any] = [
            "kind": ["enum": TemplateElement.Kind.allCases.map(\.rawValue)],
            "when": ["anyOf": [condition, ["type": "array", "items": condition]]],
            "underlay": ["type": "boolean", "description": "Other elements may sit on this one"],
            "hidden": ["type": "boolean"],
            "shape": ["enum": ["rectangle", "rounded", "pill", "ellipse", "burst"]],
            "fill": fill,
            "radius": expression,
            "image": ["enum": ImageSource.allCases.map(\.rawValue)],
            "fit": ["enum": ImageFit.allCases.map(\.rawValue)],
            "focus": ["type": "array", "items": ["type": "number", "minimum": 0, "maximum": 1], "minItems": 2, "maxItems": 2],
            "keep_aspect": ["type": "boolean"],
            "bind": ["anyOf": [["enum": TextBinding.names.keys.sorted()], ["type": "string", "pattern": "^field\\..+"]],
                     "description": "A product field: one of the names, or field.<any feed column> such as field.custom_label_0"],
            "text": ["type": "string", "description": "Literal copy"],
            "font": ["enum": FontRoleName.allCases.map(\.rawValue)],
            "color": color,
            "size": ["type": "array", "items": expression, "minItems": 2, "maxItems": 2,
                     "description": "[minimum, maximum] font size in pixels; never below 9"],
            "max_lines": ["type": "integer", "minimum": 1, "maximum": 20],
            "ellipsis": ["type": "boolean"],
            "align": ["enum": ["leading", "center", "trailing"]],
            "valign": ["enum": ["top", "center", "bottom"]],
            "line_height": ["type": "number", "minimum": 0.5, "maximum": 3],
            "strikethrough": ["type": "boolean"],
            "hug_width": ["type": "boolean"],
            "optional": ["type": "boolean", "description": "Leave out instead of rejecting the banner when it does not fit"],
            "item": ["type": "integer", "minimum": 1, "maximum": 4,
                     "description": "Which product of a catalogue grid's group this element shows (1 = the first)"],
        ]
        precondition(Set(properties.keys) == Set(TemplateLoader.elementKeys), "schema and loader disagree")
        let element: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties]
        properties["kind"] = nil
        let override: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties]
        let constraint: [String: Any] = [
            "type": "string",
            "description": "A linear relation of element attributes (\(TemplateChecker.elementAttributes.joined(separator: ", "))), "
                + "canvas.* and brand.* constants, e.g. 'cta.top >= headline.bottom + 12 !strong'",
            "pattern": "(==|<=|>=)",
        ]
        let sizeClass: [String: Any] = [
            "type": "object", "additionalProperties": false,
            "properties": ["constraints": ["type": "array", "items": constraint],
                           "elements": ["type": "object", "additionalProperties": override]],
        ]
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Banneret template",
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "elements"],
            "properties": [
                "name": ["type": "string", "minLength": 1],
                "description": ["type": "string"],
                "products": ["type": "integer", "minimum": 1, "maximum": 4,
                             "description": "Products per banner: 2-4 makes a catalogue grid of products sharing a category"],
                "background": color,
                "elements": ["type": "object", "additionalProperties": element,
                             "propertyNames": ["pattern": "^[A-Za-z][A-Za-z0-9_]*$"]],
                "constraints": ["type": "array", "items": constraint],
                "size_classes": ["type": "object", "additionalProperties": false,
                                 "properties": Dictionary(uniqueKeysWithValues: SizeClass.allCases.map { ($0.rawValue, sizeClass) })],
            ],
        ]
        return render(schema)
    }

    public static func brand() -> String {
        let color: [String: Any] = ["type": "string", "pattern": "^#([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})$"]
        let role: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["family"],
            "properties": ["family": ["type": "string"], "weight": ["type": "integer", "minimum": 100, "maximum": 1000],
                           "tracking": ["type": "number"], "uppercase": ["type": "boolean"],
                           "case": ["enum": ["upper", "none"]]],
        ]
        let paletteRoles = ["primary", "secondary", "accent", "background", "text", "text_on_primary", "text_on_accent"]
        let ctaTexts: [String: Any] = ["oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"], "minItems": 1]]]
        let schema: [String: Any] = [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Banneret brand guide",
            "type": "object",
            "additionalProperties": false,
            "required": ["name", "palette", "typography"],
            "properties": [
                "name": ["type": "string"],
                "palette": ["type": "object", "additionalProperties": false, "required": paletteRoles,
                            "properties": Dictionary(uniqueKeysWithValues: (paletteRoles + ["text_on_secondary"]).map { ($0, color) })],
                "typography": ["type": "object", "additionalProperties": false, "required": ["display", "body", "price"],
                               "properties": ["display": role, "body": role, "price": role]],
                "logo": ["type": "object", "additionalProperties": false, "required": ["light", "dark"],
                         "properties": ["light": ["type": "string"], "dark": ["type": "string"],
                                        "minimum_height": ["type": "number", "minimum": 0],
                                        "clear_space": ["type": "number", "minimum": 0]]],
                "cta": ["type": "object", "additionalProperties": ctaTexts,
                        "description": "Allowed call-to-action texts per language tag, the default first; 'en' is the fallback"],
                "copy": ["type": "object", "additionalProperties": false,
                         "properties": ["max_headline_characters": ["type": "integer", "minimum": 1],
                                        "cta": ["type": "object", "additionalProperties": ctaTexts]]],
                "max_headline_characters": ["type": "integer", "minimum": 1],
                "forbidden_pairs": ["type": "array", "items": ["type": "array", "items": ["enum": paletteRoles + ["text_on_secondary"]],
                                                               "minItems": 2, "maxItems": 2]],
                "margin": ["type": "number", "minimum": 0, "maximum": 0.5],
                "corner_radius": ["type": "number", "minimum": 0, "maximum": 0.5],
                "minimum_contrast": ["oneOf": [["type": "number", "minimum": 1, "maximum": 21],
                                               ["type": "object", "additionalProperties": false,
                                                "properties": ["body": ["type": "number", "minimum": 1, "maximum": 21],
                                                               "large": ["type": "number", "minimum": 1, "maximum": 21]]]],
                                     "description": "WCAG contrast: a number for body text (large text keeps 3:1), or {body, large}; default 4.5 and 3"],
            ],
        ]
        return render(schema)
    }

    /// A watch-folder job file: `generate`'s options by the same names (see ``JobSpecLoader``).
    public static func job() -> String {
        let paths: [String: Any] = ["oneOf": [["type": "string"], ["type": "array", "items": ["type": "string"], "minItems": 1]]]
        let properties: [String: Any] = [
            "feed": ["type": "string", "description": "The product feed, relative to the job file's folder"],
            "brand": ["type": "string"],
            "templates": paths,
            "sizes": ["oneOf": [["type": "string", "description": "e.g. 300x250,728x90 or iab"],
                                ["type": "array", "items": ["type": "string"], "minItems": 1]]],
            "format": ["enum": ["png", "jpeg", "jpg", "webp", "pdf", "svg"]],
            "quality": ["type": "integer", "minimum": 1, "maximum": 100],
            "variants": ["type": "integer", "minimum": 1, "maximum": 64],
            "seed": ["type": "integer", "minimum": 0],
            "currency": ["type": "string", "pattern": "^[A-Za-z]{3}$"],
            "feed_format": ["enum": FeedReader.Format.allCases.map(\.rawValue)],
            "lenient": ["type": "boolean"],
        ]
        precondition(Set(properties.keys) == Set(JobSpecLoader.keys), "schema and loader disagree")
        return render([
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Banneret watch-folder job",
            "type": "object", "additionalProperties": false, "required": ["feed"], "properties": properties,
        ])
    }

    private static func render(_ object: [String: Any]) -> String {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
