"""Side-by-side benchmark: Banneret against pycairo + Pango, Pillow and
headless Chromium drawing the same banners (see README.md in this folder).

Run through run.sh (or `make bench-peers`), which installs what is missing
and builds banneret and layout-dump first. Writes Benchmarks/BENCHMARKS.md,
Benchmarks/peers/results.json and one 300x250 sample per contender into
Benchmarks/peers/samples/. Work files go to Benchmarks/peers/out/.
"""

import argparse
import collections
import glob
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402

ROOT = common.ROOT
BANNERET = os.path.join(ROOT, ".build", "release", "banneret")
LAYOUT_DUMP = os.path.join(HERE, "layout-dump", ".build", "debug", "layout-dump")
# Every contender draws the stock template's layout; the library's other templates are not compared.
STOCK_TEMPLATE = os.path.join(ROOT, "Templates", "stock-hero.yaml")
PYTHON = "/usr/bin/python3"  # Debian's, where python3-cairo, -gi, -pil and -websocket live
SIZES = "300x250,728x90,160x600,1200x628,1080x1080"
SAMPLE = ("HB-1001", "300x250")
MY_SESSION = os.getsid(0)


def sh(*args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def first_line(*args):
    try:
        out = sh(*args, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return "unavailable"


# ---------------------------------------------------------------- machine

def cpu_times():
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields[:8]), idle  # user nice system idle iowait irq softirq steal


def busy_cores(seconds=1.0):
    t0, i0 = cpu_times()
    time.sleep(seconds)
    t1, i1 = cpu_times()
    return (1 - (i1 - i0) / max(1, t1 - t0)) * os.cpu_count()


def wait_until_quiet(threshold, limit):
    """Waits (up to `limit` s) until other processes use under `threshold` cores for
    two seconds running; returns seconds waited and the last reading."""
    started = time.time()
    quiet = 0
    reading = busy_cores()
    while time.time() - started < limit:
        reading = busy_cores()
        quiet = quiet + 1 if reading < threshold else 0
        if quiet >= 2:
            break
    return time.time() - started, reading


class OthersMonitor:
    """Samples every process's CPU time while a contender runs and adds up what
    processes outside the contender's session used (kernel threads excluded:
    writeback on behalf of the contender is its own cost). Processes that start
    and end between two samples are missed, so this is a lower bound."""

    def __init__(self, session, interval=0.25):
        self.session, self.interval = session, interval
        self.seen, self.others = {}, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.loop, daemon=True)

    def scan(self):
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open("/proc/%s/stat" % name) as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            sid, ticks = int(fields[3]), int(fields[11]) + int(fields[12])
            pid = int(name)
            if sid in (0, self.session, MY_SESSION) or pid == os.getpid():
                continue
            before = self.seen.get(pid)
            if before is not None and ticks >= before:
                self.others += ticks - before
            self.seen[pid] = ticks

    def loop(self):
        while not self.stop.wait(self.interval):
            self.scan()

    def __enter__(self):
        self.scan()
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        self.thread.join()
        self.scan()

    def seconds(self):
        return self.others / os.sysconf("SC_CLK_TCK")


def machine():
    model = "unknown"
    for line in sh("lscpu").stdout.splitlines():
        if line.startswith("Model name:"):
            model = line.split(":", 1)[1].strip()
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // 1024 // 1024
    debian = open("/etc/debian_version").read().strip() if os.path.exists("/etc/debian_version") else "?"
    pkg = lambda name: first_line("pkg-config", "--modversion", name)  # noqa: E731
    deb = lambda name: first_line("dpkg-query", "-W", "-f=${Version}", name)  # noqa: E731
    return {
        "nproc": int(first_line("nproc")),
        "cpu": model,
        "memory_gb": mem,
        "kernel": platform.release(),
        "debian": debian,
        "swift": first_line("swift", "--version"),
        "cairo": pkg("cairo"), "pango": pkg("pango"), "harfbuzz": pkg("harfbuzz"), "freetype": pkg("freetype2"),
        "libjpeg_turbo": deb("libjpeg62-turbo"),
        "python": first_line(PYTHON, "--version"),
        "pycairo": first_line(PYTHON, "-c", "import cairo; print(cairo.version)"),
        "pillow": first_line(PYTHON, "-c", "import PIL; print(PIL.__version__)"),
        "websocket_client": first_line(PYTHON, "-c", "import websocket; print(websocket.__version__)"),
        "chromium": first_line("/usr/lib/chromium/chromium", "--version")
        if os.path.exists("/usr/lib/chromium/chromium") else first_line("chromium", "--version"),
    }


# ---------------------------------------------------------------- inputs

def prepare_inputs(out, repeats):
    """The layout file, the repeated feed for banneret and the fontconfig file for Pango."""
    os.makedirs(out, exist_ok=True)
    layout_path = os.path.join(out, "layout.json")
    run = sh(LAYOUT_DUMP, os.path.join(ROOT, "Examples", "feed.jsonl"), os.path.join(ROOT, "Examples", "brand.yaml"),
             STOCK_TEMPLATE, layout_path, SIZES, cwd=ROOT)
    if run.returncode != 0:
        sys.exit("layout-dump failed:\n" + run.stdout + run.stderr)
    layout = common.load_layout(layout_path)
    # The same products k times over, each copy with its own id so every banner gets its own file.
    feed_dir = os.path.join(out, "feed")
    os.makedirs(feed_dir, exist_ok=True)
    feed_path = os.path.join(feed_dir, "feed-x%d.jsonl" % repeats)
    with open(os.path.join(ROOT, "Examples", "feed.jsonl"), encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    with open(feed_path, "w", encoding="utf-8") as f:
        for r in range(repeats):
            for row in rows:
                row = dict(row, id="%s-r%02d" % (row["id"], r))
                row["image_link"] = "file://" + os.path.join(ROOT, "Examples", row["image_link"])
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    fc_dir = os.path.join(out, "fontconfig")
    os.makedirs(fc_dir, exist_ok=True)
    fonts_conf = os.path.join(fc_dir, "fonts.conf")
    common.write_fontconfig(fonts_conf, os.path.join(fc_dir, "cache"))
    return layout_path, layout, feed_path, fonts_conf


# ---------------------------------------------------------------- contenders

class Contender:
    def __init__(self, key, label, jobs, command, env=None, diagnostic=False, extension="jpg"):
        self.key, self.label, self.jobs, self.command = key, label, jobs, command
        self.env, self.diagnostic, self.extension = env, diagnostic, extension
        self.runs = []


def contenders(out, layout_path, feed_path, fonts_conf, repeats, tmpfs):
    banneret = lambda jobs, folder, form=("jpeg", "--quality", "85"): [  # noqa: E731
        BANNERET, "generate", "--feed", feed_path, "--templates", STOCK_TEMPLATE,
        "--allow-path", os.path.join(ROOT, "Examples", "images"), "--sizes", SIZES, "--format", *form,
        "--jobs", str(jobs), "--out", folder, "--quiet"]
    peer = lambda script, jobs, folder: [PYTHON, os.path.join(HERE, script), "--layout", layout_path,  # noqa: E731
                                         "--out", folder, "--repeats", str(repeats), "--jobs", str(jobs)]
    env = dict(os.environ, FONTCONFIG_FILE=fonts_conf)
    found = [
        Contender("banneret-2", "Banneret `generate`", 2, lambda d: banneret(2, d)),
        Contender("banneret-1", "Banneret `generate`", 1, lambda d: banneret(1, d)),
        Contender("pycairo", "pycairo + PangoCairo (+ Pillow JPEG)", 2, lambda d: peer("peer_pycairo.py", 2, d), env),
        Contender("pillow", "Pillow (ImageDraw, ImageFont + raqm)", 2, lambda d: peer("peer_pillow.py", 2, d)),
        Contender("chromium", "headless Chromium (DevTools, 2 pages)", 2, lambda d: peer("peer_chromium.py", 2, d)),
    ]
    if tmpfs:
        found.append(Contender("banneret-2-tmpfs", "Banneret `generate`, output on tmpfs", 2,
                               lambda d: banneret(2, d), diagnostic=True))
        found.append(Contender("banneret-2-png", "Banneret `generate --format png`", 2,
                               lambda d: banneret(2, d, ("png",)), diagnostic=True, extension="png"))
    return found


def folder_for(out, contender):
    if contender.key.endswith("-tmpfs"):
        return os.path.join("/dev/shm", "banneret-peers-%d" % os.getpid(), contender.key)
    return os.path.join(out, "banners", contender.key)


def timed_run(contender, folder, expected):
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    t0, i0 = cpu_times()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(contender.command(folder), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=contender.env, cwd=ROOT, start_new_session=True)
    with OthersMonitor(proc.pid) as others:
        stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t1, i1 = cpu_times()
    if proc.returncode != 0:
        sys.exit("%s failed (%d):\n%s%s" % (contender.key, proc.returncode, stdout[-3000:], stderr[-3000:]))
    ticks = os.sysconf("SC_CLK_TCK")
    busy = ((t1 - t0) - (i1 - i0)) / ticks
    ours = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    files = glob.glob(os.path.join(folder, "*." + contender.extension))
    if len(files) != expected:
        sys.exit("%s wrote %d .%s files, expected %d" % (contender.key, len(files), contender.extension, expected))
    return {"wall": wall, "cpu": ours, "machine_cores": busy / wall, "others_cores": others.seconds() / wall,
            "files": len(files), "bytes": sum(os.path.getsize(f) for f in files), "stdout": stdout.strip()[-400:]}


def check_files(folder, layout_sizes, extension):
    """Every file is a decodable JPEG (or PNG) of one of the five sizes (outside the timing)."""
    from PIL import Image
    expected = {"jpg": "JPEG", "png": "PNG"}[extension]
    sizes = collections.Counter()
    for path in glob.glob(os.path.join(folder, "*." + extension)):
        with Image.open(path) as im:
            im.load()
            if im.format != expected:
                sys.exit("%s is not a %s" % (path, expected))
            sizes["%dx%d" % im.size] += 1
    if set(sizes) != set(layout_sizes):
        sys.exit("%s: unexpected sizes %s" % (folder, dict(sizes)))
    return dict(sizes)


def jpeg_optimise_cost(folder, per_set):
    """Encodes one set of Banneret's banners (decoded from its files) at q85 with
    and without optimised Huffman tables, through Pillow's libjpeg-turbo: what the
    extra pass costs and saves. Best of three passes each."""
    from io import BytesIO
    from PIL import Image
    images = []
    for path in sorted(glob.glob(os.path.join(folder, "*-r00-*.jpg")))[:per_set]:
        with Image.open(path) as im:
            images.append(im.convert("RGB"))
    figures = {}
    for optimise in (False, True):
        best, size = None, 0
        for _ in range(3):
            start, size = time.perf_counter(), 0
            for im in images:
                buffer = BytesIO()
                im.save(buffer, "JPEG", quality=common.JPEG_QUALITY, optimize=optimise)
                size += buffer.tell()
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        figures["optimised" if optimise else "plain"] = {"ms_per_banner": 1000 * best / len(images),
                                                         "bytes_per_banner": size // len(images)}
    return figures


# ---------------------------------------------------------------- samples

def samples(out, layout_path, feed_path, fonts_conf, banneret_folder):
    """One 300x250 banner of one product from each contender, into samples/."""
    dest = os.path.join(HERE, "samples")
    os.makedirs(dest, exist_ok=True)
    product, size = SAMPLE
    found = glob.glob(os.path.join(banneret_folder, "%s-r00-%s-*.jpg" % (product, size)))
    if not found:
        sys.exit("no Banneret sample %s %s in %s" % (product, size, banneret_folder))
    shutil.copyfile(found[0], os.path.join(dest, "banneret.jpg"))
    env = dict(os.environ, FONTCONFIG_FILE=fonts_conf)
    for key, script in (("pycairo", "peer_pycairo.py"), ("pillow", "peer_pillow.py"), ("chromium", "peer_chromium.py")):
        folder = os.path.join(out, "samples", key)
        shutil.rmtree(folder, ignore_errors=True)
        run = sh(PYTHON, os.path.join(HERE, script), "--layout", layout_path, "--out", folder, "--repeats", "1",
                 "--jobs", "1", "--only", "%s-%s" % (product, size), env=env)
        if run.returncode != 0:
            sys.exit("sample from %s failed:\n%s" % (key, run.stderr[-2000:]))
        shutil.copyfile(glob.glob(os.path.join(folder, "*.jpg"))[0], os.path.join(dest, key + ".jpg"))


# ---------------------------------------------------------------- profile

# First matching rule wins; each looks at the whole call stack of a sample.
PROFILE_RULES = [
    ("JPEG encode (libjpeg-turbo)", ["BannerEncoder.encode", "bnr_jpeg_encode"], ["libjpeg"]),
    ("file writes (temp file, fsync, rename)", ["AtomicFile.write"], []),
    ("features and brand checks (measured on every banner)", ["BannerFeatures.measure", "ScoringFeatures",
                                                              "TextLegibility", "PerceptualHash"], []),
    ("layout: text fitting (Pango shaping to size texts)", ["TemplateLayout"], None),  # with text frames, see below
    ("layout: template compile and constraint solve", ["TemplateLayout", "Solver", "Tableau"], []),
    ("render: text (Pango fit again + draw)", ["TextSetter"], None),
    ("render: pictures (pyramid + bilinear scaling)", ["BannerRenderer.draw(", "level(forScale", "bnr_halve"], []),
    ("render: background, shapes, fills", ["BannerRenderer"], []),
    ("manifest (JSON encoding, write)", ["writeManifest", "ManifestEntry", "JSONEncoder"], []),
    ("banner ids (SHA-256 of inputs)", ["BannerIdentity", "SHA256", "FileDigests"], []),
    ("image decoding", ["ImageDecoder", "ImageCache", "bnr_png_decode", "bnr_jpeg_decode", "bnr_webp"], []),
    ("feed reading", ["FeedReader", "JSONFeedReader", "FeedRecordMapper"], []),
    ("start-up (fonts, brand, templates, dynamic linking)", ["Engine.init", "FontSet", "TemplateLoader",
                                                             "BrandGuideLoader", "_dl_", "dl_main"], []),
]
TEXT_MARKERS = ["TextSetter", "pango_", "hb_", "FT_", "Fc"]
TEXT_DSOS = ["libpango", "libharfbuzz", "libfreetype", "libfontconfig", "libfribidi"]


def classify(frames):
    symbols = [s for s, _ in frames]
    dsos = [d for _, d in frames]
    has = lambda words: any(w in s for s in symbols for w in words)  # noqa: E731
    has_text = has(TEXT_MARKERS) or any(t in d for d in dsos for t in TEXT_DSOS)
    for name, words, dso_words in PROFILE_RULES:
        if name.startswith("layout: text"):
            if has(["TemplateLayout"]) and has_text:
                return name
            continue
        if name.startswith("render: text"):
            if has(["BannerRenderer.render"]) and has_text:
                return name
            continue
        if has(words) or (dso_words and any(w in d for d in dsos for w in dso_words)):
            return name
    leaf = dsos[0] if dsos else ""
    if any(t in leaf for t in TEXT_DSOS):
        return "text, call stack lost"
    if "pixman" in leaf or "cairo" in leaf:
        return "drawing (Cairo/pixman), call stack lost"
    if "kernel" in leaf:
        return "kernel, other (page faults, thread start, exit)"
    return "other (Swift runtime, allocation, unattributed)"


def profile(out, command, seconds_hint):
    """perf record with DWARF call stacks on one `banneret generate`; samples
    grouped by what they were doing (first matching frame in the stack)."""
    data = os.path.join(out, "perf.data")
    record = sh("perf", "record", "-q", "-F", "999", "--call-graph", "dwarf,16384", "-o", data, "--", *command,
                cwd=ROOT)
    if record.returncode != 0:
        return callgrind_profile(out, command, record.stderr)
    script = subprocess.run(["perf", "script", "-i", data, "-F", "comm,tid,ip,sym,dso"], capture_output=True)
    demangled = subprocess.run(["swift", "demangle", "--simplified"], input=script.stdout, capture_output=True)
    text = demangled.stdout.decode("utf-8", "replace")
    buckets = collections.Counter()
    total = 0
    frame_re = re.compile(r"^\s+[0-9a-f]+\s+(.*?)\s+\(([^()]*)\)\s*$")
    for block in text.split("\n\n"):
        lines = block.strip("\n").splitlines()
        # Every thread of the recorded command counts: the workers carry
        # Dispatch's queue names (e.g. "com.apple.root.default-qos"), not "banneret".
        if len(lines) < 2:
            continue
        frames = []
        for line in lines[1:]:
            m = frame_re.match(line)
            if m:
                frames.append((m.group(1), os.path.basename(m.group(2))))
        if frames:
            buckets[classify(frames)] += 1
            total += 1
    return {"tool": "perf record -F 999 --call-graph dwarf (cpu-clock)", "samples": total,
            "command": " ".join(os.path.relpath(c, ROOT) if c.startswith(ROOT) else c for c in command),
            "buckets": [(name, round(100 * n / max(1, total), 1)) for name, n in buckets.most_common()]}


def callgrind_profile(out, command, why):
    """Fallback when perf cannot record: callgrind, inclusive costs of the stages."""
    data = os.path.join(out, "callgrind.out")
    run = sh("valgrind", "--tool=callgrind", "--callgrind-out-file=" + data, *command, cwd=ROOT)
    if run.returncode != 0:
        return {"tool": "none", "error": "perf: %s; valgrind: %s" % (why.strip()[:300], run.stderr.strip()[-300:])}
    annotate = sh("callgrind_annotate", "--inclusive=yes", data)
    return {"tool": "valgrind --tool=callgrind (perf unusable: %s)" % why.strip()[:200],
            "annotate": annotate.stdout[:6000], "buckets": []}


# ---------------------------------------------------------------- report

def fmt(x, digits=1):
    return ("%%.%df" % digits) % x


def write_report(path, info, results, prof, bench, repeats, runs, waits, quiet, jpeg):
    per_set = 70
    base = next(c for c in results if c["key"] == "banneret-2")
    base_rate = base["rate_median"]
    lines = []
    w = lines.append
    w("# Banneret against its peers")
    w("")
    w("Generated by `make bench-peers` (`Benchmarks/peers/run.sh`); do not edit by hand.")
    w("Every contender renders the same banners from the same layout into its own folder,")
    w("JPEG quality 85, and is timed as a whole command, from start-up to the last file written:")
    w("the Examples feed's 14 products × 5 sizes (300x250, 728x90, 160x600, 1200x628, 1080x1080)")
    w("= %d banners, repeated %d times = **%d banners per run**, %d runs each (contenders taken in"
      % (per_set, repeats, per_set * repeats, runs))
    w("turn, so a disturbance spreads over all of them). Files are counted and decoded after each run.")
    w("How the peers draw, and what they leave out, is in `Benchmarks/peers/README.md`.")
    w("")
    w("## Machine")
    w("")
    w("| | |")
    w("|---|---|")
    w("| `nproc` | %d |" % info["nproc"])
    w("| CPU | %s |" % info["cpu"])
    w("| memory | %d GB |" % info["memory_gb"])
    w("| OS | Debian %s, Linux %s |" % (info["debian"], info["kernel"]))
    w("| Swift | %s |" % info["swift"])
    w("| Banneret renderer | %s |" % info["renderer"])
    w("| cairo / pango / harfbuzz / freetype | %s / %s / %s / %s |"
      % (info["cairo"], info["pango"], info["harfbuzz"], info["freetype"]))
    w("| libjpeg-turbo (Banneret, Pillow) | %s |" % info["libjpeg_turbo"])
    w("| Python / pycairo / Pillow / websocket-client | %s / %s / %s / %s |"
      % (info["python"], info["pycairo"], info["pillow"], info["websocket_client"]))
    w("| Chromium | %s |" % info["chromium"])
    w("")
    w("## Throughput")
    w("")
    w("| contender | jobs | wall s, min / median | banners/s, best / median | Banneret (2 jobs) ÷ contender | CPU s (median) | mean JPEG bytes |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for c in results:
        if c["diagnostic"]:
            continue
        ratio = "—" if c["key"] == "banneret-2" else "%.1f×" % (base_rate / c["rate_median"])
        w("| %s | %d | %s / %s | %s / %s | %s | %s | %d |" % (
            c["label"], c["jobs"], fmt(c["wall_min"], 2), fmt(c["wall_median"], 2), fmt(c["rate_best"]),
            fmt(c["rate_median"]), ratio, fmt(c["cpu_median"], 2), c["mean_bytes"]))
    w("")
    w("Ratios divide medians. Targets the project set itself: Banneret ≥ 350 banners/s with 2 jobs,")
    w("≥ 2× pycairo + Pango, ≥ 10× Pillow, ≥ 30× Chromium. Where it lands:")
    w("")
    targets = [("banneret-2", 350, "rate"), ("pycairo", 2, "ratio"), ("pillow", 10, "ratio"), ("chromium", 30, "ratio")]
    for key, target, kind in targets:
        c = next(r for r in results if r["key"] == key)
        if kind == "rate":
            value = c["rate_median"]
            w("* Banneret, 2 jobs: %.0f banners/s (median) against ≥ %d: **%s**."
              % (value, target, "met" if value >= target else "not met"))
        else:
            value = base_rate / c["rate_median"]
            w("* ÷ %s: %.1f× against ≥ %d×: **%s**." % (c["label"].split(" (")[0], value, target,
                                                         "met" if value >= target else "not met"))
    w("")
    before = max(max(r["busy_before"] for r in c["runs"]) for c in results)
    w("Before each timed run the driver waits until the machine is quiet (other processes using under")
    w("%.2f cores for two seconds running; %s); the busiest reading a run started" % (quiet, waits))
    during = max(max(r["others_cores"] for r in c["runs"]) for c in results)
    w("after was %.2f cores, and during the kept runs other processes used at most %.2f cores (sampled every"
      % (before, during))
    w("0.25 s, so a lower bound). Contenders write to the same disk (ext4); nothing else of ours runs meanwhile.")
    diag = [c for c in results if c["diagnostic"]]
    if diag or bench:
        w("")
        w("### Diagnostics (not contenders)")
        w("")
        for c in diag:
            if c.get("extension", "jpg") == "png":
                w("* %s, %d jobs, onto the disk: %s banners/s median (wall %s s), mean %d bytes; against the "
                  "target of ≥ 170 PNG banners/s: **%s**."
                  % (c["label"], c["jobs"], fmt(c["rate_median"]), fmt(c["wall_median"], 2), c["mean_bytes"],
                     "met" if c["rate_median"] >= 170 else "not met"))
                continue
            w("* %s, %d jobs: %s banners/s median (wall %s s); the same command onto the disk: %s banners/s."
              % (c["label"], c["jobs"], fmt(c["rate_median"]), fmt(c["wall_median"], 2), fmt(base_rate)))
        if bench:
            w("* `banneret bench --count %d --format jpeg` (render + JPEG q85 in memory, nothing written,"
              % bench["count"])
            w("  no features, no manifest; start-up excluded): %s." % ", ".join(
                "%d job%s %.1f banners/s" % (f["jobs"], "" if f["jobs"] == 1 else "s", f["banners_per_second"])
                for f in bench["figures"]))
    w("")
    w("## Where Banneret's time goes")
    w("")
    if prof.get("buckets"):
        w("`%s` on `%s`: %d samples, each counted under the first stage found in its call stack."
          % (prof["tool"], prof["command"], prof["samples"]))
        w("CPU time only: waiting in `fsync` does not show here (compare the tmpfs diagnostic above).")
        w("")
        w("| stage | share of CPU samples |")
        w("|---|---:|")
        for name, share in prof["buckets"]:
            w("| %s | %.1f %% |" % (name, share))
    else:
        w("No profile: %s" % prof.get("error", prof.get("tool")))
        if prof.get("annotate"):
            w("")
            w("```")
            w(prof["annotate"])
            w("```")
    w("")
    w("## Reading the figures")
    w("")
    w(notes(results, prof, bench, jpeg, repeats))
    w("")
    w("## Reproduce")
    w("")
    w("```sh")
    w("make bench-peers                                   # everything above, about 10 minutes")
    w("Benchmarks/peers/run.sh --repeats 10 --runs 5      # the same, with its options")
    w("Benchmarks/peers/run.sh --only pycairo --runs 1    # one contender")
    w("```")
    w("")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def notes(results, prof, bench, jpeg, repeats):
    """Observations computed from this run's figures, so they stay true when it is rerun."""
    by = {c["key"]: c for c in results}
    per_run = 70 * repeats
    b2, b1 = by.get("banneret-2"), by.get("banneret-1")
    share = dict(prof.get("buckets", []))
    layout = sum(v for k, v in share.items() if k.startswith("layout:"))
    extras = sum(v for k, v in share.items() if k.startswith(("features", "file writes", "manifest", "banner ids")))
    out = []
    if b2 and "pycairo" in by:
        out.append("* **The peers are handed the layout.** They draw the frames Banneret solved; Banneret solves "
                   "them inside its timing (template compile, constraint solve and the Pango measuring that sizes "
                   "each text: %.0f %% of its CPU samples). Banneret also does work no peer does: per-banner features "
                   "and brand checks, content hashes for file names, the manifest, and an `fsync`ed atomic write "
                   "per file (%.0f %% of its CPU samples together, plus the waiting). CPU per banner (median run): "
                   "Banneret %.2f ms, pycairo + Pango %.2f ms, Pillow %.2f ms."
                   % (layout, extras, 1000 * b2["cpu_median"] / per_run, 1000 * by["pycairo"]["cpu_median"] / per_run,
                      1000 * by["pillow"]["cpu_median"] / per_run if "pillow" in by else float("nan")))
    if "banneret-2-tmpfs" in by and b2:
        t = by["banneret-2-tmpfs"]
        out.append("* **Writing to disk costs Banneret %.0f %% of its throughput**: %.0f banners/s onto ext4 against "
                   "%.0f onto tmpfs, the same command. Each banner is a temp file, `fsync`, rename and an `fsync` of "
                   "the folder; two jobs `fsync`ing into one folder also wait on the same journal, which is part of "
                   "why 2 jobs give only %.2f× the rate of 1 job."
                   % (100 * (1 - b2["rate_median"] / t["rate_median"]), b2["rate_median"], t["rate_median"],
                      b2["rate_median"] / b1["rate_median"] if b1 else float("nan")))
    if bench and b2:
        two = [f for f in bench["figures"] if f["jobs"] == 2]
        if two:
            out.append("* **`generate` reaches %.0f %% of the renderer's own rate**: `banneret bench` renders and "
                       "encodes %.0f banners/s with 2 jobs in memory; feed to files, `generate` makes %.0f."
                       % (100 * b2["rate_median"] / two[0]["banners_per_second"], two[0]["banners_per_second"],
                          b2["rate_median"]))
    jpeg_share = next((v for k, v in share.items() if k.startswith("JPEG")), None)
    if jpeg and jpeg_share is not None:
        plain, opt = jpeg["plain"], jpeg["optimised"]
        out.append("* **JPEG encoding is the largest single cost** (%.0f %% of the samples), and the same encoder "
                   "(libjpeg-turbo, q85, 4:2:0, standard Huffman tables) is in the pycairo and Pillow peers, which "
                   "bounds any ratio against them. Optimised Huffman tables would add %.0f %% to the encode for "
                   "%.0f %% smaller files (re-encoding one set of Banneret's banners through Pillow: %.2f ms a banner "
                   "with the optimising pass, %.2f ms without; %d against %d bytes), so Banneret runs that pass only "
                   "when a byte budget needs it."
                   % (jpeg_share, 100 * (opt["ms_per_banner"] / plain["ms_per_banner"] - 1),
                      100 * (1 - opt["bytes_per_banner"] / plain["bytes_per_banner"]), opt["ms_per_banner"],
                      plain["ms_per_banner"], opt["bytes_per_banner"], plain["bytes_per_banner"]))
    render_text = share.get("render: text (Pango fit again + draw)")
    if render_text is not None:
        out.append("* **Texts are fitted twice**: the layout fits every text to size its box, and the renderer runs "
                   "the fitter again before drawing (at the size the layout pinned, so one Pango measurement per "
                   "text, two or more for wrapped ones); `render: text`, %.0f %% of the samples, is that second "
                   "fit plus the drawing." % render_text)
    out.append("* **Banneret's text work runs one thread at a time.** Cairo 1.16 (Debian 12) keeps one glyph cache "
               "for the whole process and, once it is full, evicts by taking two locks in the reverse order of a "
               "glyph lookup; two threads fitting text deadlocked. Banneret therefore holds one process-wide lock "
               "per text fit and per text draw (`Sources/BanneretKit/Text/CairoFontLock.swift`), which costs about "
               "14 % of its 2-job rate; pictures, features and encoding stay parallel. The pycairo and Pillow peers "
               "run two processes, which share nothing, so they never pay it. Newer cairo releases skip fonts in use "
               "when they evict (a try-lock); once Banneret runs on one (Debian 13 ships cairo 1.18), the lock "
               "should be re-examined.")
    if "chromium" in by:
        c = by["chromium"]
        machine_cores = statistics.median(r["machine_cores"] for r in c["runs"])
        out.append("* **Chromium** spends its time in round trips: a DOM rebuild, text fitting by reflow inside the "
                   "page, then a compositor frame and a JPEG encode per screenshot. Its CPU column counts only the "
                   "processes the driver can reap; the whole machine was busy %.1f cores on average during its runs."
                   % machine_cores)
    return "\n".join(out)


def summarise(contender, per_run):
    rates = [per_run / r["wall"] for r in contender.runs]
    walls = [r["wall"] for r in contender.runs]
    return {
        "key": contender.key, "label": contender.label, "jobs": contender.jobs, "diagnostic": contender.diagnostic,
        "extension": contender.extension,
        "wall_min": min(walls), "wall_median": statistics.median(walls),
        "rate_best": max(rates), "rate_median": per_run / statistics.median(walls),
        "cpu_median": statistics.median(r["cpu"] for r in contender.runs),
        "mean_bytes": int(statistics.median(r["bytes"] for r in contender.runs) / per_run),
        "runs": [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()} for r in contender.runs],
    }


def waits_text(waited, discarded, quiet):
    text = "waited %.0f s in all, longest %.0f s" % (sum(waited), max(waited)) if waited else "no waits"
    return text + "; %d run%s redone because other processes took over %.2f cores meanwhile" % (
        len(discarded), "" if len(discarded) == 1 else "s", quiet)


def report_from(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    results = d["results"]
    waited = [r["waited_s"] for c in results for r in c["runs"]] + [r["waited_s"] for r in d["discarded_runs"]]
    write_report(os.path.join(ROOT, "Benchmarks", "BENCHMARKS.md"), d["machine"], results, d["profile"], d["bench"],
                 d["repeats"], len(results[0]["runs"]), waits_text(waited, d["discarded_runs"], d["quiet_cores"]),
                 d["quiet_cores"], d["jpeg_optimise"])
    print("wrote Benchmarks/BENCHMARKS.md from %s" % os.path.relpath(path, ROOT))


def main():
    p = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    p.add_argument("--repeats", type=int, default=10, help="times the 70-banner set is rendered per run")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--only", help="comma-separated contender keys: banneret-2, banneret-1, pycairo, pillow, chromium")
    p.add_argument("--out", default=os.path.join(HERE, "out"))
    p.add_argument("--quiet-cores", type=float, default=0.25,
                   help="wait before each run until other processes use fewer cores than this")
    p.add_argument("--quiet-wait", type=float, default=600, help="longest wait for a quiet machine, s")
    p.add_argument("--retries", type=int, default=3,
                   help="runs during which other processes used over --quiet-cores are redone up to this often")
    p.add_argument("--no-profile", action="store_true")
    p.add_argument("--no-report", action="store_true", help="print results, leave BENCHMARKS.md alone")
    p.add_argument("--report-only", action="store_true",
                   help="rewrite BENCHMARKS.md from the last results.json without measuring anything")
    args = p.parse_args()
    out = os.path.abspath(args.out)
    if args.report_only:
        report_from(os.path.join(HERE, "results.json"))
        return

    layout_path, layout, feed_path, fonts_conf = prepare_inputs(out, args.repeats)
    per_run = len(layout["banners"]) * args.repeats
    info = machine()
    info["renderer"] = layout["renderer"]
    everyone = contenders(out, layout_path, feed_path, fonts_conf, args.repeats, tmpfs=not args.only)
    if args.only:
        keys = args.only.split(",")
        everyone = [c for c in everyone if c.key in keys]
    sizes = {"%dx%d" % tuple(b["size"]) for b in layout["banners"]}

    # Warm-up: page cache, fontconfig caches, Chromium's first start; not timed.
    for c in everyone:
        print("warm-up %s" % c.key, flush=True)
        timed_run(c, folder_for(out, c), per_run)
    waited, discarded = [], []
    for run in range(args.runs):
        for c in everyone:
            for attempt in range(args.retries + 1):
                waited_s, reading = wait_until_quiet(args.quiet_cores, args.quiet_wait)
                waited.append(waited_s)
                result = timed_run(c, folder_for(out, c), per_run)
                result["waited_s"] = round(waited_s, 1)
                result["busy_before"] = round(reading, 2)
                print("run %d %-18s %6.2f s  %7.1f banners/s  cpu %6.2f s  others %.2f cores"
                      % (run + 1, c.key, result["wall"], per_run / result["wall"], result["cpu"],
                         result["others_cores"]), flush=True)
                if result["others_cores"] <= args.quiet_cores or attempt == args.retries:
                    break
                discarded.append(dict(result, key=c.key))
                print("  discarded: other processes used %.2f cores during the run" % result["others_cores"])
            c.runs.append(result)
    for c in everyone:
        check_files(folder_for(out, c), sizes, c.extension)
    results = [summarise(c, per_run) for c in everyone]

    bench = None
    prof = {}
    jpeg = None
    if not args.only:
        wait_until_quiet(args.quiet_cores, args.quiet_wait)
        run = sh(BANNERET, "bench", "--count", str(per_run * 2), "--format", "jpeg", cwd=ROOT)
        if run.returncode == 0:
            report = json.loads(run.stdout)
            bench = {"count": per_run * 2, "figures": report["throughput"]}
        samples(out, layout_path, feed_path, fonts_conf, folder_for(out, everyone[0]))
        wait_until_quiet(args.quiet_cores, args.quiet_wait)
        jpeg = jpeg_optimise_cost(folder_for(out, everyone[0]), len(layout["banners"]))
        if not args.no_profile:
            wait_until_quiet(args.quiet_cores, args.quiet_wait)
            folder = os.path.join(out, "banners", "profile")
            shutil.rmtree(folder, ignore_errors=True)
            prof = profile(out, everyone[0].command(folder), results[0]["wall_median"])
        shutil.rmtree(os.path.join("/dev/shm", "banneret-peers-%d" % os.getpid()), ignore_errors=True)

    document = {"machine": info, "repeats": args.repeats, "banners_per_run": per_run, "results": results,
                "discarded_runs": [{k: (round(v, 4) if isinstance(v, float) else v) for k, v in d.items()}
                                   for d in discarded],
                "bench": bench, "jpeg_optimise": jpeg, "profile": prof, "quiet_cores": args.quiet_cores}
    print(json.dumps({c["key"]: round(c["rate_median"], 1) for c in results}))
    if args.only or args.no_report:
        return
    with open(os.path.join(HERE, "results.json"), "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1, ensure_ascii=False)
        f.write("\n")
    waits = waits_text(waited, discarded, args.quiet_cores)
    write_report(os.path.join(ROOT, "Benchmarks", "BENCHMARKS.md"), info, results, prof, bench, args.repeats,
                 args.runs, waits, args.quiet_cores, jpeg)
    print("wrote Benchmarks/BENCHMARKS.md")


if __name__ == "__main__":
    main()
