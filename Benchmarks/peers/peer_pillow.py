"""Peer (c): Pillow only (ImageDraw, ImageFont with libraqm), JPEG q85.

Draws each banner of the layout file with Pillow and the font files in
Fonts/. Pillow has no font fallback, so text is cut into runs by script and
each run set with the file Banneret's fallback ends up using (Inter, then
NanumSquare for Hangul, Noto Sans Arabic, Noto Color Emoji, whose 109 px
bitmap strike is scaled to the text size). Lines are wrapped at spaces
(Korean words kept whole, as Banneret does), and the text is fitted the same
way: largest size in the template's range whose lines fit the frame,
by bisection, with an ellipsis at the minimum size. Pillow 9.4 takes only
whole-pixel font sizes and has no letter spacing, so sizes are integers and
the display face's -0.01 em tracking is not applied. Ellipses, the CTA pill
and rounded cards are drawn 4× larger into a mask and reduced, since Pillow
does not antialias shapes. Pictures are decoded once per process and scaled
per banner with Pillow's bilinear filter (area-correct when shrinking).

usage: peer_pillow.py --layout layout.json --out DIR [--repeats 10] [--jobs 2]
"""

import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

from PIL import Image, ImageDraw, ImageFont, features  # noqa: E402

EMOJI_STRIKE = 109  # the only size Noto Color Emoji's bitmaps come in
SUPERSAMPLE = 4

_fonts = {}


def font(path, size):
    key = (path, size)
    f = _fonts.get(key)
    if f is None:
        f = _fonts[key] = ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.RAQM)
    return f


def runs(text, family, weight):
    """[(family, text)] with one family per run, by script."""
    out = []
    for ch in text:
        fam = common.script_family(ch, family)
        if fam == "Noto Color Emoji" and ch in "\ufe0f\u200d" and out:
            fam = out[-1][0]  # variation selectors stay with what they modify
        if out and out[-1][0] == fam:
            out[-1] = (fam, out[-1][1] + ch)
        else:
            out.append((fam, ch))
    return [(fam, t, common.font_file(fam, weight)) for fam, t in out]


class TextLayout:
    """Words measured and wrapped at one size. Line metrics follow Pango: a
    line is as tall as the fonts it uses (ascent + descent), and each
    baseline sits line_height × the next line's height below the previous."""

    def __init__(self, e, size):
        self.e, self.size = e, size
        self.primary = common.font_file(e["family"], e["weight"])
        self.space = font(self.primary, size).getlength(" ")
        self.metrics = {}

    def font_metrics(self, path):
        m = self.metrics.get(path)
        if m is None:
            if path.endswith("NotoColorEmoji.ttf"):
                a, d = font(path, EMOJI_STRIKE).getmetrics()
                m = (a * self.size / EMOJI_STRIKE, d * self.size / EMOJI_STRIKE)
            else:
                m = font(path, self.size).getmetrics()
            self.metrics[path] = m
        return m

    def run_width(self, fam, text, path):
        if fam == "Noto Color Emoji":
            return font(path, EMOJI_STRIKE).getlength(text) * self.size / EMOJI_STRIKE
        return font(path, self.size).getlength(text, direction="rtl" if fam == "Noto Sans Arabic" else None)

    def word(self, text):
        parts = runs(text, self.e["family"], self.e["weight"])
        return (sum(self.run_width(*p) for p in parts), parts)

    def wrap(self, width, text=None):
        words = [self.word(w) for w in (text or self.e["text"]).split(" ") if w]
        lines, current, current_w = [], [], 0.0
        for w in words:
            extra = w[0] if not current else current_w + self.space + w[0]
            if current and extra > width:
                lines.append((current_w, current))
                current, current_w = [w], w[0]
            else:
                current.append(w)
                current_w = extra
        if current:
            lines.append((current_w, current))
        return lines

    def baselines(self, lines):
        """Baseline of each line below the top, and the total height."""
        out, baseline, descent = [], 0.0, 0.0
        for i, (_, words) in enumerate(lines):
            paths = {p[2] for word in words for p in word[1]} or {self.primary}
            ascent = max(self.font_metrics(p)[0] for p in paths)
            descent = max(self.font_metrics(p)[1] for p in paths)
            baseline = ascent if i == 0 else baseline + self.e["line_height"] * (ascent + descent)
            out.append(baseline)
        return out, (baseline + descent if lines else 0.0)

    def height(self, lines):
        return self.baselines(lines)[1]


def fit(e):
    x, y, w, h = e["frame"]
    lo, hi = max(1, math.ceil(e["min_size"])), max(1, math.floor(e["max_size"]))
    lo = min(lo, hi)

    def attempt(size):
        t = TextLayout(e, size)
        lines = t.wrap(w)
        ok = len(lines) <= e["max_lines"] and max(l[0] for l in lines) <= w + 0.01 and t.height(lines) <= h + 0.01
        return ok, t, lines

    ok, t, lines = attempt(hi)
    if ok:
        return t, lines
    ok, best_t, best_lines = attempt(lo)
    if not ok:
        return ellipsized(e, best_t, best_lines, w, h)
    while hi - lo > 1:
        middle = (lo + hi) // 2
        ok, t, lines = attempt(middle)
        if ok:
            lo, best_t, best_lines = middle, t, lines
        else:
            hi = middle
    return best_t, best_lines


def ellipsized(e, t, lines, w, h):
    if not e["ellipsis"]:
        return t, lines
    keep = min(e["max_lines"], len(lines))
    while keep > 1 and t.height(lines[:keep]) > h + 0.01:
        keep -= 1
    if keep == len(lines) and lines[-1][0] <= w:
        return t, lines
    lines = lines[:keep]
    last_w, last_words = lines[-1]
    text = " ".join("".join(p[1] for p in word[1]) for word in last_words)
    while text:
        candidate = t.wrap(1e9, text.rstrip(" ,") + "…")
        if candidate[0][0] <= w:
            lines[-1] = candidate[0]
            break
        text = text[:-1]
    return t, lines


_emoji_tiles = {}


def emoji_tile(text, path, size):
    key = (text, size)
    tile = _emoji_tiles.get(key)
    if tile is None:
        f = font(path, EMOJI_STRIKE)
        left, top, right, bottom = f.getbbox(text, anchor="ls")
        big = Image.new("RGBA", (right - left, bottom - top))
        ImageDraw.Draw(big).text((-left, -top), text, font=f, embedded_color=True, anchor="ls")
        scale = size / EMOJI_STRIKE
        small = big.resize((max(1, round(big.width * scale)), max(1, round(big.height * scale))), Image.BILINEAR)
        tile = _emoji_tiles[key] = (small, left * scale, top * scale)
    return tile


def draw_text(canvas, draw, e):
    t, lines = fit(e)
    x, y, w, h = e["frame"]
    baselines, total = t.baselines(lines)
    top = {"top": y, "center": y + (h - total) / 2, "bottom": y + h - total}[e["valign"]]
    color = common.rgba8(e["color"])
    align = e["align"]
    if e["rtl"]:
        align = {"leading": "trailing", "trailing": "leading"}.get(align, align)
    for i, (line_w, words) in enumerate(lines):
        lx = {"leading": x, "center": x + (w - line_w) / 2, "trailing": x + w - line_w}[align]
        baseline = top + baselines[i]
        order = list(reversed(words)) if e["rtl"] else words
        cx = lx
        for n, (word_w, parts) in enumerate(order):
            if n:
                cx += t.space
            px = cx
            for fam, run, path in (reversed(parts) if e["rtl"] else parts):
                run_w = t.run_width(fam, run, path)
                if fam == "Noto Color Emoji":
                    tile, dx, dy = emoji_tile(run, path, t.size)
                    canvas.paste(tile, (round(px + dx), round(baseline + dy)), tile)
                else:
                    draw.text((px, baseline), run, font=font(path, t.size), fill=color, anchor="ls",
                              direction="rtl" if fam == "Noto Sans Arabic" else None)
                px += run_w
            cx += word_w
        if e["strikethrough"]:
            sy = baseline - t.size * 0.3
            draw.line([(lx, sy), (lx + line_w, sy)], fill=color, width=max(1, round(t.size * 0.07)))


def gradient(fill, size):
    g = fill["gradient"]
    w, h = size
    mask = Image.linear_gradient("L")
    if g["angle"] % 360 != 90:
        mask = mask.rotate(90 - g["angle"], resample=Image.BILINEAR, expand=False)
    mask = mask.resize(size, Image.BILINEAR)
    return Image.composite(Image.new("RGB", size, common.rgba8(g["to"])[:3]),
                           Image.new("RGB", size, common.rgba8(g["from"])[:3]), mask)


def shape_mask(kind, radius, w, h):
    """An antialiased coverage mask for an ellipse or rounded rectangle of w×h."""
    s = SUPERSAMPLE
    big = Image.new("L", (max(1, round(w * s)), max(1, round(h * s))), 0)
    d = ImageDraw.Draw(big)
    box = [0, 0, big.width - 1, big.height - 1]
    if kind == "ellipse":
        d.ellipse(box, fill=255)
    else:
        d.rounded_rectangle(box, radius=max(0, min(radius, w / 2, h / 2)) * s, fill=255)
    return big.reduce(s)


def draw_shape(canvas, draw, e):
    x, y, w, h = e["frame"]
    box = (round(x), round(y))
    size = (max(1, round(x + w) - box[0]), max(1, round(y + h) - box[1]))
    if e["shape"] == "rectangle" and "solid" in e["fill"]:
        draw.rectangle([box, (box[0] + size[0] - 1, box[1] + size[1] - 1)], fill=common.rgba8(e["fill"]["solid"]))
        return
    paint = gradient(e["fill"], size) if "gradient" in e["fill"] else common.rgba8(e["fill"]["solid"])[:3]
    mask = None if e["shape"] == "rectangle" else shape_mask(e["shape"], e["radius"], size[0], size[1])
    if isinstance(paint, tuple):
        paint = Image.new("RGB", size, paint)
    canvas.paste(paint, box, mask.resize(size) if mask is not None and mask.size != size else mask)
    if "stroke" in e:
        sw = e["stroke"]["width"]
        draw.rounded_rectangle([box, (box[0] + size[0] - 1, box[1] + size[1] - 1)], radius=e["radius"],
                               outline=common.rgba8(e["stroke"]["color"]), width=max(1, round(sw)))


def draw_image(canvas, e):
    dx, dy, dw, dh = e["rect"]
    pic = common.picture(e["source"])
    size = (max(1, round(dw)), max(1, round(dh)))
    scaled = pic.resize(size, Image.BILINEAR)
    pos = (round(dx), round(dy))
    if e["clip"]:
        fx, fy, fw, fh = e["frame"]
        left, top = max(0, round(fx) - pos[0]), max(0, round(fy) - pos[1])
        right, bottom = min(size[0], round(fx + fw) - pos[0]), min(size[1], round(fy + fh) - pos[1])
        scaled = scaled.crop((left, top, right, bottom))
        pos = (pos[0] + left, pos[1] + top)
    canvas.paste(scaled, pos, scaled)


def render(banner):
    w, h = banner["size"]
    canvas = Image.new("RGB", (w, h), common.rgba8(banner["background"]["solid"])[:3])
    draw = ImageDraw.Draw(canvas)
    for e in banner["elements"]:
        if e["type"] == "shape":
            draw_shape(canvas, draw, e)
        elif e["type"] == "image":
            draw_image(canvas, e)
        else:
            draw_text(canvas, draw, e)
    return canvas


def render_range(items):
    for _, banner, _, name in items:
        common.save_jpeg(render(banner), os.path.join(OUT, name))


def main():
    global OUT
    started = time.perf_counter()
    args = common.parse_args(sys.argv[1:])
    OUT = args.out
    os.makedirs(OUT, exist_ok=True)
    if not features.check("raqm"):
        sys.exit("Pillow was built without libraqm: Arabic cannot be shaped")
    items = common.work_list(common.load_layout(args.layout), args.repeats)
    if args.only:
        items = [i for i in items if i[3].startswith(args.only)]
    common.run_pool(render_range, items, args.jobs)
    common.report("pillow", started, len(items), jobs=args.jobs,
                  versions=dict(pillow=Image.__version__, raqm=features.version("raqm"),
                                freetype=features.version("freetype2")))


if __name__ == "__main__":
    main()
