"""What every peer renderer shares: the layout file, the work list, the
pictures as Banneret sees them, font files and the output contract.

The layout file (written by layout-dump) holds, per banner, the frames
Banneret's constraint solver produced, resolved colours, image placements and
the texts with their font role and size range. Every peer draws those frames;
each fits its own text into them (largest size that fits, like Banneret).
"""

import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
FONTS = os.path.join(ROOT, "Fonts")
JPEG_QUALITY = 85

# (family, weight) -> file in Fonts/. Pango picks the nearest weight the same way.
FONT_FILES = {
    "Inter": {400: "Inter-Regular.otf", 600: "Inter-SemiBold.otf", 700: "Inter-Bold.otf", 800: "Inter-ExtraBold.otf"},
    "NanumSquare": {400: "NanumSquareR.ttf", 700: "NanumSquareB.ttf", 800: "NanumSquareEB.ttf"},
    "Noto Sans Arabic": {400: "NotoSansArabic-Regular.ttf", 700: "NotoSansArabic-Bold.ttf"},
    "Noto Color Emoji": {400: "NotoColorEmoji.ttf"},
}
# Banneret's fallback order (FontSet.fallbackFamilies).
FALLBACK = ["Inter", "NanumSquare", "Noto Sans Arabic", "Noto Color Emoji"]


def font_file(family, weight):
    weights = FONT_FILES.get(family, FONT_FILES["Inter"])
    best = min(weights, key=lambda w: (abs(w - weight), -w))
    return os.path.join(FONTS, weights[best])


def is_hangul(cp):
    return 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F \
        or 0xA960 <= cp <= 0xA97F or 0xD7B0 <= cp <= 0xD7FF


def is_arabic(cp):
    return 0x0590 <= cp <= 0x08FF or 0xFB1D <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF


def is_emoji(cp):
    return cp >= 0x1F000 or 0x2600 <= cp <= 0x27BF or cp in (0xFE0F, 0x200D)


def script_family(ch, primary):
    """The family Banneret's fallback chain ends up using for one character
    (Inter has no Hangul, Arabic or emoji; the other families cover those)."""
    cp = ord(ch)
    if is_emoji(cp):
        return "Noto Color Emoji"
    if is_hangul(cp):
        return "NanumSquare"
    if is_arabic(cp):
        return "Noto Sans Arabic"
    return primary if primary in ("Inter", "NanumSquare") else "Inter"


def keep_all_ranges(text):
    """Byte ranges of words holding Hangul, which must not break inside (Banneret's KeepAll)."""
    ranges, offset, start, hangul = [], 0, None, False
    for ch in text:
        n = len(ch.encode("utf-8"))
        if ch.isspace():
            if start is not None and hangul:
                ranges.append((start, offset))
            start, hangul = None, False
        else:
            if start is None:
                start = offset
            hangul = hangul or is_hangul(ord(ch))
        offset += n
    if start is not None and hangul:
        ranges.append((start, offset))
    return ranges


def rgba(hex_color):
    """'#RRGGBBAA' -> (r, g, b, a) in 0...1."""
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in range(0, 8, 2))


def rgba8(hex_color):
    h = hex_color.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in range(0, 8, 2))


def load_layout(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def work_list(layout, repeats):
    """(index, banner, repeat, file name) for the set repeated `repeats` times, set after set."""
    items = []
    for r in range(repeats):
        for b in layout["banners"]:
            w, h = b["size"]
            items.append((len(items), b, r, "%s-%dx%d-r%02d.jpg" % (b["product"], w, h, r)))
    return items


_pictures = {}


def picture(path):
    """A product picture or logo as Banneret decodes it: upright (EXIF),
    RGBA, trimmed to the pixels with alpha above 2/255. Decoded once per process."""
    cached = _pictures.get(path)
    if cached is None:
        from PIL import Image, ImageOps
        im = Image.open(path)
        im = ImageOps.exif_transpose(im)
        im = im.convert("RGBA")
        box = im.getchannel("A").point(lambda a: 255 if a > 2 else 0).getbbox()
        if box and box != (0, 0) + im.size:
            im = im.crop(box)
        cached = _pictures[path] = im
    return cached


_boxes = {}


def picture_box(path):
    """(upright width, upright height, (left, top, right, bottom) of the trimmed
    picture): for renderers that draw the file itself and must place it so
    the trimmed part lands on the layout's rectangle."""
    if path not in _boxes:
        from PIL import Image, ImageOps
        im = ImageOps.exif_transpose(Image.open(path)).convert("RGBA")
        box = im.getchannel("A").point(lambda a: 255 if a > 2 else 0).getbbox() or (0, 0) + im.size
        _boxes[path] = (im.width, im.height, box)
    return _boxes[path]


def save_jpeg(image_rgb, path):
    """JPEG q85 as Banneret writes it when no byte budget applies: 4:2:0,
    libjpeg's standard Huffman tables (no optimising pass)."""
    image_rgb.save(path, "JPEG", quality=JPEG_QUALITY, optimize=False)


def parse_args(argv):
    import argparse
    p = argparse.ArgumentParser()
    p.add_argument("--layout", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--repeats", type=int, default=10)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--only", help="render only banners whose file name starts with this (samples)")
    return p.parse_args(argv)


def run_pool(render_range, items, jobs):
    """Splits the work list between `jobs` processes (forked; each builds its
    own font and picture caches on first use) in interleaved order, so every
    process gets the same mix of sizes."""
    if jobs <= 1:
        render_range(items)
        return
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=render_range, args=(items[i::jobs],)) for i in range(jobs)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
        if p.exitcode != 0:
            sys.exit("worker failed with exit code %s" % p.exitcode)


def report(name, started, count, **extra):
    print(json.dumps(dict(contender=name, banners=count, seconds=round(time.perf_counter() - started, 4), **extra)))


def write_fontconfig(path, cache_dir):
    """A fontconfig file that sees only Fonts/, with Banneret's fallback order
    and its scaling of the bitmap emoji font (FontSet.makeConfig)."""
    families = "".join("<string>%s</string>" % f for f in FALLBACK)
    xml = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>%s</dir>
  <cachedir>%s</cachedir>
  <match target="pattern">
    <edit name="family" mode="append_last">%s</edit>
  </match>
  <match target="font">
    <test name="outline" compare="eq"><bool>false</bool></test>
    <edit name="pixelsizefixupfactor" mode="assign">
      <divide><name target="pattern">pixelsize</name><name target="font">pixelsize</name></divide>
    </edit>
  </match>
  <match target="font">
    <test name="outline" compare="eq"><bool>false</bool></test>
    <edit name="matrix" mode="assign">
      <times><name>matrix</name>
        <matrix><name>pixelsizefixupfactor</name><double>0</double><double>0</double><name>pixelsizefixupfactor</name></matrix>
      </times>
    </edit>
    <edit name="size" mode="assign"><divide><name>size</name><name>pixelsizefixupfactor</name></divide></edit>
  </match>
</fontconfig>
""" % (FONTS, cache_dir, families)
    with open(path, "w") as f:
        f.write(xml)
