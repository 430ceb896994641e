"""Map TOML key paths to source lines, because `tomllib` reports no positions.

The scanner follows only what locates a key: table headers, arrays of tables and `key =`
assignments at the start of a statement. String contents and multi-line arrays are skipped
without interpretation; tomllib remains the parser of record.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KeyPath = tuple[str | int, ...]


@dataclass
class LineIndex:
    """Line numbers (1-based) of tables, array-of-table entries and keys in one TOML file."""

    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int:
        """The line of `path`, or of its nearest ancestor that has one (0 if none)."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(tuple(path[:end]))
            if line:
                return line
        return 0


def format_key_path(path: KeyPath) -> str:
    """`("questions", 2, "competence")` → `questions[3].competence` (entries counted from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


class _Scanner:
    """Walks the text once, tracking strings and bracket depth across lines."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.index = LineIndex()
        self.table: KeyPath = ()
        self.array_counts: dict[KeyPath, int] = {}

    def scan(self) -> LineIndex:
        pos = 0
        line = 1
        length = len(self.text)
        while pos < length:
            pos, line = self._skip_blank(pos, line)
            if pos >= length:
                break
            if self.text[pos] == "#":
                pos = self._to_line_end(pos)
                continue
            if self.text[pos] == "[":
                pos = self._header(pos, line)
            else:
                pos = self._assignment(pos, line)
            pos, line = self._skip_value(pos, line)
        return self.index

    def _skip_blank(self, pos: int, line: int) -> tuple[int, int]:
        while pos < len(self.text) and self.text[pos] in " \t\r\n":
            if self.text[pos] == "\n":
                line += 1
            pos += 1
        return pos, line

    def _to_line_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return len(self.text) if end < 0 else end

    def _header(self, pos: int, line: int) -> int:
        is_array = self.text.startswith("[[", pos)
        start = pos + (2 if is_array else 1)
        close = self.text.find("]]" if is_array else "]", start)
        if close < 0:
            return self._to_line_end(pos)
        resolved = self._resolve(_split_key(self.text[start:close]))
        if is_array:
            count = self.array_counts.get(resolved, 0)
            self.array_counts[resolved] = count + 1
            self.index.lines.setdefault(resolved, line)
            resolved = resolved + (count,)
        self.table = resolved
        self.index.lines[resolved] = line
        return close + (2 if is_array else 1)

    def _resolve(self, parts: list[str]) -> KeyPath:
        """Insert the current entry number after every enclosing array of tables."""
        resolved: KeyPath = ()
        for part in parts[:-1]:
            resolved = resolved + (part,)
            if resolved in self.array_counts:
                resolved = resolved + (self.array_counts[resolved] - 1,)
        return resolved + (parts[-1],)

    def _assignment(self, pos: int, line: int) -> int:
        equals = self._find_equals(pos)
        if equals < 0:
            return self._to_line_end(pos)
        path = self.table + tuple(_split_key(self.text[pos:equals]))
        self.index.lines.setdefault(path, line)
        return equals + 1

    def _find_equals(self, pos: int) -> int:
        quote = ""
        while pos < len(self.text) and self.text[pos] != "\n":
            char = self.text[pos]
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'":
                quote = char
            elif char == "=":
                return pos
            pos += 1
        return -1

    def _skip_value(self, pos: int, line: int) -> tuple[int, int]:
        """Advance past the rest of a statement: strings, nested brackets, a trailing comment."""
        depth = 0
        text = self.text
        while pos < len(text):
            char = text[pos]
            if char == "\n":
                line += 1
                if depth == 0:
                    return pos + 1, line
            elif char == "#":
                pos = self._to_line_end(pos)
                continue
            elif char in "[{":
                depth += 1
            elif char in "]}":
                depth = max(0, depth - 1)
            elif char in "\"'":
                pos, line = self._skip_string(pos, line)
                continue
            pos += 1
        return pos, line

    def _skip_string(self, pos: int, line: int) -> tuple[int, int]:
        text = self.text
        quote = text[pos]
        delimiter = quote * 3 if text.startswith(quote * 3, pos) else quote
        pos += len(delimiter)
        while pos < len(text):
            if quote == '"' and text[pos] == "\\":
                if text[pos + 1:pos + 2] == "\n":
                    line += 1
                pos += 2
                continue
            if text.startswith(delimiter, pos):
                pos += len(delimiter)
                while len(delimiter) == 3 and text[pos:pos + 1] == quote:
                    pos += 1  # up to two quotes may close a multi-line string
                return pos, line
            if text[pos] == "\n":
                line += 1
                if len(delimiter) == 1:
                    return pos, line - 1  # unterminated: tomllib reports it
            pos += 1
        return pos, line


def _split_key(raw: str) -> list[str]:
    """Split a dotted key, honouring quoted parts (`a."b.c"` → `["a", "b.c"]`)."""
    parts: list[str] = []
    current = ""
    quote = ""
    for char in raw.strip():
        if quote:
            if char == quote:
                quote = ""
            else:
                current += char
        elif char in "\"'":
            quote = char
        elif char == ".":
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return parts


def index_toml(text: str) -> LineIndex:
    """Build the key-path → line index of a TOML document."""
    return _Scanner(text).scan()
