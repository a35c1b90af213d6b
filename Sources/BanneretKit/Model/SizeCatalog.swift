/// Named banner sizes and groups, so `--sizes iab,1200x628` reads like the media plan.
public enum SizeCatalog {
    /// IAB display sizes.
    public static let iab: [BannerSize] = [
        BannerSize(width: 300, height: 250), BannerSize(width: 336, height: 280),
        BannerSize(width: 728, height: 90), BannerSize(width: 970, height: 250),
        BannerSize(width: 160, height: 600), BannerSize(width: 300, height: 600),
        BannerSize(width: 320, height: 50), BannerSize(width: 320, height: 100),
    ]

    /// Social feed and story sizes.
    public static let social: [BannerSize] = [
        BannerSize(width: 1200, height: 628), BannerSize(width: 1080, height: 1080),
        BannerSize(width: 1080, height: 1350), BannerSize(width: 1080, height: 1920),
    ]

    public static let groups: [String: [BannerSize]] = [
        "iab": iab, "social": social, "all": iab + social, "default": BannerSize.defaultMix,
    ]

    /// Parses a comma-separated list of sizes (`300x250`) and group names
    /// (`iab`, `social`, `all`), keeping the first occurrence of each size.
    public static func parse(_ list: String) throws -> [BannerSize] {
        var result: [BannerSize] = []
        for item in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() })
        where !item.isEmpty {
            let sizes: [BannerSize]
            if let group = groups[item] {
                sizes = group
            } else if item.contains("x") {
                sizes = [try BannerSize(parsing: item)]
            } else {
                let suggestion = DidYouMean.closest(to: item, in: groups.keys.sorted())
                throw BanneretError(.sizeInvalid, "unknown size group '\(item)'; write WIDTHxHEIGHT or one of "
                    + groups.keys.sorted().joined(separator: ", ") + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
            }
            for size in sizes where !result.contains(size) { result.append(size) }
        }
        guard !result.isEmpty else { throw BanneretError(.sizeInvalid, "no sizes given") }
        return result
    }
}
