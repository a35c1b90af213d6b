#!/bin/sh
# Side-by-side benchmark against pycairo + Pango, Pillow and headless Chromium.
# Installs what is missing (Debian packages), builds banneret (release) and
# layout-dump (debug), then runs run.py, which writes Benchmarks/BENCHMARKS.md.
# Options are run.py's: --repeats N --runs N --only KEYS --no-profile --no-report
set -eu
cd "$(dirname "$0")/../.."

missing=""
for package in python3-cairo python3-gi python3-gi-cairo gir1.2-pango-1.0 python3-pil python3-websocket \
               chromium linux-perf; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    echo "installing:$missing"
    # shellcheck disable=SC2086
    $sudo apt-get install -y $missing || { $sudo apt-get update && $sudo apt-get install -y $missing; }
fi

swift build -c release --product banneret
(cd Benchmarks/peers/layout-dump && swift build)
exec /usr/bin/python3 Benchmarks/peers/run.py "$@"
