"""Peer (b): Python + pycairo + PangoCairo, JPEG through Pillow.

Draws each banner of the layout file with Cairo and sets its text with Pango
over the fonts in Fonts/ only (a private fontconfig file, FONTCONFIG_FILE,
written by the driver), with Banneret's font options (no hinting, greyscale
antialiasing, unrounded glyph positions). Text is fitted the same way:
largest quarter-pixel size in the template's range that fits the frame in
its maximum lines (one-line texts solved by proportion, others by bisection),
ellipsis at the minimum size. Pictures are decoded once per process and
halved into a pyramid, then drawn bilinear, like Banneret's renderer.
Not ported: Banneret's rebalancing of a lone last word.

usage: peer_pycairo.py --layout layout.json --out DIR [--repeats 10] [--jobs 2]
"""

import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

import cairo  # noqa: E402
import gi  # noqa: E402

gi.require_version("Pango", "1.0")
gi.require_version("PangoCairo", "1.0")
gi.require_foreign("cairo")
from gi.repository import Pango, PangoCairo  # noqa: E402
from PIL import Image  # noqa: E402

SCALE = Pango.SCALE


class TextSetter:
    """One per process: Pango font maps must not be shared."""

    def __init__(self):
        self.fontmap = PangoCairo.FontMap.new()
        self.context = self.fontmap.create_context()
        options = cairo.FontOptions()
        options.set_hint_style(cairo.HINT_STYLE_NONE)
        options.set_hint_metrics(cairo.HINT_METRICS_OFF)
        options.set_antialias(cairo.ANTIALIAS_GRAY)
        PangoCairo.context_set_font_options(self.context, options)
        self.context.set_round_glyph_positions(False)
        self.layout = Pango.Layout.new(self.context)
        self.layout.set_auto_dir(True)
        self.text = None

    def configure(self, e, size, width, ellipsize=None):
        layout = self.layout
        if e["text"] != self.text:
            layout.set_text(e["text"], -1)
            self.text = e["text"]
        desc = Pango.FontDescription()
        desc.set_family(e["family"])
        desc.set_weight(e["weight"])
        desc.set_absolute_size(size * SCALE)
        layout.set_font_description(desc)
        attrs = Pango.AttrList()
        if e["tracking"]:
            attrs.insert(Pango.attr_letter_spacing_new(int(e["tracking"] * size * SCALE)))
        if e["strikethrough"]:
            attrs.insert(Pango.attr_strikethrough_new(True))
        for start, end in e["_keep_all"]:
            a = Pango.attr_allow_breaks_new(False)
            a.start_index, a.end_index = start, end
            attrs.insert(a)
        layout.set_attributes(attrs)
        wrap = width if ellipsize is None else max(1, width - 1)
        layout.set_width(int(math.ceil(wrap * SCALE)))
        layout.set_wrap(Pango.WrapMode.WORD)
        layout.set_line_spacing(e["line_height"])
        layout.set_alignment({"leading": Pango.Alignment.LEFT, "center": Pango.Alignment.CENTER,
                              "trailing": Pango.Alignment.RIGHT}[e["align"]])
        if ellipsize:
            layout.set_ellipsize(Pango.EllipsizeMode.END)
            layout.set_height(-ellipsize)
        else:
            layout.set_ellipsize(Pango.EllipsizeMode.NONE)
            layout.set_height(-1)

    def measure(self, e, size, width, ellipsize=None):
        self.configure(e, size, width, ellipsize)
        _, logical = self.layout.get_extents()
        return dict(size=size, lines=self.layout.get_line_count(), width=logical.width / SCALE,
                    height=logical.height / SCALE, ellipsize=ellipsize)

    def fit(self, e):
        x, y, w, h = e["frame"]
        lo, hi, max_lines = e["min_size"], e["max_size"], e["max_lines"]

        def fits(m):
            return m["lines"] <= max_lines and m["width"] <= w + 0.01 and m["height"] <= h + 0.01

        def quantize(s):
            return math.floor(s * 4) / 4

        largest = self.measure(e, hi, w)
        if fits(largest):
            return largest
        if max_lines == 1:
            guess = quantize(min(hi * w / max(largest["width"], 0.001), hi * h / max(largest["height"], 0.001)) * 0.999)
            if guess >= lo:
                m = self.measure(e, guess, w)
                if fits(m):
                    return m
        best = self.measure(e, lo, w)
        if not fits(best):
            if not e["ellipsis"]:
                return best
            for lines in range(max(1, max_lines), 0, -1):
                m = self.measure(e, lo, w, ellipsize=lines)
                if fits(m):
                    return m
            return m
        for _ in range(8):
            if hi - lo <= 0.25:
                break
            middle = quantize((lo + hi) / 2)
            if middle <= lo:
                break
            m = self.measure(e, middle, w)
            if fits(m):
                best, lo = m, middle
            else:
                hi = middle
        return best

    def draw(self, cr, e, fitted):
        x, y, w, h = e["frame"]
        self.configure(e, fitted["size"], w, fitted["ellipsize"])
        _, logical = self.layout.get_extents()
        height = logical.height / SCALE
        top = {"top": y, "center": y + (h - height) / 2, "bottom": y + h - height}[e["valign"]]
        r, g, b, a = common.rgba(e["color"])
        cr.set_source_rgba(r, g, b, a)
        cr.move_to(x, top - logical.y / SCALE)
        PangoCairo.show_layout(cr, self.layout)


class Pictures:
    """Decoded pictures as premultiplied Cairo surfaces with their halvings, per process."""

    def __init__(self):
        self.levels = {}
        self.opaques = {}

    def opaque(self, path):
        if path not in self.opaques:
            self.opaques[path] = common.picture(path).getextrema()[3][0] == 255
        return self.opaques[path]

    def level(self, path, scale):
        levels = self.levels.get(path)
        if levels is None:
            im = common.picture(path).convert("RGBa")  # premultiplied
            levels = self.levels[path] = [(im, None)]
        index, remaining = 0, scale
        while remaining < 0.5 and index < 12:
            remaining *= 2
            index += 1
        while len(levels) <= index and min(levels[-1][0].size) >= 2:
            levels.append((levels[-1][0].reduce(2), None))
        index = min(index, len(levels) - 1)
        im, surface = levels[index]
        if surface is None:
            r, g, b, a = im.split()
            data = bytearray(Image.merge("RGBA", (b, g, r, a)).tobytes())  # BGRA in memory = ARGB32
            surface = cairo.ImageSurface.create_for_data(data, cairo.FORMAT_ARGB32, im.width, im.height, im.width * 4)
            levels[index] = (im, surface)
        return surface


def path_shape(cr, kind, radius, frame):
    x, y, w, h = frame
    cr.new_path()
    if kind == "rectangle":
        cr.rectangle(x, y, w, h)
    elif kind == "rounded":
        r = max(0, min(radius, w / 2, h / 2))
        cr.new_sub_path()
        cr.arc(x + w - r, y + r, r, -math.pi / 2, 0)
        cr.arc(x + w - r, y + h - r, r, 0, math.pi / 2)
        cr.arc(x + r, y + h - r, r, math.pi / 2, math.pi)
        cr.arc(x + r, y + r, r, math.pi, 3 * math.pi / 2)
        cr.close_path()
    else:  # ellipse
        cr.save()
        cr.translate(x + w / 2, y + h / 2)
        cr.scale(w / 2, h / 2)
        cr.arc(0, 0, 1, 0, 2 * math.pi)
        cr.restore()


def set_fill(cr, fill, frame):
    if "solid" in fill:
        cr.set_source_rgba(*common.rgba(fill["solid"]))
        return
    g = fill["gradient"]
    x, y, w, h = frame
    rad = g["angle"] * math.pi / 180
    cx, cy = x + w / 2, y + h / 2
    half = (abs(math.cos(rad)) * w + abs(math.sin(rad)) * h) / 2
    pattern = cairo.LinearGradient(cx - math.cos(rad) * half, cy - math.sin(rad) * half,
                                   cx + math.cos(rad) * half, cy + math.sin(rad) * half)
    pattern.add_color_stop_rgba(0, *common.rgba(g["from"]))
    pattern.add_color_stop_rgba(1, *common.rgba(g["to"]))
    cr.set_source(pattern)


def render(banner, setter, pictures):
    w, h = banner["size"]
    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, w, h)
    cr = cairo.Context(surface)
    set_fill(cr, banner["background"], (0, 0, w, h))
    cr.paint()
    for e in banner["elements"]:
        kind = e["type"]
        if kind == "shape":
            path_shape(cr, e["shape"], e["radius"], e["frame"])
            set_fill(cr, e["fill"], e["frame"])
            cr.fill()
            if "stroke" in e:
                half = e["stroke"]["width"] / 2
                fx, fy, fw, fh = e["frame"]
                path_shape(cr, e["shape"], e["radius"], (fx + half, fy + half, fw - 2 * half, fh - 2 * half))
                cr.set_source_rgba(*common.rgba(e["stroke"]["color"]))
                cr.set_line_width(e["stroke"]["width"])
                cr.stroke()
        elif kind == "image":
            dx, dy, dw, dh = e["rect"]
            pic = common.picture(e["source"])
            source = pictures.level(e["source"], dw / pic.width)
            cr.save()
            if e["clip"]:
                path_shape(cr, "rounded" if e["radius"] > 0 else "rectangle", e["radius"], e["frame"])
                cr.clip()
            cr.translate(dx, dy)
            cr.scale(dw / source.get_width(), dh / source.get_height())
            cr.set_source_surface(source, 0, 0)
            pattern = cr.get_source()
            pattern.set_filter(cairo.FILTER_BILINEAR)
            pattern.set_extend(cairo.EXTEND_PAD if pictures.opaque(e["source"]) else cairo.EXTEND_NONE)
            cr.rectangle(0, 0, source.get_width(), source.get_height())
            cr.fill()
            cr.restore()
        else:
            fitted = setter.fit(e)
            setter.draw(cr, e, fitted)
    surface.flush()
    return Image.frombuffer("RGB", (w, h), bytes(surface.get_data()), "raw", "BGRX", surface.get_stride(), 1)


def render_range(items):
    setter, pictures = TextSetter(), Pictures()
    for _, banner, _, name in items:
        common.save_jpeg(render(banner, setter, pictures), os.path.join(OUT, name))


def main():
    global OUT
    started = time.perf_counter()
    args = common.parse_args(sys.argv[1:])
    OUT = args.out
    os.makedirs(OUT, exist_ok=True)
    layout = common.load_layout(args.layout)
    for b in layout["banners"]:
        for e in b["elements"]:
            if e["type"] == "text":
                e["_keep_all"] = common.keep_all_ranges(e["text"])
    items = common.work_list(layout, args.repeats)
    if args.only:
        items = [i for i in items if i[3].startswith(args.only)]
    common.run_pool(render_range, items, args.jobs)
    common.report("pycairo+pango", started, len(items), jobs=args.jobs,
                  versions=dict(pycairo=cairo.version, cairo=cairo.cairo_version_string(),
                                pango=Pango.version_string(), pillow=Image.__version__))


if __name__ == "__main__":
    main()
