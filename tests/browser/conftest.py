"""Browser fixtures: a loopback web server with the test LMS, and headless Debian Chromium."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import zipfile
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
CHROMIUM = "/usr/bin/chromium"
#: Flags that keep Chromium from reaching for the network this machine does not have.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        pass


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The web root: host page, scorm-again, and (per test) unpacked packages under sco/."""
    root = tmp_path_factory.mktemp("site")
    shutil.copy(HERE / "host.html", root / "host.html")
    shutil.copy(HERE / "host.js", root / "host.js")
    lms = REPO / "node_modules" / "scorm-again" / "dist"
    assert lms.is_dir(), "npm packages missing: run npm ci (tests/setup-and-run.sh does)"
    shutil.copytree(lms, root / "lms")
    return root


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    tab = context.new_page()
    yield tab
    context.close()


def unpack(package: Path, site: Path, name: str) -> str:
    """Unpack a package under sco/<name>/ and return its URL path prefix."""
    target = site / "sco" / name
    shutil.rmtree(target, ignore_errors=True)
    with zipfile.ZipFile(package) as archive:
        archive.extractall(target)
    return f"/sco/{name}"


@pytest.fixture(scope="session")
def alletypes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The `alletypes` fixture course built once: <this>/scorm12|scorm2004/<module>.zip."""
    from tests.conftest import FIXTURES, run

    folder = tmp_path_factory.mktemp("alletypes")
    shutil.copytree(FIXTURES / "alletypes", folder / "course")
    result = run("make", str(folder / "course"), "--out", str(folder / "dist"), "--per", "module")
    assert result.exit_code == 0, result.stderr
    return folder / "dist" / "alletypes"
