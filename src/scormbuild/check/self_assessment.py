"""Check the module type and, for a competentiewijzer, its rating scale."""

from __future__ import annotations

from scormbuild.check.ids import suggest, text
from scormbuild.check.schema import at
from scormbuild.diagnostics import Sink
from scormbuild.load.files import TomlDocument
from scormbuild.model import ModuleKind, ScalePoint, SelfAssessment

SCALE_SIZES = (4, 5)
_KINDS = [kind.value for kind in ModuleKind]


def check_module_kind(document: TomlDocument, has_quiz: bool, sink: Sink
                      ) -> tuple[bool, SelfAssessment | None]:
    """(ok, the scale of a competentiewijzer or None for a lessons module)."""
    data = document.data
    kind = data.get("type", ModuleKind.LESSONS.value)
    if kind not in _KINDS:
        sink.error(document.shown, "SB203", f"unknown module type '{kind}'",
                   hint=suggest(kind, _KINDS) or "use " + " or ".join(_KINDS),
                   **at(document, ("type",)))
        return False, None
    if kind == ModuleKind.LESSONS:
        return _no_scale(document, sink), None
    ok = True
    if has_quiz:
        sink.error(document.shown, "SB214", "a competentiewijzer module cannot have a quiz.toml",
                   hint="move the quiz to a module of its own", **at(document, ("type",)))
        ok = False
    assessment = _scale(document, sink)
    return ok and assessment is not None, assessment


def _no_scale(document: TomlDocument, sink: Sink) -> bool:
    ok = True
    for key in ("scale", "proficient"):
        if key in document.data:
            sink.error(document.shown, "SB201", f"'{key}' belongs to a competentiewijzer",
                       hint='add type = "competentiewijzer" or remove it',
                       **at(document, (key,)))
            ok = False
    return ok


def _scale(document: TomlDocument, sink: Sink) -> SelfAssessment | None:
    points = document.data.get("scale", [])
    if len(points) not in SCALE_SIZES:
        sink.error(document.shown, "SB213",
                   f"a competentiewijzer needs a scale of 4 or 5 points, not {len(points)}",
                   **at(document, ("scale",)))
        return None
    ok = True
    for i, point in enumerate(points):
        if point["value"] != i + 1:
            sink.error(document.shown, "SB213", f"scale values count up from 1: expected {i + 1}",
                       **at(document, ("scale", i, "value")))
            ok = False
    proficient = document.data.get("proficient")
    if proficient is None or not 1 <= proficient <= len(points):
        sink.error(document.shown, "SB213",
                   f"'proficient' must name the scale value from which a competence counts as "
                   f"mastered (1-{len(points)})", **at(document, ("proficient",)))
        ok = False
    if not ok:
        return None
    return SelfAssessment(tuple(ScalePoint(p["value"], text(p, "label"), text(p, "description"))
                                for p in points), proficient)
