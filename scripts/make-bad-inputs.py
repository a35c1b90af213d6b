#!/usr/bin/python3
"""Writes Tests/BadInputs/: malformed and unusual inputs of our own making, one
file each, for BadInputCorpusTests. Run with Debian's /usr/bin/python3 (PIL).
The expected outcome of each file is in Tests/BadInputs/expected.tsv, kept by
hand: a new file needs a line there saying what it must do."""
import io, os, struct, zlib
from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "BadInputs")
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def picture(mode="RGB", size=(64, 48)):
    im = Image.new("RGB", size, (200, 80, 40))
    for x in range(size[0]):
        for y in range(size[1] // 2):
            im.putpixel((x, y), (x * 4 % 256, 120, y * 5 % 256))
    if mode == "P":
        im = im.convert("P", palette=Image.ADAPTIVE, colors=16)
    elif mode not in ("RGB",):
        im = im.convert(mode)
    return im


def saved(im, fmt, **kw):
    buffer = io.BytesIO()
    im.save(buffer, fmt, **kw)
    return buffer.getvalue()


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


# Images
png = saved(picture(), "PNG")
jpeg = saved(picture(), "JPEG", quality=85)
write("image-truncated.png", png[: len(png) // 2])
write("image-truncated.jpg", jpeg[: len(jpeg) // 3])
write("image-cmyk.jpg", saved(picture().convert("CMYK"), "JPEG"))
sixteen = Image.new("I;16", (40, 30))
sixteen.putdata([(x * 1600 + y * 700) % 65536 for y in range(30) for x in range(40)])
write("image-16bit.png", saved(sixteen, "PNG"))
write("image-palette-trns.png", saved(picture("P"), "PNG", transparency=0))
write("image-grey-alpha.png", saved(picture("LA"), "PNG"))
write("image-grey.png", saved(picture("L"), "PNG"))
write("image-zero-bytes.png", b"")
write("image-text-named.png", "this is not a picture\n")
write("image-jpeg-named.png", jpeg)
write("image-progressive.jpg", saved(picture(), "JPEG", progressive=True))
write("image-webp-lossless.webp", saved(picture(), "WEBP", lossless=True))
write("image-webp-alpha.webp", saved(picture("RGBA"), "WEBP"))
write("image-one-pixel.png", saved(Image.new("RGB", (1, 1), (10, 200, 30)), "PNG"))
write("image-bmp.bmp", saved(picture(), "BMP"))
write("image-gif.gif", saved(picture(), "GIF"))
write("image-tiff.tiff", saved(picture(), "TIFF"))
write("image-jpeg-header-only.jpg", b"\xff\xd8\xff")
write("image-all-transparent.png", saved(Image.new("RGBA", (20, 20), (0, 0, 0, 0)), "PNG"))
# A valid PNG whose IHDR declares 60000 x 60000 (a decompression bomb): refused from the header.
ihdr = struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)
write("image-bomb-dimensions.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
      + chunk(b"IDAT", zlib.compress(b"\x00" * 1000)) + chunk(b"IEND", b""))
# A bad CRC in IDAT.
broken = bytearray(png)
idat = broken.find(b"IDAT")
broken[idat + 10] ^= 0xFF
write("image-bad-crc.png", bytes(broken))
# An Adam7-interlaced PNG written by hand (PIL cannot).
rows = []
w, h = 16, 12
raw = bytes([(x * 16) % 256 for x in range(w * 3)])
passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
data = b""
for (x0, y0, dx, dy) in passes:
    cols = len(range(x0, w, dx))
    for y in range(y0, h, dy):
        if cols:
            data += b"\x00" + bytes([((x * 16) + y * 8) % 256 for x in range(x0, w, dx) for _ in range(3)])
ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1)
write("image-interlaced.png", b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(data)) + chunk(b"IEND", b""))
# A JPEG whose SOF declares 65000 x 65000.
sof = jpeg.find(b"\xff\xc0")
bomb = bytearray(jpeg)
bomb[sof + 5:sof + 9] = struct.pack(">HH", 65000, 65000)
write("image-bomb-dimensions.jpg", bytes(bomb))
# A WebP (VP8X) canvas of 16384 x 16384.
vp8x = b"VP8X" + struct.pack("<I", 10) + bytes([0, 0, 0, 0]) + (16383).to_bytes(3, "little") + (16383).to_bytes(3, "little")
write("image-bomb-dimensions.webp", b"RIFF" + struct.pack("<I", 4 + len(vp8x)) + b"WEBP" + vp8x)

# Feeds
write("feed-empty.jsonl", b"")
write("feed-bom.csv", "\ufeffid,title,price\na,Mug,5 USD\n")
write("feed-utf16le.csv", "\ufeffid,title,price\na,Mug,5 USD\n".encode("utf-16-le"))
write("feed-utf16be.csv", "\ufeffid,title,price\na,Mug,5 USD\n".encode("utf-16-be"))
write("feed-latin1.csv", "id,title,price\na,Caf\xe9 cr\xe8me,5 USD\n".encode("latin-1"))
write("feed-invalid-utf8.jsonl", b'{"id": "a", "title": "Mug \xff\xfe", "price": "5 USD"}\n{"id": "b", "title": "Cup", "price": "6 USD"}\n')
write("feed-truncated.jsonl", '{"id": "a", "title": "Mug", "price": "5 USD"}\n{"id": "b", "title": "Cu')
write("feed-truncated.xml", '<rss><channel><item><g:id>a</g:id><title>Mug</title><g:price>5 USD</g:price></item><item><g:id>b')
write("feed-billion-laughs.xml", '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<rss><channel><item><title>&lol2;</title></item></channel></rss>\n')
write("feed-deep-nesting.json", "[" * 100000 + "]" * 100000)
write("feed-huge-number.jsonl", '{"id": "a", "title": "Mug", "price": "1e400 USD"}\n{"id": "b", "title": "Cup", "price": "6 USD"}\n')
write("feed-nan-price.jsonl", '{"id": "a", "title": "Mug", "price": "NaN USD"}\n{"id": "b", "title": "Cup", "price": "6 USD"}\n')
write("feed-infinite-price.csv", "id,title,price\na,Mug,inf USD\nb,Cup,6 USD\n")
write("feed-negative-price.csv", "id,title,price\na,Mug,-5 USD\nb,Cup,6 USD\n")
write("feed-title-too-long.csv", "id,title,price\na," + "Long " * 200 + ",5 USD\nb,Cup,6 USD\n")
write("feed-nul-bytes.csv", b"id,title,price\na,Mu\x00g,5 USD\n")
write("feed-only-header.csv", "id,title,price\n")
write("feed-not-objects.json", "[1, 2, 3]")
write("feed-json-named.xml", '{"id": "a", "title": "Mug", "price": "5 USD"}\n')
write("feed-binary-garbage.csv", bytes(range(256)) * 4)
write("feed-missing-title.csv", "id,title,price\na,,5 USD\nb,Cup,6 USD\n")
write("feed-duplicate-columns.csv", "id,title,title,price\na,Mug,Cup,5 USD\n")
write("feed-unterminated-quote.csv", 'id,title,price\na,"Mug,5 USD\n')
write("feed-html-title.jsonl", '{"id": "a", "title": "<b>Mug</b> &amp; <i>Cup</i>", "price": "5 USD"}\n')

# Templates
base = "name: t\nelements:\n  box: { kind: shape, shape: rectangle, fill: primary }\nconstraints:\n  - box.left == canvas.left\n  - box.top == canvas.top\n  - box.width == 10\n  - box.height == 10\n"
write("template-ok.yaml", base)
write("template-nan.yaml", base.replace("box.width == 10", "box.width == .nan"))
write("template-infinity.yaml", base.replace("box.width == 10", "box.width == .inf"))
write("template-huge-number.yaml", base.replace("box.width == 10", "box.width == 1e308 * 1e308"))
write("template-nonlinear.yaml", base.replace("box.width == 10", "box.width == box.height * box.left"))
write("template-unknown-key.yaml", base.replace("fill: primary", "fil: primary"))
write("template-empty.yaml", "")
write("template-bom.yaml", "\ufeff" + base)
write("template-invalid-utf8.yaml", base.encode("utf-8") + b"# \xff\xfe\n")
write("template-tab-indent.yaml", base.replace("  box:", "\tbox:"))
write("template-alias-bomb.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" + base)
write("template-too-many-elements.yaml", "name: t\nelements:\n" + "".join(f"  e{i}: {{ kind: shape, shape: rectangle, fill: primary }}\n" for i in range(250)) + "constraints:\n  - e0.left == canvas.left\n")
write("template-negative-size.yaml", base.replace("box.width == 10", "box.width == -10"))
write("template-unknown-colour.yaml", base.replace("fill: primary", "fill: chartreuse"))
print("wrote", len(os.listdir(OUT)), "files to", OUT)
