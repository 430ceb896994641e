"""Driving the test LMS (host.html with scorm-again): launch a SCO, read what it recorded."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tests.browser.conftest import unpack

API = {"12": "API", "2004": "API_1484_11"}
FOLDER = {"12": "scorm12", "2004": "scorm2004"}


def launch(page: Any, server: str, site: Path, package: Path, version: str, module: str,
           state: dict | None = None) -> Any:
    """Open the host page on a package's SCO, optionally with earlier CMI data (a relaunch)."""
    prefix = unpack(package, site, f"{version}-{package.parent.parent.name}-{package.stem}")
    url = f"{server}/host.html?version={version}&launch={prefix}/{module}/index.html"
    if state:
        url += "&state=" + quote(json.dumps(state))
    page.goto(url)
    frame = page.frame_locator("#sco")
    frame.locator("#sb-progress").wait_for()
    return frame


def value(page: Any, version: str, element: str) -> str:
    """A data-model value as the LMS holds it."""
    return str(page.evaluate(f"window.{API[version]}.getCMIValue({json.dumps(element)})"))


def written(page: Any, prefix: str) -> dict[str, str]:
    """The last value the SCO wrote to each element under `prefix` (write-only ones too)."""
    return {k: v for k, v in page.evaluate("window.recorded") if k.startswith(prefix)}


def leave(page: Any) -> None:
    """Unload the SCO as an LMS does; it must terminate once, with no value refused."""
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.terminations === 1")
    assert page.evaluate("window.refused") == [], "the LMS refused a value the SCO wrote"
