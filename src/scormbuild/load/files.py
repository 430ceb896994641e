"""Read one source file: strict UTF-8, TOML with a line index, Markdown with TOML front matter."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scormbuild.diagnostics import Sink
from scormbuild.load.toml_index import LineIndex, index_toml

FRONT_MATTER_FENCE = "+++"
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True)
class TomlDocument:
    """A parsed TOML file with the line of every key; `shown` is the path printed to authors."""

    path: Path
    shown: str
    data: dict[str, Any]
    index: LineIndex = field(compare=False)


@dataclass(frozen=True)
class MarkdownDocument:
    """A Markdown page split into its front matter (as a TOML document) and its body."""

    path: Path
    shown: str
    front: TomlDocument
    body: str
    body_first_line: int


def read_text(path: Path, shown: str, sink: Sink) -> str | None:
    """The file's text, or None after reporting why it cannot be used (not UTF-8, unreadable)."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        sink.error(shown, "SB107", f"cannot read file: {error.strerror}")
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        sink.error(shown, "SB101", f"file is not UTF-8 (byte 0x{raw[error.start]:02x})",
                   line=line, hint="save the file with UTF-8 encoding")
        return None
    return text.removeprefix("\ufeff")


def parse_toml(text: str, path: Path, shown: str, sink: Sink, first_line: int = 1
               ) -> TomlDocument | None:
    """Parse TOML text; report a syntax error at its line. `first_line` offsets embedded TOML."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        position = _TOML_POSITION.search(message)
        line = int(position.group(1)) + first_line - 1 if position else first_line
        reason = _TOML_POSITION.sub("", message).strip()
        sink.error(shown, "SB102", f"TOML syntax error: {reason}", line=line)
        return None
    index = index_toml(text)
    if first_line != 1:
        index = LineIndex({key: line + first_line - 1 for key, line in index.lines.items()})
    return TomlDocument(path, shown, data, index)


def read_toml(path: Path, shown: str, sink: Sink) -> TomlDocument | None:
    text = read_text(path, shown, sink)
    return None if text is None else parse_toml(text, path, shown, sink)


def read_markdown(path: Path, shown: str, sink: Sink) -> MarkdownDocument | None:
    """Split `+++`-fenced TOML front matter from the Markdown body."""
    text = read_text(path, shown, sink)
    if text is None:
        return None
    lines = text.split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        sink.error(shown, "SB105", "page has no front matter", line=1,
                   hint='start the file with +++, title = "...", +++')
        return None
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        sink.error(shown, "SB105", "front matter is not closed with +++", line=1)
        return None
    front = parse_toml("\n".join(lines[1:closing]), path, shown, sink, first_line=2)
    if front is None:
        return None
    body = "\n".join(lines[closing + 1:])
    return MarkdownDocument(path, shown, front, body, closing + 2)
