#!/usr/bin/python3
"""Draws the Examples job's product pictures and logos as vector illustrations.

Everything in Examples/ is the project's own making: these are drawn with
Cairo, then saved in the formats and quirks real feeds deliver — transparent
PNG cut-outs with soft shadows, a palette PNG with tRNS, opaque JPEG photos
(one CMYK, one progressive with an EXIF rotation), and a WebP.
Run with Debian's python3 (python3-cairo, python3-pil): `make examples`.
"""
import io
import math
import os
import sys

import cairo
from PIL import Image

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Examples")
IMAGES = os.path.join(OUT, "images")


def rgb(hexcode, alpha=1.0):
    h = hexcode.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)) + (alpha,)


def linear(x0, y0, x1, y1, stops):
    g = cairo.LinearGradient(x0, y0, x1, y1)
    for offset, colour in stops:
        g.add_color_stop_rgba(offset, *colour)
    return g


def rounded(ctx, x, y, w, h, r):
    ctx.new_sub_path()
    ctx.arc(x + w - r, y + r, r, -math.pi / 2, 0)
    ctx.arc(x + w - r, y + h - r, r, 0, math.pi / 2)
    ctx.arc(x + r, y + h - r, r, math.pi / 2, math.pi)
    ctx.arc(x + r, y + r, r, math.pi, 3 * math.pi / 2)
    ctx.close_path()


def shadow(ctx, cx, cy, rx, ry, strength=0.28):
    """A soft, detached contact shadow, as studio cut-outs have."""
    ctx.save()
    ctx.translate(cx, cy)
    ctx.scale(rx, ry)
    g = cairo.RadialGradient(0, 0, 0, 0, 0, 1)
    g.add_color_stop_rgba(0, 0, 0, 0, strength)
    g.add_color_stop_rgba(1, 0, 0, 0, 0)
    ctx.set_source(g)
    ctx.arc(0, 0, 1, 0, 2 * math.pi)
    ctx.fill()
    ctx.restore()


def canvas(w, h):
    surface = cairo.ImageSurface(cairo.FORMAT_ARGB32, w, h)
    return surface, cairo.Context(surface)


# ---- products -----------------------------------------------------------

def sneaker(ctx, s=1.0, body="#E4572E", sole="#F5F5F5", accent="#1F3A5F"):
    shadow(ctx, 400, 610, 300, 34)
    ctx.save()
    ctx.scale(s, s)
    # sole
    ctx.move_to(110, 540); ctx.curve_to(110, 600, 180, 610, 260, 610)
    ctx.line_to(640, 610); ctx.curve_to(720, 610, 720, 540, 690, 520); ctx.line_to(120, 520); ctx.close_path()
    ctx.set_source(linear(0, 520, 0, 610, [(0, rgb(sole)), (1, rgb("#CFCFCF"))])); ctx.fill()
    # upper
    ctx.move_to(120, 525); ctx.curve_to(120, 440, 170, 380, 250, 360)
    ctx.curve_to(300, 300, 360, 250, 420, 240); ctx.line_to(470, 300)
    ctx.curve_to(540, 380, 640, 420, 690, 470); ctx.curve_to(710, 490, 705, 520, 690, 525); ctx.close_path()
    ctx.set_source(linear(0, 240, 0, 525, [(0, rgb(body)), (1, rgb("#B23A1B"))])); ctx.fill()
    # swoosh-like stripe and laces
    ctx.move_to(230, 480); ctx.curve_to(350, 470, 480, 430, 600, 470)
    ctx.set_line_width(22); ctx.set_source_rgba(*rgb(accent)); ctx.stroke()
    for i in range(4):
        x = 330 + i * 38
        ctx.move_to(x, 330 + i * 12); ctx.line_to(x + 40, 300 + i * 14)
        ctx.set_line_width(9); ctx.set_source_rgba(*rgb("#FFFFFF")); ctx.stroke()
    ctx.arc(190, 450, 14, 0, 2 * math.pi); ctx.set_source_rgba(*rgb("#FFFFFF", 0.8)); ctx.fill()
    ctx.restore()


def headphones(ctx):
    shadow(ctx, 400, 700, 250, 28)
    ctx.set_line_cap(cairo.LINE_CAP_ROUND)
    ctx.arc(400, 400, 230, math.pi * 1.05, math.pi * 1.95)
    ctx.set_line_width(46); ctx.set_source_rgba(*rgb("#2B2D42")); ctx.stroke()
    ctx.arc(400, 400, 230, math.pi * 1.15, math.pi * 1.85)
    ctx.set_line_width(20); ctx.set_source_rgba(*rgb("#8D99AE")); ctx.stroke()
    for cx in (185, 615):
        rounded(ctx, cx - 75, 380, 150, 250, 70)
        ctx.set_source(linear(cx - 75, 380, cx + 75, 630, [(0, rgb("#3D405B")), (1, rgb("#141421"))])); ctx.fill()
        rounded(ctx, cx - 45, 420, 90, 170, 42)
        ctx.set_source_rgba(*rgb("#EF233C")); ctx.fill()


def bottle(ctx):
    shadow(ctx, 400, 735, 150, 22)
    rounded(ctx, 345, 60, 110, 70, 18); ctx.set_source_rgba(*rgb("#1B4332")); ctx.fill()
    ctx.move_to(350, 130); ctx.line_to(450, 130); ctx.curve_to(450, 200, 540, 220, 540, 300)
    ctx.line_to(540, 690); ctx.curve_to(540, 720, 520, 730, 490, 730); ctx.line_to(310, 730)
    ctx.curve_to(280, 730, 260, 720, 260, 690); ctx.line_to(260, 300); ctx.curve_to(260, 220, 350, 200, 350, 130)
    ctx.close_path()
    ctx.set_source(linear(260, 0, 540, 0, [(0, rgb("#74C69D")), (0.45, rgb("#B7E4C7")), (1, rgb("#40916C"))])); ctx.fill()
    rounded(ctx, 275, 380, 250, 200, 12); ctx.set_source_rgba(*rgb("#FFFFFF", 0.92)); ctx.fill()
    ctx.rectangle(300, 430, 200, 26); ctx.set_source_rgba(*rgb("#1B4332")); ctx.fill()
    ctx.rectangle(300, 480, 140, 14); ctx.set_source_rgba(*rgb("#52B788")); ctx.fill()
    ctx.rectangle(290, 250, 22, 400); ctx.set_source_rgba(1, 1, 1, 0.35); ctx.fill()


def lamp(ctx):
    shadow(ctx, 400, 720, 200, 24)
    rounded(ctx, 270, 680, 260, 40, 20); ctx.set_source_rgba(*rgb("#343A40")); ctx.fill()
    ctx.move_to(400, 690); ctx.line_to(330, 430); ctx.line_to(480, 260)
    ctx.set_line_width(18); ctx.set_source_rgba(*rgb("#495057")); ctx.stroke()
    ctx.save(); ctx.translate(500, 250); ctx.rotate(0.5)
    ctx.move_to(-80, 0); ctx.line_to(80, 0); ctx.line_to(130, 150); ctx.line_to(-130, 150); ctx.close_path()
    ctx.set_source(linear(-130, 0, 130, 150, [(0, rgb("#FFD166")), (1, rgb("#F4A261"))])); ctx.fill()
    g = cairo.RadialGradient(0, 170, 10, 0, 170, 150)
    g.add_color_stop_rgba(0, 1, 0.95, 0.7, 0.9); g.add_color_stop_rgba(1, 1, 0.95, 0.7, 0)
    ctx.set_source(g); ctx.arc(0, 170, 150, 0, math.pi); ctx.fill()
    ctx.restore()


def backpack(ctx, body="#2A9D8F", dark="#1D6F65"):
    shadow(ctx, 400, 740, 230, 26)
    rounded(ctx, 220, 150, 360, 570, 120)
    ctx.set_source(linear(220, 150, 580, 720, [(0, rgb(body)), (1, rgb(dark))])); ctx.fill()
    ctx.arc(400, 150, 70, math.pi, 2 * math.pi); ctx.set_line_width(22); ctx.set_source_rgba(*rgb(dark)); ctx.stroke()
    rounded(ctx, 270, 460, 260, 200, 50); ctx.set_source_rgba(*rgb(dark)); ctx.fill()
    ctx.move_to(290, 500); ctx.line_to(510, 500); ctx.set_line_width(8); ctx.set_source_rgba(*rgb("#E9C46A")); ctx.stroke()
    rounded(ctx, 385, 520, 30, 60, 10); ctx.set_source_rgba(*rgb("#E9C46A")); ctx.fill()
    rounded(ctx, 290, 250, 220, 140, 60); ctx.set_source_rgba(1, 1, 1, 0.12); ctx.fill()


def mug(ctx):
    shadow(ctx, 380, 680, 230, 26)
    ctx.arc(560, 430, 95, -math.pi / 2, math.pi / 2); ctx.set_line_width(40)
    ctx.set_source_rgba(*rgb("#E76F51")); ctx.stroke()
    ctx.move_to(200, 220); ctx.line_to(560, 220); ctx.line_to(540, 640)
    ctx.curve_to(540, 670, 510, 680, 480, 680); ctx.line_to(280, 680); ctx.curve_to(250, 680, 220, 670, 220, 640)
    ctx.close_path()
    ctx.set_source(linear(200, 0, 560, 0, [(0, rgb("#F4A261")), (0.5, rgb("#E76F51")), (1, rgb("#C8553D"))])); ctx.fill()
    ctx.save(); ctx.translate(380, 220); ctx.scale(180, 30); ctx.arc(0, 0, 1, 0, 2 * math.pi); ctx.restore()
    ctx.set_source_rgba(*rgb("#5E3023")); ctx.fill()
    for i, y in enumerate((380, 440, 500)):
        ctx.move_to(250, y); ctx.line_to(510, y)
        ctx.set_line_width(10); ctx.set_source_rgba(1, 1, 1, 0.5 - i * 0.12); ctx.stroke()


def watch(ctx):
    shadow(ctx, 400, 750, 170, 22)
    rounded(ctx, 320, 60, 160, 680, 40); ctx.set_source_rgba(*rgb("#264653")); ctx.fill()
    for y in range(100, 700, 40):
        ctx.rectangle(330, y, 140, 4); ctx.set_source_rgba(1, 1, 1, 0.08); ctx.fill()
    rounded(ctx, 250, 250, 300, 300, 80)
    ctx.set_source(linear(250, 250, 550, 550, [(0, rgb("#ADB5BD")), (1, rgb("#495057"))])); ctx.fill()
    rounded(ctx, 275, 275, 250, 250, 64); ctx.set_source_rgba(*rgb("#111318")); ctx.fill()
    ctx.arc(400, 400, 80, -math.pi / 2, math.pi); ctx.set_line_width(18); ctx.set_line_cap(cairo.LINE_CAP_ROUND)
    ctx.set_source_rgba(*rgb("#2EC4B6")); ctx.stroke()
    ctx.arc(400, 400, 50, -math.pi / 2, math.pi * 0.6); ctx.set_source_rgba(*rgb("#FF9F1C")); ctx.stroke()
    rounded(ctx, 545, 340, 24, 70, 10); ctx.set_source_rgba(*rgb("#6C757D")); ctx.fill()


def sunglasses(ctx):
    shadow(ctx, 400, 560, 280, 22)
    for cx in (260, 540):
        rounded(ctx, cx - 130, 300, 260, 180, 80)
        ctx.set_source(linear(0, 300, 0, 480, [(0, rgb("#3A0CA3")), (1, rgb("#111111"))])); ctx.fill()
        rounded(ctx, cx - 100, 320, 90, 40, 20); ctx.set_source_rgba(1, 1, 1, 0.25); ctx.fill()
    ctx.move_to(390, 340); ctx.curve_to(395, 320, 405, 320, 410, 340)
    ctx.set_line_width(18); ctx.set_source_rgba(*rgb("#111111")); ctx.stroke()
    ctx.move_to(130, 330); ctx.line_to(60, 300); ctx.move_to(670, 330); ctx.line_to(740, 300)
    ctx.set_line_width(16); ctx.stroke()


def lantern(ctx):
    shadow(ctx, 400, 720, 180, 24)
    ctx.arc(400, 170, 70, math.pi, 2 * math.pi); ctx.set_line_width(16); ctx.set_source_rgba(*rgb("#343A40")); ctx.stroke()
    rounded(ctx, 290, 170, 220, 60, 16); ctx.set_source_rgba(*rgb("#2D6A4F")); ctx.fill()
    rounded(ctx, 305, 230, 190, 380, 30); ctx.set_source_rgba(*rgb("#FFF3B0", 0.95)); ctx.fill()
    g = cairo.RadialGradient(400, 420, 10, 400, 420, 160)
    g.add_color_stop_rgba(0, 1, 0.8, 0.2, 1); g.add_color_stop_rgba(1, 1, 0.8, 0.2, 0)
    ctx.set_source(g); ctx.arc(400, 420, 160, 0, 2 * math.pi); ctx.fill()
    for x in (320, 480):
        ctx.rectangle(x - 8, 230, 16, 380); ctx.set_source_rgba(*rgb("#2D6A4F")); ctx.fill()
    rounded(ctx, 280, 600, 240, 70, 18); ctx.set_source_rgba(*rgb("#2D6A4F")); ctx.fill()


# ---- opaque photos --------------------------------------------------------

def room(ctx, w, h, wall, floor):
    ctx.set_source(linear(0, 0, 0, h, [(0, rgb(wall)), (1, rgb(wall, 1))])); ctx.paint()
    ctx.rectangle(0, h * 0.72, w, h * 0.28)
    ctx.set_source(linear(0, h * 0.72, 0, h, [(0, rgb(floor)), (1, rgb("#6B4F3A"))])); ctx.fill()
    g = cairo.RadialGradient(w * 0.3, h * 0.2, 10, w * 0.3, h * 0.2, w * 0.8)
    g.add_color_stop_rgba(0, 1, 1, 1, 0.35); g.add_color_stop_rgba(1, 1, 1, 1, 0)
    ctx.set_source(g); ctx.paint()


def sofa_photo(w=1400, h=900):
    s, ctx = canvas(w, h)
    room(ctx, w, h, "#DDE5E8", "#B08968")
    shadow(ctx, w / 2, h * 0.8, 520, 40, 0.35)
    rounded(ctx, 230, 330, 940, 260, 60); ctx.set_source_rgba(*rgb("#A3B18A")); ctx.fill()
    rounded(ctx, 180, 470, 1040, 220, 50); ctx.set_source_rgba(*rgb("#8A9A70")); ctx.fill()
    for x in (290, 590, 890):
        rounded(ctx, x, 430, 290, 110, 30); ctx.set_source_rgba(*rgb("#B5C49A")); ctx.fill()
    for x in (150, 1130):
        rounded(ctx, x, 420, 120, 280, 50); ctx.set_source_rgba(*rgb("#7C8C62")); ctx.fill()
    for x in (240, 1140):
        ctx.rectangle(x, 690, 26, 60); ctx.set_source_rgba(*rgb("#3E2C23")); ctx.fill()
    rounded(ctx, 330, 380, 150, 120, 30); ctx.set_source_rgba(*rgb("#E9C46A")); ctx.fill()
    return s


def planter_photo(w=1000, h=1000):
    s, ctx = canvas(w, h)
    room(ctx, w, h, "#F1E3D3", "#C9A66B")
    for i, (x, pw, ph, colour) in enumerate(((180, 220, 260, "#E76F51"), (430, 260, 320, "#F4F1DE"), (720, 180, 200, "#264653"))):
        shadow(ctx, x + pw / 2, 790, pw * 0.6, 18, 0.3)
        ctx.move_to(x, 780 - ph); ctx.line_to(x + pw, 780 - ph); ctx.line_to(x + pw * 0.85, 780); ctx.line_to(x + pw * 0.15, 780)
        ctx.close_path(); ctx.set_source_rgba(*rgb(colour)); ctx.fill()
        for k in range(7):
            angle = -math.pi / 2 + (k - 3) * 0.32
            ctx.save(); ctx.translate(x + pw / 2, 780 - ph); ctx.rotate(angle)
            ctx.scale(ph * 0.55, 22); ctx.arc(1, 0, 1, 0, 2 * math.pi); ctx.restore()
            ctx.set_source_rgba(*rgb("#2D6A4F" if k % 2 else "#40916C")); ctx.fill()
    return s


def camera_photo(w=1200, h=900):
    s, ctx = canvas(w, h)
    ctx.set_source(linear(0, 0, w, h, [(0, rgb("#FFE8D6")), (1, rgb("#FFB4A2"))])); ctx.paint()
    shadow(ctx, w / 2, 720, 380, 40, 0.3)
    rounded(ctx, 260, 250, 680, 460, 70); ctx.set_source_rgba(*rgb("#F8F9FA")); ctx.fill()
    rounded(ctx, 260, 560, 680, 150, 0); ctx.set_source_rgba(*rgb("#6D6875")); ctx.fill()
    ctx.arc(600, 470, 150, 0, 2 * math.pi); ctx.set_source_rgba(*rgb("#343A40")); ctx.fill()
    ctx.arc(600, 470, 105, 0, 2 * math.pi)
    ctx.set_source(linear(500, 370, 700, 570, [(0, rgb("#4361EE")), (1, rgb("#0B132B"))])); ctx.fill()
    ctx.arc(560, 430, 28, 0, 2 * math.pi); ctx.set_source_rgba(1, 1, 1, 0.6); ctx.fill()
    rounded(ctx, 320, 290, 140, 70, 16); ctx.set_source_rgba(*rgb("#212529")); ctx.fill()
    ctx.arc(840, 320, 26, 0, 2 * math.pi); ctx.set_source_rgba(*rgb("#E63946")); ctx.fill()
    return s


# ---- logos ----------------------------------------------------------------

def logo(colour, mark):
    w, h = 520, 120
    s, ctx = canvas(w, h)
    ctx.arc(60, 60, 46, 0, 2 * math.pi); ctx.set_source_rgba(*rgb(mark)); ctx.fill()
    for k in range(8):
        a = k * math.pi / 4
        ctx.move_to(60 + math.cos(a) * 20, 60 + math.sin(a) * 20)
        ctx.line_to(60 + math.cos(a) * 34, 60 + math.sin(a) * 34)
    ctx.set_line_width(7); ctx.set_line_cap(cairo.LINE_CAP_ROUND); ctx.set_source_rgba(1, 1, 1, 1); ctx.stroke()
    ctx.select_font_face("Inter", cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_BOLD)
    ctx.set_font_size(78); ctx.move_to(128, 88); ctx.set_source_rgba(*rgb(colour)); ctx.show_text("hanbit")
    return s


# ---- writers --------------------------------------------------------------

def to_pil(surface):
    data = bytes(surface.get_data())
    w, h = surface.get_width(), surface.get_height()
    image = Image.frombuffer("RGBa", (w, h), data, "raw", "BGRa", surface.get_stride(), 1)
    return image.convert("RGBA")


def cutout(draw, size=800):
    s, ctx = canvas(size, size)
    draw(ctx)
    return to_pil(s)


def save(image, name, **options):
    path = os.path.join(IMAGES, name)
    image.save(path, **options)
    print(f"{name}: {image.size[0]}x{image.size[1]} {image.mode} {os.path.getsize(path)} bytes")


def main():
    os.makedirs(IMAGES, exist_ok=True)
    save(cutout(sneaker), "trailrunner.png", optimize=True)
    save(cutout(headphones), "aurora-headphones.png", optimize=True)
    save(cutout(bottle), "cold-brew-bottle.png", optimize=True)
    save(cutout(lamp), "desk-lamp.png", optimize=True)
    save(cutout(backpack), "canvas-backpack.png", optimize=True)
    save(cutout(lambda c: backpack(c, "#E9C46A", "#B5892B")), "travel-backpack.png", optimize=True)
    save(cutout(mug), "ceramic-mug.png", optimize=True)
    save(cutout(watch), "sport-watch.png", optimize=True)
    # A palette PNG whose transparency comes from tRNS, as some shops export.
    rgba = cutout(sunglasses)
    alpha = rgba.getchannel("A").point(lambda a: 255 if a > 96 else 0)
    palette = rgba.convert("RGB").quantize(colors=63, method=Image.Quantize.MEDIANCUT)
    colours = palette.getpalette()[:63 * 3]
    palette.putpalette(colours + [0] * (256 * 3 - len(colours)))  # index 63 exists, black, transparent
    palette.paste(63, mask=Image.eval(alpha, lambda a: 255 - a))
    save(palette, "sunglasses-palette.png", transparency=63, optimize=True)
    save(cutout(lantern), "camping-lantern.webp", quality=88, method=6)
    # Opaque photos.
    save(to_pil(sofa_photo()).convert("RGB"), "linen-sofa.jpg", quality=88)
    save(to_pil(planter_photo()).convert("RGB").convert("CMYK"), "planter-set-cmyk.jpg", quality=90)
    # A phone-style photo: pixels stored rotated, EXIF orientation 6 says turn it back.
    upright = to_pil(camera_photo()).convert("RGB")
    stored = upright.transpose(Image.Transpose.ROTATE_90)
    exif = Image.Exif()
    exif[0x0112] = 6
    save(stored, "instant-camera-rotated.jpg", quality=88, progressive=True, exif=exif.tobytes())
    # Logos: dark for light backgrounds, light for dark ones.
    for name, colour, mark in (("logo-dark.png", "#0F4C5C", "#C2410C"), ("logo-light.png", "#FFFFFF", "#F59E0B")):
        s = logo(colour, mark)
        path = os.path.join(OUT, "brand", name)
        to_pil(s).save(path, optimize=True)
        print(f"brand/{name}: {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    sys.exit(main())
