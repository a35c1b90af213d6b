import CCairo
import Foundation

/// A banner drawn to pixels, with what the text fitter decided per element.
public struct RenderedBanner: @unchecked Sendable {
    // @unchecked: `pixels` is no longer written once the renderer returns it.
    public var pixels: PixelBuffer
    /// Per text element id, in drawing order.
    public var texts: [(id: String, fitted: FittedText)]
}

/// Draws a ``BannerSpec`` with Cairo. One per worker thread: it owns a Pango
/// font map through its ``TextSetter``; decoded images come from the shared
/// ``ImageCache``.
final class BannerRenderer {
    let textSetter: TextSetter
    let images: ImageCache

    init(fonts: FontSet, images: ImageCache) {
        textSetter = TextSetter(fonts: fonts)
        self.images = images
    }

    func render(_ spec: BannerSpec) throws -> RenderedBanner {
        let pixels = PixelBuffer(width: spec.size.width, height: spec.size.height)
        let surface = cairo_image_surface_create_for_data(pixels.bytes.assumingMemoryBound(to: UInt8.self),
                                                          CAIRO_FORMAT_ARGB32, Int32(pixels.width),
                                                          Int32(pixels.height), Int32(pixels.stride))
        let cairo = cairo_create(surface)!
        defer {
            // The context may hold the last reference to a scaled font: releasing it is font code.
            CairoFontLock.withLock {
                cairo_destroy(cairo)
                cairo_surface_destroy(surface)
            }
        }
        let texts = try draw(spec, on: cairo)
        cairo_surface_flush(surface)
        try Self.check(cairo)
        // Painting over an opaque background (Cairo's OVER) keeps every pixel opaque.
        pixels.isOpaque = spec.background.isOpaque
        return RenderedBanner(pixels: pixels, texts: texts)
    }

    /// The same drawing onto a PDF or SVG surface: the vector file of the
    /// banner whose pixels ``render(_:)`` checked.
    func renderVector(_ spec: BannerSpec, as format: OutputFormat) throws -> Data {
        let sink = VectorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, bytes, length in
            Unmanaged<VectorSink>.fromOpaque(closure!).takeUnretainedValue().data.append(bytes!, count: Int(length))
            return CAIRO_STATUS_SUCCESS
        }
        let width = Double(spec.size.width), height = Double(spec.size.height)
        let surface: OpaquePointer
        switch format {
        case .pdf:
            // One PDF point per banner pixel: a 300x250 banner is a 300x250 pt page.
            surface = cairo_pdf_surface_create_for_stream(write, context, width, height)
        case .svg:
            surface = cairo_svg_surface_create_for_stream(write, context, width, height)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        case .png, .jpeg, .webp:
            throw BanneretError(.encodeFailed, "\(format.name) is not a vector format")
        }
        let cairo = cairo_create(surface)!
        do {
            _ = try draw(spec, on: cairo)
            try Self.check(cairo)
        } catch {
            CairoFontLock.withLock {
                cairo_destroy(cairo)
                cairo_surface_destroy(surface)
            }
            throw error
        }
        // Finishing subsets the fonts the page used (and writes the trailer
        // through `write`): cairo font code, so under the lock.
        let status = CairoFontLock.withLock {
            cairo_destroy(cairo)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            return status
        }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw BanneretError(.encodeFailed, "cairo \(format.name): \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.data
    }

    /// Paints the spec's background and elements in order; returns what the
    /// text fitter decided for each text.
    private func draw(_ spec: BannerSpec, on cairo: OpaquePointer) throws -> [(id: String, fitted: FittedText)] {
        let canvas = Rect(x: 0, y: 0, width: Double(spec.size.width), height: Double(spec.size.height))
        setSource(spec.background, over: canvas, on: cairo)
        cairo_paint(cairo)

        var texts: [(id: String, fitted: FittedText)] = []
        for element in spec.elements {
            switch element {
            case .shape(let shape):
                path(shape.kind, in: shape.frame, on: cairo)
                setSource(shape.fill, over: shape.frame, on: cairo)
                cairo_fill(cairo)
                if let stroke = shape.stroke {
                    // Inset by half the width so the outline stays inside the frame the layout solved.
                    let half = stroke.width / 2
                    path(shape.kind, in: shape.frame.insetBy(dx: half, dy: half), on: cairo)
                    setSource(.solid(stroke.color), over: shape.frame, on: cairo)
                    cairo_set_line_width(cairo, stroke.width)
                    cairo_stroke(cairo)
                }
            case .image(let image):
                try draw(image, on: cairo)
            case .text(let text):
                let fitted = textSetter.fit(text.text, style: text.style, in: (text.frame.width, text.frame.height))
                textSetter.draw(text.text, style: text.style, fitted: fitted, frame: text.frame, on: cairo)
                texts.append((text.id, fitted))
            }
        }
        return texts
    }

    private static func check(_ cairo: OpaquePointer) throws {
        guard cairo_status(cairo) == CAIRO_STATUS_SUCCESS else {
            throw BanneretError(.renderFailed, "cairo: \(String(cString: cairo_status_to_string(cairo_status(cairo))))")
        }
    }

    // MARK: Images

    private func draw(_ element: ImageElement, on cairo: OpaquePointer) throws {
        let image = try images.image(at: element.source)
        let frame = element.frame
        let placement = ImagePlacement(element, imageWidth: image.width, imageHeight: image.height)
        let scale = placement.scale
        let (dx, dy, dw, dh) = (placement.rect.x, placement.rect.y, placement.rect.width, placement.rect.height)
        let level = image.level(forScale: scale)
        let source = cairo_image_surface_create_for_data(level.bytes.assumingMemoryBound(to: UInt8.self),
                                                         CAIRO_FORMAT_ARGB32, Int32(level.width),
                                                         Int32(level.height), Int32(level.stride))
        defer { cairo_surface_destroy(source) }
        cairo_save(cairo)
        if element.fit == .cover || element.cornerRadius > 0 {
            path(element.cornerRadius > 0 ? .roundedRectangle(radius: element.cornerRadius) : .rectangle,
                 in: frame, on: cairo)
            cairo_clip(cairo)
        }
        cairo_translate(cairo, dx, dy)
        cairo_scale(cairo, dw / Double(level.width), dh / Double(level.height))
        cairo_set_source_surface(cairo, source, 0, 0)
        let pattern = cairo_get_source(cairo)
        // The pyramid already did the heavy shrinking; bilinear finishes the
        // last < 2× step. CAIRO_FILTER_GOOD would cost 4–23 ms per large photo.
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_BILINEAR)
        // Opaque photos are padded so edge pixels do not fade into the background.
        cairo_pattern_set_extend(pattern, image.hasAlpha ? CAIRO_EXTEND_NONE : CAIRO_EXTEND_PAD)
        cairo_rectangle(cairo, 0, 0, Double(level.width), Double(level.height))
        cairo_fill(cairo)
        cairo_restore(cairo)
    }

    // MARK: Shapes and fills

    private func path(_ kind: ShapeElement.Kind, in frame: Rect, on cairo: OpaquePointer) {
        cairo_new_path(cairo)
        switch kind {
        case .rectangle:
            cairo_rectangle(cairo, frame.x, frame.y, frame.width, frame.height)
        case .roundedRectangle(let radius):
            roundedRectangle(frame, radius: radius, on: cairo)
        case .pill:
            roundedRectangle(frame, radius: min(frame.width, frame.height) / 2, on: cairo)
        case .ellipse:
            cairo_save(cairo)
            cairo_translate(cairo, frame.x + frame.width / 2, frame.y + frame.height / 2)
            cairo_scale(cairo, frame.width / 2, frame.height / 2)
            cairo_arc(cairo, 0, 0, 1, 0, 2 * .pi)
            cairo_restore(cairo)
        case .burst:
            let corners = Burst.outline(in: frame)
            cairo_move_to(cairo, corners[0].x, corners[0].y)
            for corner in corners.dropFirst() { cairo_line_to(cairo, corner.x, corner.y) }
            cairo_close_path(cairo)
        }
    }

    private func roundedRectangle(_ frame: Rect, radius: Double, on cairo: OpaquePointer) {
        let r = max(0, min(radius, frame.width / 2, frame.height / 2))
        let x0 = frame.x, y0 = frame.y, x1 = frame.maxX, y1 = frame.maxY
        cairo_new_sub_path(cairo)
        cairo_arc(cairo, x1 - r, y0 + r, r, -.pi / 2, 0)
        cairo_arc(cairo, x1 - r, y1 - r, r, 0, .pi / 2)
        cairo_arc(cairo, x0 + r, y1 - r, r, .pi / 2, .pi)
        cairo_arc(cairo, x0 + r, y0 + r, r, .pi, 3 * .pi / 2)
        cairo_close_path(cairo)
    }

    private func setSource(_ fill: Fill, over frame: Rect, on cairo: OpaquePointer) {
        switch fill {
        case .solid(let c):
            cairo_set_source_rgba(cairo, c.red, c.green, c.blue, c.alpha)
        case .linearGradient(let from, let to, let angle):
            let radians = angle * .pi / 180
            let cx = frame.x + frame.width / 2, cy = frame.y + frame.height / 2
            // Half the frame's extent along the gradient direction, so the
            // end colours land exactly on the frame's corners.
            let half = (abs(cos(radians)) * frame.width + abs(sin(radians)) * frame.height) / 2
            let pattern = cairo_pattern_create_linear(cx - cos(radians) * half, cy - sin(radians) * half,
                                                      cx + cos(radians) * half, cy + sin(radians) * half)
            cairo_pattern_add_color_stop_rgba(pattern, 0, from.red, from.green, from.blue, from.alpha)
            cairo_pattern_add_color_stop_rgba(pattern, 1, to.red, to.green, to.blue, to.alpha)
            cairo_set_source(cairo, pattern)
            cairo_pattern_destroy(pattern)
        }
    }
}

/// Collects what a Cairo stream surface writes.
private final class VectorSink {
    var data = Data()
}
