"""Measure the learner runtime: size of the theme's JS and CSS, and how soon a module page is
interactive in headless Chromium (Debian's chromium, driven by Playwright).

Budget (issue 4): JS + CSS under 40 KB uncompressed and 12 KB gzipped; interactive in under
200 ms. "Interactive" is the `scormbuild-ready` performance mark the player sets once every
control is wired, measured from navigation start, with a SCORM 1.2 LMS (scorm-again) in the
parent frame as in Moodle. Usage: python bench/bench_runtime.py [--runs 20]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from scormbuild.render.pages import Renderer  # noqa: E402


def sizes() -> tuple[int, int, int]:
    """Bytes of the theme files as packages carry them: raw, gzipped one by one, count."""
    files = Renderer().theme_files()
    return (sum(len(f.data) for f in files), sum(len(gzip.compress(f.data, 9)) for f in files),
            len(files))


def build(root: Path) -> Path:
    course = REPO / "courses" / "sociaal-financieel"
    subprocess.run([sys.executable, "-m", "scormbuild.cli", "make", str(course), "--out",
                    str(root / "dist"), "--per", "module", "--format", "scorm12"],
                   check=True, stdout=subprocess.DEVNULL)
    [package] = (root / "dist" / "sociaal-financieel" / "scorm12").glob("*-aansluiting-vinden.zip")
    site = root / "site"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(site / "sco")
    shutil.copytree(REPO / "node_modules" / "scorm-again" / "dist", site / "lms")
    (site / "host.html").write_text(
        '<!DOCTYPE html><html><head><script src="/lms/scorm12.js"></script><script>'
        'window.API = new Scorm12API({autocommit: false, lmsCommitUrl: false});</script>'
        '</head><body><iframe id="sco" src="/sco/aansluiting-vinden/index.html"></iframe>'
        '</body></html>', encoding="utf-8")
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


def interactive_ms(site: Path, runs: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/host.html"
    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for _ in range(runs + 1):  # the first run warms the HTTP server and the disk cache
            page = browser.new_page()
            page.goto(url)
            frame = page.frame_locator("#sco")
            frame.locator("#sb-progress:not(:empty)").wait_for()
            timings.append(page.frames[1].evaluate(
                "performance.getEntriesByName('scormbuild-ready')[0].startTime"))
            page.close()
        browser.close()
    httpd.shutdown()
    return timings[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    options = parser.parse_args()
    raw, gzipped, count = sizes()
    print(f"theme JS + CSS as shipped: {raw / 1024:.1f} KB uncompressed, {gzipped / 1024:.1f} KB "
          f"gzipped ({count} files, each gzipped as a server would)")
    with tempfile.TemporaryDirectory() as scratch:
        timings = interactive_ms(build(Path(scratch)), options.runs)
    ninetieth = statistics.quantiles(timings, n=10)[-1]
    print(f"interactive after: median {statistics.median(timings):.0f} ms, 90th percentile "
          f"{ninetieth:.0f} ms, max {max(timings):.0f} ms over {len(timings)} loads")
    return 0


if __name__ == "__main__":
    sys.exit(main())
