"""Peer (d): headless Chromium over the DevTools protocol.

Starts Debian's chromium headless, opens one page per job (each in its own
browser context, so each has its own renderer process) on page.html, which
declares the fonts in Fonts/ with @font-face. For every banner the page's DOM
is rebuilt from the layout file (absolutely positioned boxes at Banneret's
frames, <img> for the pictures, text fitted by bisection on the font size
in the page itself), then Page.captureScreenshot returns a JPEG at quality
85, which is written to the banner's file. Jobs are Python threads, each with
its own DevTools connection to its own page.

usage: peer_chromium.py --layout layout.json --out DIR [--repeats 10] [--jobs 2]
"""

import base64
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

import websocket  # noqa: E402  (Debian's python3-websocket, i.e. websocket-client)


def chromium_binary():
    for candidate in ("/usr/lib/chromium/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.path.exists(candidate):
            return candidate
    sys.exit("chromium is not installed (apt-get install chromium)")


class DevTools:
    """A blocking DevTools connection: send a command, wait for its answer, skip events."""

    def __init__(self, url):
        self.ws = websocket.create_connection(url, max_size=None, suppress_origin=True)
        self.ids = itertools.count(1)

    def call(self, method, **params):
        ident = next(self.ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError("%s: %s" % (method, message["error"]))
                return message["result"]

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError("page: %s" % json.dumps(result["exceptionDetails"])[:2000])
        return result["result"].get("value")


def start_browser(profile):
    binary = chromium_binary()
    args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-default-apps",
            "--disable-breakpad", "--disable-crash-reporter",
            "--allow-file-access-from-files", "--force-device-scale-factor=1", "--font-render-hinting=none",
            "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    for _ in range(600):
        if os.path.exists(port_file):
            with open(port_file) as f:
                lines = f.read().split()
            if len(lines) >= 2:
                return proc, int(lines[0]), lines[1]
        if proc.poll() is not None:
            sys.exit("chromium exited with %s before opening DevTools" % proc.returncode)
        time.sleep(0.05)
    proc.kill()
    sys.exit("chromium did not open DevTools within 30 s")


def version(binary):
    try:
        return subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def prepare(layout):
    """Per banner, the JSON the page's render() takes: picture URLs and trim boxes,
    and each text's line height in em (the tallest font its characters use)."""
    from PIL import ImageFont
    ratios = {}

    def ratio(path):
        if path not in ratios:
            size = 109 if path.endswith("NotoColorEmoji.ttf") else 1000
            a, d = ImageFont.truetype(path, size).getmetrics()
            ratios[path] = (a + d) / size
        return ratios[path]

    prepared = []
    for b in layout["banners"]:
        for e in b["elements"]:
            if e["type"] == "image":
                e["url"] = "file://" + e["source"]
                w, h, box = common.picture_box(e["source"])
                e["box"] = [w, h, list(box)]
            elif e["type"] == "text":
                paths = {common.font_file(common.script_family(ch, e["family"]), e["weight"]) for ch in e["text"]
                         if not ch.isspace()} or {common.font_file(e["family"], e["weight"])}
                e["ratio"] = max(ratio(p) for p in paths)
        prepared.append(json.dumps(b, ensure_ascii=False))
    return prepared


def worker(port, browser, context_page, items, prepared, out, errors):
    try:
        page = DevTools("ws://127.0.0.1:%d/devtools/page/%s" % (port, context_page))
        page.call("Page.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1200, height=1080, deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url="file://" + PAGE)
        for _ in range(400):
            if page.evaluate("document.readyState") == "complete" and page.evaluate("typeof render") == "function":
                break
            time.sleep(0.025)
        page.evaluate("loadFonts()")
        for index, banner, _, name in items:
            w, h = banner["size"]
            page.evaluate("render(%s)" % prepared[index % len(prepared)])
            shot = page.call("Page.captureScreenshot", format="jpeg", quality=common.JPEG_QUALITY,
                             clip=dict(x=0, y=0, width=w, height=h, scale=1), captureBeyondViewport=False)
            with open(os.path.join(out, name), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
    except Exception as error:  # reported by the main thread
        errors.append(repr(error))


def main():
    global PAGE
    started = time.perf_counter()
    args = common.parse_args(sys.argv[1:])
    os.makedirs(args.out, exist_ok=True)
    layout = common.load_layout(args.layout)
    prepared = prepare(layout)
    items = common.work_list(layout, args.repeats)
    if args.only:
        items = [i for i in items if i[3].startswith(args.only)]
    profile = tempfile.mkdtemp(prefix="banneret-peers-chromium-")
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "page.html"), encoding="utf-8") as f:
        page_html = f.read().replace("file://FONTS", "file://" + common.FONTS)
    PAGE = os.path.join(profile, "page.html")
    with open(PAGE, "w", encoding="utf-8") as f:
        f.write(page_html)
    proc, port, browser_path = start_browser(profile)
    try:
        browser = DevTools("ws://127.0.0.1:%d%s" % (port, browser_path))
        product = browser.call("Browser.getVersion")["product"]
        pages = []
        for _ in range(args.jobs):
            context = browser.call("Target.createBrowserContext")["browserContextId"]
            pages.append(browser.call("Target.createTarget", url="about:blank", browserContextId=context)["targetId"])
        errors = []
        threads = [threading.Thread(target=worker, args=(port, browser, pages[i], items[i::args.jobs], prepared,
                                                         args.out, errors)) for i in range(args.jobs)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            sys.exit("chromium peer failed: " + "; ".join(errors))
        try:
            browser.call("Browser.close")
        except Exception:
            pass
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)
    common.report("chromium", started, len(items), jobs=args.jobs, versions=dict(chromium=product))


if __name__ == "__main__":
    main()
