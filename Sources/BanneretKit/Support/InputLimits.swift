/// Hard limits on what a template or a text may ask of the engine, so a
/// hostile or runaway input is refused with a code instead of taking a
/// worker's time and memory. The image and feed limits live with their
/// readers (``ImageLimits``, ``FeedReader/Options``); README's Limits section lists them all.
public enum TextLimits {
    /// Characters of one text element, checked before shaping. A banner shows
    /// a few hundred at most; Debian 12's HarfBuzz takes quadratic time on
    /// some long runs, so far longer texts are refused (`text.too_long`).
    public static let maximumCharacters = 5_000
}

public enum TemplateLimits {
    /// Elements per template (`template.too_large`): the stock ones use about 15.
    public static let maximumElements = 200
    /// Constraints per template, every size class together (`template.too_large`):
    /// the solver's cost grows with their square.
    public static let maximumConstraints = 4_000
}
