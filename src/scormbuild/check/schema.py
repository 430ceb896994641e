"""Check a TOML table against a declared shape: unknown keys, missing keys, wrong types.

Each source file kind declares its keys once (see `shapes.py`); this module reports every
deviation with its line and key path and never stops at the first.
"""

from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass
from typing import Any, Callable

from scormbuild.diagnostics import Sink
from scormbuild.load.files import TomlDocument
from scormbuild.load.toml_index import KeyPath, format_key_path


@dataclass(frozen=True)
class Kind:
    """A value type as authors read it in a message ("text", "list of text", ...)."""

    label: str
    accepts: Callable[[Any], bool]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


TEXT = Kind("text", lambda v: isinstance(v, str))
INTEGER = Kind("whole number", lambda v: isinstance(v, int) and not isinstance(v, bool))
NUMBER = Kind("number", _is_number)
BOOLEAN = Kind("true or false", lambda v: isinstance(v, bool))
TEXT_LIST = Kind("list of text", lambda v: isinstance(v, list) and all(isinstance(i, str) for i in v))
TEXT_TABLE = Kind("table of text (key = \"text\")",
                  lambda v: isinstance(v, dict) and all(isinstance(i, str) for i in v.values()))
DATE = Kind("date (YYYY-MM-DD, without quotes)",
            lambda v: isinstance(v, datetime.date) and not isinstance(v, datetime.datetime))
TABLES = Kind("list of [[tables]]",
               lambda v: isinstance(v, list) and all(isinstance(i, dict) for i in v))
ANSWER = Kind("answer", lambda v: True)  # its form depends on the question type; see quiz rules


@dataclass(frozen=True)
class Key:
    name: str
    kind: Kind | Shape
    required: bool = False
    many: bool = False  # with a Shape: an array of tables


@dataclass(frozen=True)
class Shape:
    """The keys a table may hold."""

    keys: tuple[Key, ...]

    def names(self) -> list[str]:
        return [key.name for key in self.keys]


def at(document: TomlDocument, path: KeyPath) -> dict[str, Any]:
    """Location keywords for a diagnostic about `path` in `document`."""
    return {"line": document.index.line_of(path), "where": format_key_path(path)}


def check_shape(document: TomlDocument, table: dict[str, Any], shape: Shape, sink: Sink,
                path: KeyPath = ()) -> bool:
    """Report every unknown, missing or mistyped key below `path`; True when all is well."""
    ok = True
    names = shape.names()
    for name in table:
        if name not in names:
            suggestion = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
            hint = f"did you mean '{suggestion[0]}'?" if suggestion else (
                "allowed keys: " + ", ".join(names))
            sink.error(document.shown, "SB201", f"unknown key '{name}'", hint=hint,
                       **at(document, path + (name,)))
            ok = False
    for key in shape.keys:
        if key.name not in table:
            if key.required:
                sink.error(document.shown, "SB202", f"missing required key '{key.name}'",
                           **at(document, path))
                ok = False
            continue
        ok = _check_value(document, table[key.name], key, sink, path + (key.name,)) and ok
    return ok


def _check_value(document: TomlDocument, value: Any, key: Key, sink: Sink, path: KeyPath) -> bool:
    if isinstance(key.kind, Shape):
        if key.many:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                return _wrong(document, sink, path, f"a list of [[{format_key_path(path)}]] tables")
            results = [check_shape(document, item, key.kind, sink, path + (i,))
                       for i, item in enumerate(value)]
            return all(results)
        if not isinstance(value, dict):
            return _wrong(document, sink, path, "a table")
        return check_shape(document, value, key.kind, sink, path)
    if not key.kind.accepts(value):
        return _wrong(document, sink, path, key.kind.label)
    if key.required and value in ("", []):
        sink.error(document.shown, "SB202", f"'{key.name}' must not be empty", **at(document, path))
        return False
    return True


def _wrong(document: TomlDocument, sink: Sink, path: KeyPath, expected: str) -> bool:
    sink.error(document.shown, "SB203", f"expected {expected}", **at(document, path))
    return False
