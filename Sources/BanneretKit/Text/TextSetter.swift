import CCairo
import CPangoCairo
import Foundation

/// Shapes, measures, fits and draws text with Pango over the bundled fonts.
///
/// Not thread-safe by design: Pango font maps must not be shared between
/// threads, so each render worker owns one setter (and so one font map).
/// Font options are fixed — no hinting, no hint metrics, greyscale
/// antialiasing, unrounded glyph positions — so a text's width scales
/// linearly with its size, which makes fitting single lines a division.
final class TextSetter {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private let layout: OpaquePointer
    private let fonts: FontSet

    init(fonts: FontSet) {
        CairoFontLock.lock()
        defer { CairoFontLock.unlock() }
        self.fonts = fonts
        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(OpaquePointer(fontMap), fonts.config)
        context = pango_font_map_create_context(fontMap)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
        pango_context_set_round_glyph_positions(context, 0)
        layout = pango_layout_new(context)
        pango_layout_set_auto_dir(layout, 1)
    }

    deinit {
        CairoFontLock.lock()
        defer { CairoFontLock.unlock() }
        g_object_unref(UnsafeMutableRawPointer(layout))
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    private var pangoLayout: OpaquePointer { layout }

    // MARK: Fitting

    /// Finds the largest size in the style's range at which `text` fits `box`
    /// in at most `maximumLines` lines; below the minimum, ellipsizes if the
    /// style allows, else reports an overflow.
    func fit(_ text: String, style: TextStyle, in box: (width: Double, height: Double)) -> FittedText {
        // One lock for the whole fit: handing the lock over between its dozen
        // measurements cost more than it gained.
        CairoFontLock.withLock { fitUnlocked(text, style: style, in: box) }
    }

    private func fitUnlocked(_ text: String, style: TextStyle, in box: (width: Double, height: Double)) -> FittedText {
        let fitted = fitSize(text, style: style, in: box)
        guard fitted.lineCount >= 2, !fitted.truncated, !fitted.overflows else { return fitted }
        return avoidingLoneLastWord(text, style: style, fitted: fitted, box: box)
    }

    /// A single short word alone on the last line ("Ceramic Planter Set of / 3") reads badly.
    /// Narrowing the wrap width, keeping the line count, pulls a second word down.
    private func avoidingLoneLastWord(_ text: String, style: TextStyle, fitted: FittedText,
                                      box: (width: Double, height: Double)) -> FittedText {
        let displayed = style.font.uppercase ? text.uppercased() : text
        /// A last line of one word, or any line of one very short word (an emoji, "3", "빛").
        func lastLineIsLoneWord(_ width: Double) -> Bool {
            let lines = self.linesUnlocked(of: displayed, style: style, size: fitted.fontSize, width: width)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard let last = lines.last, lines.count >= 2 else { return false }
            if !last.contains(" ") && last.count <= 12 { return true }
            return lines.contains { !$0.contains(" ") && $0.count <= 3 }
        }
        guard lastLineIsLoneWord(box.width) else { return fitted }
        for factor in stride(from: 0.95, through: 0.6, by: -0.05) {
            let width = box.width * factor
            var m = measure(displayed, style: style, size: fitted.fontSize, width: width)
            guard m.lineCount == fitted.lineCount, m.height <= box.height + 0.01 else { break }
            if !lastLineIsLoneWord(width) {
                m.wrapWidth = width
                return m
            }
        }
        return fitted
    }

    private func fitSize(_ text: String, style: TextStyle, in box: (width: Double, height: Double)) -> FittedText {
        let displayed = style.font.uppercase ? text.uppercased() : text
        func measure(_ size: Double) -> FittedText {
            self.measure(displayed, style: style, size: size, width: box.width)
        }
        func fits(_ m: FittedText) -> Bool {
            m.lineCount <= style.maximumLines && m.width <= box.width + 0.01 && m.height <= box.height + 0.01
        }

        let largest = measure(style.maximumSize)
        if fits(largest) { return largest }

        // One line: width is linear in size, so solve for it, then confirm.
        if style.maximumLines == 1 {
            let byWidth = style.maximumSize * box.width / max(largest.width, 0.001)
            let byHeight = style.maximumSize * box.height / max(largest.height, 0.001)
            let guess = quantize(min(byWidth, byHeight) * 0.999)
            if guess >= style.minimumSize {
                let m = measure(guess)
                if fits(m) { return m }
            }
        }

        var low = style.minimumSize, high = style.maximumSize
        var best = measure(low)
        guard fits(best) else { return ellipsized(displayed, style: style, box: box, fits: fits) }
        // Sizes are quantised to 1/4 px, so 8 halvings of a typical range land on a step.
        for _ in 0 ..< 8 where high - low > 0.25 {
            let middle = quantize((low + high) / 2)
            if middle <= low { break }
            let m = measure(middle)
            if fits(m) {
                best = m
                low = middle
            } else {
                high = middle
            }
        }
        return best
    }

    /// At the minimum size, cuts the text with "…" after as many lines as
    /// fit the box (the style's maximum or fewer); overflow if not even one does.
    private func ellipsized(_ text: String, style: TextStyle, box: (width: Double, height: Double),
                            fits: (FittedText) -> Bool) -> FittedText {
        guard style.allowsEllipsis else {
            var m = measure(text, style: style, size: style.minimumSize, width: box.width)
            m.overflows = true
            return m
        }
        var m = FittedText(fontSize: style.minimumSize, lineCount: 0, width: 0, height: 0, truncated: true,
                           unknownGlyphs: 0, overflows: true)
        for lines in stride(from: max(1, style.maximumLines), through: 1, by: -1) {
            m = measure(text, style: style, size: style.minimumSize, width: box.width, ellipsize: lines)
            if fits(m) { return m }
        }
        m.overflows = true
        return m
    }

    private func quantize(_ size: Double) -> Double { (size * 4).rounded(.down) / 4 }

    /// Lays `text` out and measures it (the caller holds ``CairoFontLock``).
    private func measure(_ text: String, style: TextStyle, size: Double, width: Double, ellipsize: Int? = nil) -> FittedText {
        configure(text, style: style, size: size, width: width, ellipsize: ellipsize)
        return measurement(size: size, truncated: ellipsize != nil && pango_layout_is_ellipsized(pangoLayout) != 0)
    }

    private func measurement(size: Double, truncated: Bool) -> FittedText {
        var logical = PangoRectangle()
        pango_layout_get_extents(pangoLayout, nil, &logical)
        let scale = Double(PANGO_SCALE)
        return FittedText(fontSize: size,
                          lineCount: Int(pango_layout_get_line_count(pangoLayout)),
                          width: Double(logical.width) / scale,
                          height: Double(logical.height) / scale - currentLeading,
                          truncated: truncated,
                          unknownGlyphs: Int(pango_layout_get_unknown_glyphs_count(pangoLayout)),
                          overflows: false)
    }

    /// The lines `text` breaks into at `size` in a box `width` wide, as laid out.
    func lines(of text: String, style: TextStyle, size: Double, width: Double) -> [String] {
        CairoFontLock.withLock { linesUnlocked(of: text, style: style, size: size, width: width) }
    }

    private func linesUnlocked(of text: String, style: TextStyle, size: Double, width: Double) -> [String] {
        configure(text, style: style, size: size, width: width, ellipsize: nil)
        let utf8 = Array(text.utf8)
        return (0 ..< pango_layout_get_line_count(pangoLayout)).compactMap { index in
            guard let line = pango_layout_get_line_readonly(pangoLayout, index) else { return nil }
            let start = Int(line.pointee.start_index), length = Int(line.pointee.length)
            return String(decoding: utf8[start ..< min(utf8.count, start + length)], as: UTF8.self)
        }
    }

    // MARK: Drawing

    /// Draws text fitted by ``fit(_:style:in:)`` inside `frame`.
    func draw(_ text: String, style: TextStyle, fitted: FittedText, frame: Rect, on cairo: OpaquePointer) {
        CairoFontLock.lock()
        defer { CairoFontLock.unlock() }
        let displayed = style.font.uppercase ? text.uppercased() : text
        let wrapWidth = min(fitted.wrapWidth ?? frame.width, frame.width)
        configure(displayed, style: style, size: fitted.fontSize, width: wrapWidth,
                  ellipsize: fitted.truncated ? fitted.lineCount : nil)
        var logical = PangoRectangle()
        pango_layout_get_extents(pangoLayout, nil, &logical)
        let height = Double(logical.height) / Double(PANGO_SCALE) - currentLeading
        // A narrowed wrap width sits where the alignment puts it inside the frame.
        let slack = frame.width - wrapWidth
        let rightToLeft = RightToLeft.startsRightToLeft(displayed)
        let shift: Double = switch style.alignment {
        case .center: slack / 2
        case .leading: rightToLeft ? slack : 0
        case .trailing: rightToLeft ? 0 : slack
        }
        let top: Double = switch style.verticalAlignment {
        case .top: frame.y
        case .center: frame.y + (frame.height - height) / 2
        case .bottom: frame.maxY - height
        }
        cairo_save(cairo)
        cairo_set_source_rgba(cairo, style.color.red, style.color.green, style.color.blue, style.color.alpha)
        // The first line's half-leading sits above the text's box, not inside it.
        cairo_move_to(cairo, frame.x + shift, top - Double(logical.y) / Double(PANGO_SCALE) - currentLeading / 2)
        pango_cairo_show_layout(cairo, pangoLayout)
        cairo_restore(cairo)
    }

    // MARK: Layout set-up

    private var currentText = ""
    private var currentScript = DominantScript.latin
    /// Byte ranges of `currentText` no line may break inside (Korean words, a separator and the space before it).
    private var currentUnbreakable: [Range<Int>] = []
    /// Line pitch minus the font's own height, in pixels, for the layout as
    /// last configured: Pango adds half of it above the first line and half
    /// below the last, which the text's box leaves out.
    private var currentLeading = 0.0
    /// Metrics height and ascent plus descent per pixel of size, per font and script.
    private var fontHeights: [FontHeightKey: (height: Double, natural: Double)] = [:]

    private struct FontHeightKey: Hashable {
        var family: String
        var weight: Int
        var script: DominantScript
    }

    /// The height of the font that sets `script` in `style`'s family at
    /// `size`, in Pango units. Measured once per font at a large size and
    /// scaled: with hinting off, metrics are linear in size to well under a
    /// Pango unit, so no font need be loaded for each size the fitter tries.
    private func fontHeight(_ style: TextStyle, script: DominantScript, size: Double) -> (height: Int32, natural: Int32) {
        let key = FontHeightKey(family: style.font.family, weight: style.font.weight, script: script)
        let perPixel: (height: Double, natural: Double)
        if let known = fontHeights[key] {
            perPixel = known
        } else {
            perPixel = measureFontHeight(style, script: script)
            fontHeights[key] = perPixel
        }
        let scale = size * Double(PANGO_SCALE)
        return (Int32((perPixel.height * scale).rounded()), Int32((perPixel.natural * scale).rounded()))
    }

    private func measureFontHeight(_ style: TextStyle, script: DominantScript) -> (height: Double, natural: Double) {
        let reference = 1000.0
        let description = fontDescription(style, size: reference)
        defer { pango_font_description_free(description) }
        var result = (height: 1.2, natural: 1.2)
        if let fontset = pango_context_load_fontset(context, description, nil) {
            if let font = pango_fontset_get_font(fontset, script.representative.unicodeScalars.first!.value) {
                if let metrics = pango_font_get_metrics(font, nil) {
                    let unit = reference * Double(PANGO_SCALE)
                    result = (height: Double(pango_font_metrics_get_height(metrics)) / unit,
                              natural: Double(pango_font_metrics_get_ascent(metrics) + pango_font_metrics_get_descent(metrics)) / unit)
                    pango_font_metrics_unref(metrics)
                }
                g_object_unref(UnsafeMutableRawPointer(font))
            }
            g_object_unref(UnsafeMutableRawPointer(fontset))
        }
        return result
    }

    /// The style's family and weight at `size` pixels; the caller frees it.
    private func fontDescription(_ style: TextStyle, size: Double) -> OpaquePointer {
        let description = pango_font_description_new()!
        pango_font_description_set_family(description, style.font.family)
        pango_font_description_set_weight(description, PangoWeight(UInt32(clamping: style.font.weight)))
        pango_font_description_set_absolute_size(description, size * Double(PANGO_SCALE))
        return description
    }

    /// - Parameter ellipsize: cut after this many lines with "…", or nil to wrap freely.
    private func configure(_ text: String, style: TextStyle, size: Double, width: Double, ellipsize: Int?) {
        if text != currentText {
            pango_layout_set_text(pangoLayout, text, -1)
            currentText = text
            // Fitting configures one text a dozen times: read its letters once.
            currentScript = DominantScript(of: text)
            currentUnbreakable = KeepAll.protectedByteRanges(in: text) + SeparatorGlue.protectedByteRanges(in: text)
        }
        let description = fontDescription(style, size: size)
        pango_layout_set_font_description(pangoLayout, description)
        pango_font_description_free(description)

        // Every line gets the same pitch, that of the font setting most of the
        // text. Pango's own line spacing follows each line's fonts, so one
        // Arabic word (its font is 1.7 times Inter's height) or an emoji
        // opened a gap under its line.
        let script = currentScript
        let font = fontHeight(style, script: script, size: size)
        var body = font.height
        if script == .arabic {
            // Arabic fonts declare room for stacked marks (Noto Sans Arabic:
            // 2.1 em, Inter 1.2), which sets lines far apart. Arabic gets a
            // quarter more leading than Latin instead, the usual typesetting
            // rule, which still clears marks above and dots below.
            body = min(body, Int32(Double(fontHeight(style, script: .latin, size: size).height) * 1.25))
        }
        let pitch = Int32((style.lineHeight * Double(body)).rounded())
        currentLeading = Double(pitch - font.natural) / Double(PANGO_SCALE)
        let attributes = pango_attr_list_new()
        pango_attr_list_insert(attributes, pango_attr_line_height_new_absolute(pitch))
        if style.font.tracking != 0 {
            pango_attr_list_insert(attributes, pango_attr_letter_spacing_new(Int32(style.font.tracking * size * Double(PANGO_SCALE))))
        }
        if style.strikethrough {
            pango_attr_list_insert(attributes, pango_attr_strikethrough_new(1))
        }
        for range in currentUnbreakable {
            let attribute = pango_attr_allow_breaks_new(0)!
            attribute.pointee.start_index = UInt32(range.lowerBound)
            attribute.pointee.end_index = UInt32(range.upperBound)
            pango_attr_list_insert(attributes, attribute)
        }
        pango_layout_set_attributes(pangoLayout, attributes)
        pango_attr_list_unref(attributes)

        // Pango's ellipsized line can overshoot the width by a fraction of a
        // pixel with negative tracking; a pixel of slack keeps it inside.
        let wrapWidth = ellipsize == nil ? width : max(1, width - 1)
        pango_layout_set_width(pangoLayout, Int32((wrapWidth * Double(PANGO_SCALE)).rounded(.up)))
        pango_layout_set_wrap(pangoLayout, PANGO_WRAP_WORD)
        pango_layout_set_line_spacing(pangoLayout, 0)
        // With auto-dir on, LEFT means "leading": Arabic paragraphs flip to the right.
        let alignment: PangoAlignment = switch style.alignment {
        case .leading: PANGO_ALIGN_LEFT
        case .center: PANGO_ALIGN_CENTER
        case .trailing: PANGO_ALIGN_RIGHT
        }
        pango_layout_set_alignment(pangoLayout, alignment)
        if let lines = ellipsize {
            pango_layout_set_ellipsize(pangoLayout, PANGO_ELLIPSIZE_END)
            pango_layout_set_height(pangoLayout, -Int32(max(1, lines)))
        } else {
            pango_layout_set_ellipsize(pangoLayout, PANGO_ELLIPSIZE_NONE)
            pango_layout_set_height(pangoLayout, -1)
        }
    }
}
