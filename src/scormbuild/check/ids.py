"""Rules shared by every file kind: the form of ids and web addresses, and id uniqueness."""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from scormbuild.check.schema import at
from scormbuild.diagnostics import Sink
from scormbuild.load.files import TomlDocument
from scormbuild.load.toml_index import KeyPath

#: Ids end up in manifests, objectives and Moodle id numbers: lowercase ASCII, no spaces.
ID_FORM = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
#: Option and pair ids become SCORM 2004 response tokens, which Moodle matches with [\w.].
TOKEN_FORM = re.compile(r"^[a-z0-9_]+$")
#: An absolute http(s) address with a host name: what a learner's browser can open.
WEB_ADDRESS = re.compile(r"^https?://[^\s/]+\.[^\s]+$")


def check_id(document: TomlDocument, value: str, path: KeyPath, sink: Sink,
             form: re.Pattern[str] = ID_FORM) -> bool:
    if form.match(value):
        return True
    allowed = "lowercase letters, digits and _" if form is TOKEN_FORM else (
        "lowercase letters and digits, joined by - or .")
    sink.error(document.shown, "SB203", f"id '{value}' may only hold {allowed}",
               **at(document, path))
    return False


def check_unique(document: TomlDocument, entries: Iterable[tuple[str, KeyPath]], what: str,
                 sink: Sink) -> bool:
    """Report every id that an earlier entry already uses, at the later entry; True if none."""
    first: dict[str, KeyPath] = {}
    unique = True
    for value, path in entries:
        if value in first:
            sink.error(document.shown, "SB204", f"duplicate {what} id '{value}'",
                       hint=f"first used at line {document.index.line_of(first[value])}",
                       **at(document, path))
            unique = False
        else:
            first[value] = path
    return unique


def check_web_address(document: TomlDocument, value: str, path: KeyPath, sink: Sink) -> bool:
    if WEB_ADDRESS.match(value):
        return True
    sink.error(document.shown, "SB203", f"'{value}' is not a web address", **at(document, path))
    return False


def suggest(value: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.5)
    return f"did you mean '{close[0]}'?" if close else ""


def text(table: dict[str, Any], key: str) -> str:
    value = table.get(key, "")
    return value.strip() if isinstance(value, str) else ""


def texts(table: dict[str, Any], key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    return tuple(v.strip() for v in value) if isinstance(value, list) else ()
