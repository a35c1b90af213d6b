import Foundation
import Yams

/// Loads a brand guide from YAML. Every problem names the file, line and
/// column: unknown keys (with the closest known one), colours that are not
/// `#RRGGBB`, logo files that do not exist, font families not in `Fonts/`,
/// unknown colour roles in forbidden pairs, contrast outside 1...21.
public enum BrandGuideLoader {
    static let topKeys = ["name", "palette", "typography", "logo", "cta", "copy", "margin", "corner_radius", "minimum_contrast",
                          "forbidden_pairs", "max_headline_characters"]
    static let requiredPaletteKeys = ["primary", "secondary", "accent", "background", "text", "text_on_primary", "text_on_accent"]
    static let paletteKeys = requiredPaletteKeys + ["text_on_secondary"]
    static let roleKeys = ["family", "weight", "tracking", "uppercase", "case"]
    static let copyKeys = ["max_headline_characters", "cta"]
    static let logoKeys = ["light", "dark", "minimum_height", "clear_space"]

    /// - Parameter fontFamilies: the families the renderer has; nil skips that check.
    public static func load(_ url: URL, fontFamilies: Set<String>? = nil, allowedDirectories: [URL] = []) throws -> BrandGuide {
        guard let text = try YAMLSizeCheck.read(url, code: .brandTooLarge, what: "brand guide") else {
            throw BanneretError(.brandMissing, "brand guide not found or not UTF-8", at: Location(file: url.path))
        }
        return try parse(text, file: url.path, folder: url.deletingLastPathComponent(), fontFamilies: fontFamilies,
                         allowedDirectories: allowedDirectories)
    }

    /// Parses a brand guide's text; logo paths resolve against `folder` and must
    /// stay inside it (or inside one of `allowedDirectories`).
    static func parse(_ text: String, file: String, folder: URL, fontFamilies: Set<String>? = nil,
                      allowedDirectories: [URL] = []) throws -> BrandGuide {
        guard text.utf8.count <= InputLimits.maximumYAMLBytes else {
            throw BanneretError(.brandTooLarge, "the brand guide is over \(InputLimits.maximumYAMLBytes) bytes", at: Location(file: file))
        }
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw BanneretError(.brandInvalid, "the brand guide is empty", at: Location(file: file))
            }
            node = composed
        } catch let error as YamlError {
            throw BanneretError(.brandInvalid, "YAML: \(error)", at: Location(file: file))
        }
        try YAMLSizeCheck.check(node, file: file, code: .brandTooLarge, what: "brand guide")
        let reader = YAMLNodeReader(file: file, code: .brandInvalid)
        var name: String?
        var palette: BrandGuide.Palette?
        var typography: BrandGuide.Typography?
        var logo: BrandGuide.Logo?
        var guide = BrandGuide(name: "", palette: .init(primary: .black, secondary: .black, accent: .black, background: .white,
                                                       text: .black, textOnPrimary: .white, textOnAccent: .white),
                               typography: .init(display: FontRole(family: "Inter"), body: FontRole(family: "Inter"),
                                                 price: FontRole(family: "Inter")))
        for (key, keyNode, value) in try reader.mapping(node, allowed: topKeys, what: "the brand guide") {
            switch key {
            case "name": name = try reader.string(value, what: "name")
            case "palette":
                var colors: [String: Color] = [:]
                for (role, _, colorNode) in try reader.mapping(value, allowed: paletteKeys, what: "palette") {
                    let text = try reader.string(colorNode, what: "palette.\(role)")
                    guard let color = Color(hex: text) else {
                        throw reader.error(colorNode, "palette.\(role): '\(text)' is not a colour; write #RRGGBB")
                    }
                    colors[role] = color
                }
                let missing = requiredPaletteKeys.filter { colors[$0] == nil }
                guard missing.isEmpty else {
                    throw reader.error(keyNode, "the palette needs every role; missing: " + missing.joined(separator: ", "))
                }
                palette = .init(primary: colors["primary"]!, secondary: colors["secondary"]!, accent: colors["accent"]!,
                                background: colors["background"]!, text: colors["text"]!,
                                textOnPrimary: colors["text_on_primary"]!, textOnAccent: colors["text_on_accent"]!,
                                textOnSecondary: colors["text_on_secondary"])
            case "typography":
                var roles: [String: FontRole] = [:]
                var alternates: [[String: FontRole]] = []
                for (roleName, _, roleNode) in try reader.mapping(value, allowed: ["display", "body", "price", "alternates"],
                                                                  what: "typography") {
                    if roleName == "alternates" {
                        alternates = try reader.sequence(roleNode, what: "typography.alternates").enumerated().map { index, pairing in
                            var partial: [String: FontRole] = [:]
                            for (name, _, node) in try reader.mapping(pairing, allowed: ["display", "body", "price"],
                                                                      what: "typography.alternates[\(index)]") {
                                partial[name] = try fontRole(node, name: "alternates[\(index)].\(name)", reader: reader, families: fontFamilies)
                            }
                            return partial
                        }
                        continue
                    }
                    roles[roleName] = try fontRole(roleNode, name: roleName, reader: reader, families: fontFamilies)
                }
                guard let display = roles["display"], let body = roles["body"], let price = roles["price"] else {
                    throw reader.error(keyNode, "typography needs display, body and price roles")
                }
                typography = .init(display: display, body: body, price: price)
                guide.alternateTypography = alternates.map {
                    .init(display: $0["display"] ?? display, body: $0["body"] ?? body, price: $0["price"] ?? price)
                }
            case "logo":
                var fields: [String: String] = [:]
                var minimum = 12.0, clear = 0.5
                for (field, _, fieldNode) in try reader.mapping(value, allowed: logoKeys, what: "logo") {
                    switch field {
                    case "minimum_height": minimum = try reader.number(fieldNode, what: "logo.minimum_height", range: 0 ... 1000)
                    case "clear_space": clear = try reader.number(fieldNode, what: "logo.clear_space", range: 0 ... 5)
                    default:
                        let path = try reader.string(fieldNode, what: "logo.\(field)")
                        var location = reader.location(fieldNode)
                        location.field = "logo.\(field)"
                        let resolved = try PathConfinement(root: folder, allowed: allowedDirectories).resolve(path, at: location)
                        guard FileManager.default.fileExists(atPath: resolved) else {
                            throw reader.error(fieldNode, "logo.\(field): file \(path) not found next to the brand guide",
                                               code: .brandMissing)
                        }
                        fields[field] = path
                    }
                }
                guard let light = fields["light"], let dark = fields["dark"] else {
                    throw reader.error(keyNode, "a logo needs both 'light' (for dark backgrounds) and 'dark' files")
                }
                logo = .init(light: light, dark: dark, minimumHeight: minimum, clearSpace: clear)
            case "cta": try readCTAs(value, into: &guide, reader: reader)
            case "copy":
                for (copyKey, _, copyValue) in try reader.mapping(value, allowed: copyKeys, what: "copy") {
                    if copyKey == "cta" { try readCTAs(copyValue, into: &guide, reader: reader) } else {
                        guide.maximumHeadlineCharacters = try reader.integer(copyValue, what: "copy.max_headline_characters",
                                                                             range: 1 ... 10_000)
                    }
                }
            case "margin": guide.margin = try reader.number(value, what: "margin", range: 0 ... 0.5)
            case "corner_radius": guide.cornerRadius = try reader.number(value, what: "corner_radius", range: 0 ... 0.5)
            case "minimum_contrast":
                // A number (body text; large text keeps 3:1) or {body, large}.
                if case .mapping = value {
                    for (kind, _, ratio) in try reader.mapping(value, allowed: ["body", "large"], what: "minimum_contrast") {
                        let number = try reader.number(ratio, what: "minimum_contrast.\(kind)", range: 1 ... 21)
                        if kind == "body" { guide.minimumContrast = number } else { guide.minimumLargeTextContrast = number }
                    }
                } else {
                    guide.minimumContrast = try reader.number(value, what: "minimum_contrast", range: 1 ... 21)
                }
            case "max_headline_characters":
                guide.maximumHeadlineCharacters = try reader.integer(value, what: "max_headline_characters", range: 1 ... 10_000)
            case "forbidden_pairs":
                guide.forbiddenPairs = try reader.sequence(value, what: "forbidden_pairs").map { pairNode in
                    let pair = try reader.sequence(pairNode, what: "a forbidden pair").map { roleNode in
                        let role = try reader.string(roleNode, what: "a colour role")
                        guard paletteKeys.contains(role) else {
                            throw reader.error(roleNode, "unknown colour role '\(role)'" + DidYouMean.hint(for: role, in: paletteKeys),
                                               code: .brandInvalid)
                        }
                        return role
                    }
                    guard pair.count == 2 else { throw reader.error(pairNode, "a forbidden pair names exactly two roles") }
                    return pair
                }
            default: break
            }
        }
        guard let name, !name.isEmpty else { throw reader.error(node, "the brand guide needs a name") }
        guard let palette else { throw reader.error(node, "the brand guide needs a palette") }
        guard let typography else { throw reader.error(node, "the brand guide needs typography roles") }
        guide.name = name
        guide.palette = palette
        guide.typography = typography
        guide.logo = logo
        return guide
    }

    /// `cta: {en: Shop now}` or `cta: {en: [Shop now, Discover]}`: the allowed texts, the default first.
    private static func readCTAs(_ node: Node, into guide: inout BrandGuide, reader: YAMLNodeReader) throws {
        for (language, _, value) in try reader.mapping(node, allowed: nil, what: "cta") {
            let key = language.lowercased()
            let texts: [String] = if case .sequence = value {
                try reader.sequence(value, what: "cta.\(language)").map { try reader.string($0, what: "cta.\(language)") }
            } else {
                [try reader.string(value, what: "cta.\(language)")]
            }
            guard let first = texts.first, texts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw reader.error(value, "cta.\(language) needs at least one non-empty text")
            }
            guide.cta[key] = first
            guide.allowedCTAs[key] = texts
        }
    }

    private static func fontRole(_ node: Node, name: String, reader: YAMLNodeReader, families: Set<String>?) throws -> FontRole {
        var role = FontRole(family: "")
        for (key, _, value) in try reader.mapping(node, allowed: roleKeys, what: "typography.\(name)") {
            switch key {
            case "family":
                role.family = try reader.string(value, what: "typography.\(name).family")
                if let families, !families.contains(role.family) {
                    throw reader.error(value, "font family '\(role.family)' is not in Fonts/"
                                       + DidYouMean.hint(for: role.family, in: families.sorted())
                                       + "; bundled: " + families.sorted().joined(separator: ", "), code: .fontMissing)
                }
            case "weight": role.weight = try reader.integer(value, what: "typography.\(name).weight", range: 100 ... 1000)
            case "tracking": role.tracking = try reader.number(value, what: "typography.\(name).tracking", range: -0.5 ... 1)
            case "uppercase": role.uppercase = try reader.bool(value, what: "typography.\(name).uppercase")
            case "case":
                let text = try reader.string(value, what: "typography.\(name).case")
                guard ["upper", "none"].contains(text) else {
                    throw reader.error(value, "typography.\(name).case is 'upper' or 'none', not '\(text)'"
                                       + DidYouMean.hint(for: text, in: ["upper", "none"]))
                }
                role.uppercase = text == "upper"
            default: break
            }
        }
        guard !role.family.isEmpty else { throw reader.error(node, "typography.\(name) needs a family") }
        return role
    }
}
