"""Diagnostics as data: every stage reports problems here, the CLI prints them once.

This module imports no other scormbuild module, so every stage can use it.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """Ordered so that the worst severity compares highest. A note informs and never fails a
    build, not even with --strict."""

    NOTE = 0
    WARNING = 1
    ERROR = 2

    @property
    def label(self) -> str:
        return self.name.lower()


#: Every diagnostic code with a one-line summary. SB1xx load, SB2xx check, SB3xx packaging,
#: SB4xx validation, SB5xx usage. Docs and tests list codes from here.
CODES: dict[str, str] = {
    "SB101": "file is not valid UTF-8",
    "SB102": "TOML syntax error",
    "SB103": "required file missing",
    "SB104": "module folder without an order prefix",
    "SB105": "front matter of a Markdown page is malformed",
    "SB106": "two modules share an order prefix",
    "SB107": "course folder or file cannot be read",
    "SB201": "unknown key",
    "SB202": "missing required key",
    "SB203": "value has the wrong type or form",
    "SB204": "duplicate id",
    "SB205": "unknown competence id",
    "SB206": "correct answer is not among the options",
    "SB207": "referenced file or page does not exist",
    "SB208": "module has no pages",
    "SB209": "unsupported question type",
    "SB210": "unknown framework",
    "SB211": "feedback missing",
    "SB212": "question tests a competence the module does not list",
    "SB213": "competentiewijzer scale is malformed",
    "SB214": "a competentiewijzer has no quiz",
    "SB215": "saved learner state may exceed SCORM 1.2's 4,096 characters",
    "SB216": "a reason is given for a competence the module does not list",
    "SB301": "a question type this format cannot express was left out",
    "SB302": "questions of types the author accepts the format cannot express were left out",
    "SB401": "package does not match the official XSD",
    "SB402": "manifest missing or not at the package root",
    "SB403": "manifest is not well-formed XML",
    "SB404": "referenced file missing from the package",
    "SB405": "identifier duplicated or unresolved",
    "SB406": "unsafe or non-portable path",
    "SB407": "not a readable zip file",
    "SB409": "schema folder incomplete",
    "SB410": "launch file missing",
    "SB411": "question bank is not what Moodle imports",
    "SB412": "competency framework CSV is not what Moodle imports",
    "SB420": "operating-system leftovers in the package",
    "SB421": "schema version Moodle does not recognise",
    "SB422": "namespace prefix Moodle will not match",
    "SB423": "organisations Moodle treats specially",
    "SB424": "objective without a pass mark",
    "SB425": "an AICC package",
}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place. `where` is a key path such as `questions[3].competence`.

    Every field takes part in equality (two problems at one place are two diagnostics) and
    the field order is the sort order: by file, line, key path, then the rest.
    """

    path: str
    line: int = 0
    where: str = ""
    severity: Severity = Severity.ERROR
    code: str = ""
    message: str = ""
    hint: str = ""

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered diagnostic code {self.code!r}")

    def format(self) -> str:
        """Render as `path:line: error: where: message [code]`, the compiler style editors parse."""
        location = f"{self.path}:{self.line}" if self.line else self.path
        where = f"{self.where}: " if self.where else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{location}: {self.severity.label}: {where}{self.message}{hint} [{self.code}]"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line or None,
            "where": self.where or None,
            "severity": self.severity.label,
            "code": self.code,
            "message": self.message,
            "hint": self.hint or None,
        }


class Sink:
    """Collects diagnostics from every stage; a stage never stops at the first problem."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def error(self, path: str, code: str, message: str, *, line: int = 0, where: str = "",
              hint: str = "") -> None:
        self._items.append(Diagnostic(path, line, where, Severity.ERROR, code, message, hint))

    def warning(self, path: str, code: str, message: str, *, line: int = 0, where: str = "",
                hint: str = "") -> None:
        self._items.append(Diagnostic(path, line, where, Severity.WARNING, code, message, hint))

    def note(self, path: str, code: str, message: str, *, hint: str = "") -> None:
        self._items.append(Diagnostic(path, 0, "", Severity.NOTE, code, message, hint))

    def extend(self, diagnostics: list[Diagnostic]) -> None:
        self._items.extend(diagnostics)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Sorted by file, then line, without repeats."""
        return sorted(set(self._items))

    def has_errors(self, strict: bool = False) -> bool:
        floor = Severity.WARNING if strict else Severity.ERROR
        return any(d.severity >= floor for d in self._items)


def format_all(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(d.format() for d in diagnostics)


def as_json(diagnostics: list[Diagnostic]) -> str:
    return json.dumps([d.as_dict() for d in diagnostics], ensure_ascii=False, indent=2)
