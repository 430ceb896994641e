"""Locate the default theme: inside the installed wheel, or in a source checkout."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

#: The stylesheet every package carries, relative to the theme folder.
STYLESHEET = "scormbuild.css"
#: The runtime's source files in dependency order; packages carry them joined as one script,
#: so a launch costs one request instead of five.
RUNTIME_SOURCES = ("runtime/format.js", "runtime/scorm.js", "runtime/quiz.js",
                   "runtime/wijzer.js", "runtime/player.js")


@cache
def theme_dir() -> Path:
    """The wheel ships the theme as `scormbuild/templates`; a checkout has it at the top level."""
    packaged = Path(str(resources.files("scormbuild"))) / "templates"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "templates"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError("the scormbuild theme (templates/) is missing from this installation")


@cache
def ui_strings(language: str) -> dict[str, str]:
    """The interface texts of one language; all of them live in templates/i18n/<lang>.json."""
    folder = theme_dir() / "i18n"
    path = folder / f"{language}.json"
    if not path.is_file():
        path = folder / "nl.json"
    strings: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return strings
