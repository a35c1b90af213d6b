import CCairo
import Foundation

/// Banners of different sizes laid out on one sheet, in rows, each scaled by
/// the same factor so their proportions compare at a glance: what a designer
/// pins on the wall to judge a template across sizes.
public enum ContactSheet {
    /// - Parameters:
    ///   - banners: in reading order.
    ///   - width: the sheet's width in pixels; rows wrap to it.
    ///   - scale: one factor for every banner (0.5 halves a 1080 square to 540).
    ///   - gap: pixels between banners and around the edge.
    public static func compose(_ banners: [PixelBuffer], width: Int, scale: Double, gap: Int = 16,
                               background: Color = Color(red: 0.86, green: 0.86, blue: 0.86)) -> PixelBuffer {
        let placements = place(banners.map { (Double($0.width) * scale, Double($0.height) * scale) },
                               width: Double(width), gap: Double(gap))
        let height = Int((placements.map { $0.y + $0.height }.max() ?? 0) + Double(gap)) + 1
        let sheet = PixelBuffer(width: width, height: max(height, 1))
        let surface = cairo_image_surface_create_for_data(sheet.bytes.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                          Int32(sheet.width), Int32(sheet.height), Int32(sheet.stride))
        let cairo = cairo_create(surface)
        defer {
            cairo_destroy(cairo)
            cairo_surface_destroy(surface)
        }
        cairo_set_source_rgb(cairo, background.red, background.green, background.blue)
        cairo_paint(cairo)
        for (banner, frame) in zip(banners, placements) {
            let source = cairo_image_surface_create_for_data(banner.bytes.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                             Int32(banner.width), Int32(banner.height), Int32(banner.stride))
            cairo_save(cairo)
            cairo_translate(cairo, frame.x, frame.y)
            cairo_scale(cairo, scale, scale)
            cairo_set_source_surface(cairo, source, 0, 0)
            // Shrinking by up to 4× for thumbnails: GOOD filters over the whole footprint, BILINEAR would alias type.
            cairo_pattern_set_filter(cairo_get_source(cairo), CAIRO_FILTER_GOOD)
            cairo_paint(cairo)
            cairo_restore(cairo)
            cairo_surface_destroy(source)
        }
        cairo_surface_flush(surface)
        return sheet
    }

    /// Left to right, wrapping to the next row when a banner would cross the
    /// right edge; each row as tall as its tallest banner.
    static func place(_ sizes: [(width: Double, height: Double)], width: Double, gap: Double) -> [Rect] {
        var frames: [Rect] = []
        var x = gap, y = gap, rowHeight = 0.0
        for size in sizes {
            if x > gap, x + size.width + gap > width {
                x = gap
                y += rowHeight + gap
                rowHeight = 0
            }
            frames.append(Rect(x: x, y: y, width: size.width, height: size.height))
            x += size.width + gap
            rowHeight = max(rowHeight, size.height)
        }
        return frames
    }
}
