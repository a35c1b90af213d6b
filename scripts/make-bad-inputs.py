#!/usr/bin/python3
"""Writes the bad-input corpus: malformed and unusual images, feeds, templates
and brand guides, each small, all of our own making, into
Tests/BanneretKitTests/Fixtures/BadInputs/. expected.tsv beside them (kept by
hand) says what each must give; BadInputCorpusTests checks every one.

Images come from Pillow where it can write them; the PNG variants Pillow cannot
write (16-bit colour, Adam7 interlacing, lying headers) are framed here by hand.
Run with Debian's /usr/bin/python3 (python3-pil); the output is deterministic.
"""
import io
import os
import struct
import zlib

from PIL import Image

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "BanneretKitTests", "Fixtures", "BadInputs")


def write(relative, data):
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def gradient(mode, size=(48, 32)):
    """A picture with real variation, so a correct decode is never blank."""
    w, h = size
    rgb = Image.new("RGB", size)
    rgb.putdata([((x * 255) // (w - 1), (y * 255) // (h - 1), ((x + y) * 7) % 256) for y in range(h) for x in range(w)])
    return rgb.convert(mode)


def saved(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png(width, height, bit_depth, colour_type, raw, interlace=0, extra=b""):
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, interlace)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def rgb16_rows(width, height):
    rows = b""
    for y in range(height):
        row = b"\x00"
        for x in range(width):
            row += struct.pack(">HHH", x * 65535 // (width - 1), y * 65535 // (height - 1), 30000)
        rows += row
    return rows


def adam7(width, height, pixel):
    """Raw scanlines of an Adam7-interlaced 8-bit RGB image, filter 0 everywhere."""
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
    raw = b""
    for x0, y0, dx, dy in passes:
        xs = list(range(x0, width, dx))
        if not xs:
            continue
        for y in range(y0, height, dy):
            raw += b"\x00" + b"".join(bytes(pixel(x, y)) for x in xs)
    return raw


def images():
    write("images/png-rgb.png", saved(gradient("RGB"), "PNG"))
    write("images/png-rgba-cutout.png", saved(gradient("RGBA").resize((40, 40)), "PNG"))
    write("images/png-grey.png", saved(gradient("L"), "PNG"))
    write("images/png-grey-alpha.png", saved(Image.merge("LA", (gradient("L"), gradient("L").point(lambda v: 255 - v // 2))), "PNG"))
    palette = gradient("RGB").quantize(16)
    write("images/png-palette-trns.png", saved(palette, "PNG", transparency=0))
    write("images/png-1bit.png", saved(gradient("L").point(lambda v: 255 if v > 100 else 0).convert("1"), "PNG"))
    write("images/png-16bit-grey.png", saved(gradient("L").point(lambda v: v * 256, mode="I").convert("I;16"), "PNG"))
    write("images/png-16bit-rgb.png", png(24, 16, 16, 2, rgb16_rows(24, 16)))
    write("images/png-interlaced.png", png(19, 13, 8, 2, adam7(19, 13, lambda x, y: (x * 13, y * 19, 128)), interlace=1))
    write("images/png-2x1.png", saved(Image.frombytes("RGB", (2, 1), b"\xff\xff\xff\x00\x00\x00"), "PNG"))
    write("images/png-with-jpg-name.jpg", saved(gradient("RGB"), "PNG"))
    write("images/jpeg-baseline.jpg", saved(gradient("RGB"), "JPEG", quality=90))
    write("images/jpeg-progressive.jpg", saved(gradient("RGB"), "JPEG", quality=90, progressive=True))
    write("images/jpeg-grey.jpg", saved(gradient("L"), "JPEG"))
    write("images/jpeg-cmyk.jpg", saved(gradient("CMYK"), "JPEG"))
    exif = Image.Exif()
    exif[0x0112] = 6
    write("images/jpeg-exif-rotated.jpg", saved(gradient("RGB"), "JPEG", exif=exif.tobytes()))
    write("images/jpeg-with-png-name.png", saved(gradient("RGB"), "JPEG"))
    write("images/webp-lossy.webp", saved(gradient("RGB"), "WEBP", quality=80))
    write("images/webp-lossless.webp", saved(gradient("RGB"), "WEBP", lossless=True))
    write("images/webp-alpha.webp", saved(gradient("RGBA"), "WEBP", lossless=True))

    good_png = saved(gradient("RGB"), "PNG")
    good_jpeg = saved(gradient("RGB"), "JPEG", quality=90)
    write("images/empty.png", b"")
    write("images/text-named-png.png", "this is not a picture\n")
    write("images/gif.png", saved(gradient("P"), "GIF"))
    write("images/riff-wave.webp", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 24)
    write("images/png-truncated.png", good_png[: len(good_png) // 2])
    write("images/png-signature-only.png", good_png[:8])
    write("images/jpeg-truncated.jpg", good_jpeg[: len(good_jpeg) // 2])
    write("images/jpeg-soi-only.jpg", b"\xff\xd8\xff")
    bad_crc = bytearray(good_png)
    bad_crc[29] ^= 0xFF  # inside IHDR's CRC
    write("images/png-bad-crc.png", bytes(bad_crc))
    # A 100-byte file declaring 65535 × 65535 pixels (4.3 GP): refused from the header.
    write("images/png-huge-header.png", png(65535, 65535, 8, 2, b"\x00" * 16))
    # A real decompression bomb: 10000 × 10000 one-bit pixels deflate to about 12 KB.
    write("images/png-bomb-100mp.png", png(10000, 10000, 1, 0, (b"\x00" + b"\x00" * 1250) * 10000))
    write("images/png-zero-width.png", png(0, 16, 8, 2, b""))
    write("images/png-fully-transparent.png", saved(Image.new("RGBA", (16, 16), (255, 0, 0, 0)), "PNG"))
    # A JPEG whose frame header claims 60000 × 60000.
    sof = good_jpeg.find(b"\xff\xc0")
    huge = bytearray(good_jpeg)
    huge[sof + 5: sof + 9] = struct.pack(">HH", 60000, 60000)
    write("images/jpeg-huge-header.jpg", bytes(huge))
    # A lossless WebP header claiming 16384 × 16384 (268 MP), no image data.
    vp8l = b"\x2f" + struct.pack("<I", (16383) | (16383 << 14))
    write("images/webp-huge-header.webp", b"RIFF" + struct.pack("<I", 4 + 8 + len(vp8l) + 1) + b"WEBP" + b"VP8L"
          + struct.pack("<I", len(vp8l)) + vp8l + b"\x00")
    frames = [gradient("RGB"), gradient("RGB").rotate(90)]
    write("images/webp-animated.webp", saved(frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=100))


def feeds():
    good = '{"id": "G1", "title": "Cold Brew Bottle", "price": "24.00 USD"}\n'
    write("feeds/ok-jsonl.jsonl", good + '{"id": "G2", "title": "Mug", "price": "12.00 USD"}\n')
    write("feeds/ok-bom.csv", "\ufeffid,title,price\nC1,Mug,12.00 USD\n")
    write("feeds/ok-utf16le-bom.csv", "\ufeffid,title,price\nC1,Mug,12.00 USD\n".encode("utf-16-le"))
    write("feeds/ok-latin1.csv", "id,title,price\nC1,Caf\xe9 cr\xe8me,3.50 EUR\n".encode("latin-1"))
    write("feeds/ok-semicolon-crlf.csv", "id;title;price\r\nC1;Lampe;12,90 €\r\n")
    write("feeds/ok-tab.tsv", "id\ttitle\tprice\nT1\tShoe\t129.00 USD\n")
    write("feeds/ok-wrapped.json", '{"products": [{"id": "W1", "title": "Lamp", "price": {"value": "59.00", "currency": "USD"}}]}')
    write("feeds/ok-gmc.xml", '<?xml version="1.0"?><rss xmlns:g="http://base.google.com/ns/1.0"><channel>'
          '<item><g:id>X1</g:id><title>Bottle &amp; cap</title><g:price>24.00 USD</g:price></item></channel></rss>')
    write("feeds/ok-csv-named.json", "id,title,price\nC1,Mug,12.00 USD\n")
    write("feeds/empty.jsonl", b"")
    write("feeds/whitespace-only.csv", "\n\n   \n")
    # Real multi-byte text outnumbers the bad bytes, so the file is read as UTF-8 and the record alone is refused.
    write("feeds/invalid-utf8-title.jsonl", good.encode() + b'{"id": "B2", "title": "Caf\xc3\x28 \xff\xfe caf\xc3\xa9 '
          b'\xc3\xa9t\xc3\xa9 \xc3\xa0", "price": "1.00 USD"}\n' + b'{"id": "B3", "title": "Cup", "price": "2.00 USD"}\n')
    write("feeds/nul-in-title.csv", "id,title,price\nN1,Mu\x00g,12.00 USD\nN2,Cup,3.00 USD\n")
    write("feeds/huge-number-price.jsonl", good + '{"id": "H2", "title": "Mug", "price": "1' + "0" * 400 + ' USD"}\n')
    write("feeds/nan-price.jsonl", good + '{"id": "H3", "title": "Mug", "price": "NaN USD"}\n')
    write("feeds/infinity-price.csv", "id,title,price\nI1,Mug,12.00 USD\nI2,Cup,Infinity USD\n")
    write("feeds/negative-price.jsonl", good + '{"id": "H4", "title": "Mug", "price": "-5.00 USD"}\n')
    write("feeds/deep-nesting.json", "[" * 5000 + "]" * 5000)
    write("feeds/deep-nesting.xml", "<rss>" + "<a>" * 5000 + "</a>" * 5000 + "</rss>")
    write("feeds/billion-laughs.xml", '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
          + "".join(f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n' for i in range(1, 10))
          + ']>\n<rss><channel><item><id>1</id><title>&lol9;</title></item></channel></rss>\n')
    write("feeds/external-entity.xml", '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
          '<rss><channel><item><id>1</id><title>&x;</title></item></channel></rss>\n')
    write("feeds/truncated.xml", '<?xml version="1.0"?>\n<rss xmlns:g="http://base.google.com/ns/1.0"><channel>\n'
          '<item><g:id>T1</g:id><title>Mug</title><g:price>1.00 USD</g:price></item>\n<item><g:id>T2</g:id><tit')
    write("feeds/unterminated-quote.csv", 'id,title,price\nQ1,Mug,12.00 USD\nQ2,"Cup,3.00 USD\n')
    write("feeds/wrong-cell-count.csv", "id,title,price\nR1,Mug,12.00 USD\nR2,Cup\nR3,Lamp,5.00 USD\n")
    write("feeds/json-syntax-error.json", '[{"id": "S1", "title": "Mug", "price": "1.00 USD"},\n {"id": "S2", "title": }]')
    write("feeds/missing-id.jsonl", good + '{"title": "Nameless", "price": "1.00 USD"}\n')
    write("feeds/title-600-chars.jsonl", good + '{"id": "L2", "title": "' + "Long " * 120 + '", "price": "1.00 USD"}\n')
    write("feeds/png-bytes.csv", saved(gradient("RGB"), "PNG"))
    write("feeds/only-header.csv", "id,title,price\n")
    write("feeds/html-and-bidi.jsonl", '{"id": "Z1", "title": "<b>Mug</b> &amp; \u200ecup\u200b", "price": "12.00 USD"}\n')


TEMPLATE_HEAD = "name: corpus\nelements:\n  headline:\n    kind: text\n    bind: title\n    font: display\n"
TEMPLATE_OK = TEMPLATE_HEAD + "    size: [10, 30]\n    max_lines: 2\nconstraints:\n" + "".join(
    f"  - {c}\n" for c in ["headline.left == canvas.width * 0.1", "headline.top == canvas.height * 0.1",
                          "headline.width == canvas.width * 0.8", "headline.height <= canvas.height * 0.8"]) + (
    "size_classes:\n  rectangle: {constraints: [headline.top >= 0]}\n")


def templates():
    write("templates/ok.yaml", TEMPLATE_OK)
    write("templates/empty.yaml", "")
    write("templates/not-yaml.yaml", "name: [unclosed\n  elements: {\n")
    write("templates/binary.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\xfd")
    write("templates/unknown-key.yaml", TEMPLATE_OK.replace("    font: display\n", "    fnot: display\n"))
    write("templates/nan-size.yaml", TEMPLATE_OK.replace("[10, 30]", "[.nan, .inf]"))
    write("templates/huge-literal.yaml", TEMPLATE_OK.replace("canvas.width * 0.1", "1" + "0" * 400))
    write("templates/overflowing-product.yaml", TEMPLATE_OK.replace("headline.left == canvas.width * 0.1",
                                                                    "headline.left == 99999999999999999999 * 99999999999999999999 * "
                                                                    "99999999999999999999 * 99999999999999999999 * 99999999999999999999"
                                                                    " * 99999999999999999999 * 99999999999999999999 * 99999999999999999999"
                                                                    " * 99999999999999999999 * 99999999999999999999 * 99999999999999999999"
                                                                    " * 99999999999999999999 * 99999999999999999999 * 99999999999999999999"
                                                                    " * 99999999999999999999 * 99999999999999999999 * headline.width"))
    write("templates/deep-parentheses.yaml", TEMPLATE_OK.replace("canvas.width * 0.1", "(" * 200 + "1" + ")" * 200))
    write("templates/many-minus-signs.yaml", TEMPLATE_OK.replace("canvas.width * 0.1", "-" * 500 + "1"))
    write("templates/long-sum.yaml", TEMPLATE_OK.replace("canvas.width * 0.1", " + ".join(["1"] * 1500)))
    laughs = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
        for i in range(1, 9))
    write("templates/yaml-billion-laughs.yaml", laughs + TEMPLATE_OK.replace("name: corpus\n", "name: corpus\ndescription: *a8\n"))
    write("templates/deep-yaml.yaml", "name: " + "[" * 3000 + "]" * 3000 + "\n")
    many = "name: many\nelements:\n" + "".join(f"  box{i}:\n    kind: shape\n    fill: primary\n" for i in range(300))
    write("templates/300-elements.yaml", many)
    write("templates/5000-constraints.yaml", TEMPLATE_OK.replace("size_classes:", "".join(
        f"  - headline.left >= {i % 7}\n" for i in range(5000)) + "size_classes:"))
    write("templates/division-by-zero.yaml", TEMPLATE_OK.replace("canvas.width * 0.1", "canvas.width / 0"))
    write("templates/text-over-5000.yaml", TEMPLATE_OK.replace("    bind: title\n", "    text: \"" + "Ab " * 2000 + "\"\n"))


BRAND = """name: corpus
palette: {primary: "#0F4C5C", secondary: "#F4E9D8", accent: "#C2410C", background: "#FBF7F0", text: "#1C1C1C",
          text_on_primary: "#FFFFFF", text_on_accent: "#FFFFFF"}
typography:
  display: {family: Inter, weight: 800}
  body: {family: Inter, weight: 400}
  price: {family: Inter, weight: 700}
"""


def brands():
    write("brands/ok.yaml", BRAND)
    write("brands/ok-logo.yaml", BRAND + "logo: {light: logo.png, dark: logo.png}\n")
    write("brands/logo.png", saved(gradient("RGBA"), "PNG"))
    write("brands/logo-dotdot.yaml", BRAND + "logo: {light: ../images/png-rgb.png, dark: logo.png}\n")
    write("brands/logo-absolute.yaml", BRAND + "logo: {light: logo.png, dark: /etc/passwd}\n")
    write("brands/logo-symlink.yaml", BRAND + "logo: {light: link-out.png, dark: logo.png}\n")
    link = os.path.join(ROOT, "brands/link-out.png")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink("../images/png-rgb.png", link)
    write("brands/bad-colour.yaml", BRAND.replace('"#0F4C5C"', '"#0F4C5"'))
    write("brands/nan-margin.yaml", BRAND + "margin: .nan\n")
    write("brands/unknown-font.yaml", BRAND.replace("{family: Inter, weight: 400}", "{family: Comic Sans, weight: 400}"))
    write("brands/yaml-billion-laughs.yaml", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"
        for i in range(1, 9)) + BRAND)


if __name__ == "__main__":
    images()
    feeds()
    templates()
    brands()
