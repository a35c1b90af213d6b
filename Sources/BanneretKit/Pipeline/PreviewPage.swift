import Foundation

/// The contact sheet of a run as one HTML page: every banner at its real size
/// (or shrunk to a column), grouped by product, captioned with template, size,
/// bytes, contrast, scores and warnings, and the rejections at the top. Pure:
/// the page refers to the banner files by relative path and embeds nothing.
public struct PreviewPage: Sendable {
    public var entries: [ManifestEntry]
    public var rejections: [RejectedItem]
    /// How to reach the manifest's folder from the page's, e.g. `../Output/` (empty when they are the same).
    public var bannerPrefix: String
    public var title: String

    /// IAB sizes up to a 728x90 leaderboard and a 300x600 tower are shown at
    /// their real size, which is how people meet them; social sizes are
    /// shrunk to fit this box.
    static let largestShown = (width: 728.0, height: 600.0)

    public init(entries: [ManifestEntry], rejections: [RejectedItem], bannerPrefix: String, title: String) {
        self.entries = entries
        self.rejections = rejections
        self.bannerPrefix = bannerPrefix
        self.title = title
    }

    public var html: String {
        var page = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
        <style>
        body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; background: #e7e7e7; color: #1c1c1c; }
        h2 { margin: 32px 0 8px; font-size: 16px; }
        .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        figure { margin: 0; background: #fff; padding: 8px; border-radius: 4px; }
        figure.warned { outline: 2px solid #c2410c; }
        img { display: block; image-rendering: auto; }
        figcaption { font-size: 12px; color: #555; margin-top: 6px; max-width: 360px; }
        .warning { color: #c2410c; }
        table { border-collapse: collapse; background: #fff; }
        td, th { padding: 4px 8px; border-bottom: 1px solid #ddd; text-align: left; font-size: 13px; }
        </style></head><body>
        <h1>\(escape(title))</h1>
        <p>\(entries.count) banner\(entries.count == 1 ? "" : "s") of \(Set(entries.map(\.productID)).count) product(s); \
        \(rejections.count) rejected.</p>

        """
        if !rejections.isEmpty {
            page += "<h2>Rejected</h2>\n<table><tr><th>product</th><th>size</th><th>code</th><th>where and why</th></tr>\n"
            for item in rejections {
                page += "<tr><td>\(escape(item.productID ?? "–"))</td><td>\(escape(item.size ?? "–"))</td>"
                    + "<td><code>\(escape(item.error.code.rawValue))</code></td><td>\(escape(item.error.description))</td></tr>\n"
            }
            page += "</table>\n"
        }
        var order: [String] = []
        var byProduct: [String: [ManifestEntry]] = [:]
        for entry in entries {
            if byProduct[entry.productID] == nil { order.append(entry.productID) }
            byProduct[entry.productID, default: []].append(entry)
        }
        for product in order {
            page += "<h2>\(escape(product))</h2>\n<div class=\"row\">\n"
            for entry in byProduct[product]! { page += figure(entry) }
            page += "</div>\n"
        }
        return page + "</body></html>\n"
    }

    private func figure(_ entry: ManifestEntry) -> String {
        let parts = entry.size.split(separator: "x").compactMap { Double($0) }
        let (width, height) = parts.count == 2 ? (parts[0], parts[1]) : (300, 250)
        let scale = min(1, Self.largestShown.width / width, Self.largestShown.height / height)
        var caption = "<b>\(escape(entry.template))</b> · \(escape(entry.size)) · \(escape(entry.format)) · "
            + String(format: "%.1f kB", Double(entry.bytes) / 1000)
        if let contrast = entry.metrics[FeatureKey.contrastMin] { caption += String(format: " · contrast %.1f:1", contrast) }
        if !entry.variant.isEmpty {
            caption += "<br>" + entry.variant.sorted { $0.key < $1.key }.map { "\(escape($0.key))=\(escape($0.value))" }.joined(separator: " ")
        }
        if !entry.scores.isEmpty {
            caption += "<br>CTR " + entry.scores.sorted { $0.key < $1.key }
                .map { "\(escape($0.key)) " + String(format: "%.2f%%", $0.value * 100) }.joined(separator: ", ")
        }
        for warning in entry.warnings { caption += "<br><span class=\"warning\">⚠ \(escape(warning))</span>" }
        let src = (bannerPrefix + entry.path).split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "?", "#"])) ?? String($0) }
            .joined(separator: "/")
        return "<figure\(entry.warnings.isEmpty ? "" : " class=\"warned\"")>"
            + "<img src=\"\(escape(src))\" width=\"\(Int((width * scale).rounded()))\" height=\"\(Int((height * scale).rounded()))\""
            + " alt=\"\(escape(entry.productID)) \(escape(entry.size))\" loading=\"lazy\">"
            + "<figcaption>\(caption)</figcaption></figure>\n"
    }

    private func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
