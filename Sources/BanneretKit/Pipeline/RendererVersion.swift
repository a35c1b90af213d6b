import CCairo
import CPangoCairo

/// Everything about the renderer that can change pixels; part of every
/// banner's content address so an upgrade never reuses stale files.
public enum RendererVersion {
    public static let banneret = "0.3.0"

    public static var string: String {
        "banneret-\(banneret) cairo-\(String(cString: cairo_version_string())) pango-\(String(cString: pango_version_string()))"
    }
}
