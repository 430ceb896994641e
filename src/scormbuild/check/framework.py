"""Check a framework definition and build its model."""

from __future__ import annotations

from scormbuild.check.ids import check_id, check_unique, check_web_address, suggest, text
from scormbuild.check.schema import check_shape
from scormbuild.check.shapes import FRAMEWORK
from scormbuild.diagnostics import Sink
from scormbuild.load.files import TomlDocument
from scormbuild.model import Alias, Cluster, Competence, Framework, Reference


def competence_hint(framework: Framework, value: str) -> str:
    """Why an id is not assessable, and what to write instead."""
    cluster = framework.cluster(value)
    if cluster is not None and cluster.competences:
        names = ", ".join(c.id for c in cluster.competences)
        return f"cluster '{value}' has competences: name one of them ({names})"
    return suggest(value, framework.assessable_ids())


def check_framework(document: TomlDocument, sink: Sink) -> Framework | None:
    """The framework, or None when it has errors (all of them reported)."""
    data = document.data
    if not check_shape(document, data, FRAMEWORK, sink):
        return None
    ok = check_id(document, data["id"], ("id",), sink)
    if data["id"] != document.path.stem:
        sink.error(document.shown, "SB203",
                   f"framework id '{data['id']}' differs from the file name '{document.path.stem}'",
                   line=document.index.line_of(("id",)), where="id")
        ok = False
    ids: list[tuple[str, tuple[str | int, ...]]] = []
    clusters = []
    for i, raw in enumerate(data["clusters"]):
        ok = check_id(document, raw["id"], ("clusters", i, "id"), sink) and ok
        ids.append((raw["id"], ("clusters", i, "id")))
        competences = []
        for j, item in enumerate(raw.get("competences", [])):
            path = ("clusters", i, "competences", j, "id")
            ok = check_id(document, item["id"], path, sink) and ok
            ids.append((item["id"], path))
            competences.append(Competence(item["id"], text(item, "number"), text(item, "title"),
                                          text(item, "description")))
        aliases = tuple(Alias(a["number"], a["title"], a["source"])
                        for a in raw.get("aliases", []))
        clusters.append(Cluster(raw["id"], text(raw, "number"), text(raw, "title"),
                                text(raw, "description"), aliases, tuple(competences)))
    ok = check_unique(document, ids, "cluster or competence", sink) and ok
    references = _references(document, sink)
    if not ok or references is None:
        return None
    return Framework(
        id=data["id"], title=text(data, "title"), publisher=text(data, "publisher"),
        version=text(data, "version"), source=text(data, "source"),
        language=text(data, "language"), description=text(data, "description"),
        clusters=tuple(clusters), url=text(data, "url"), references=references,
    )


def _references(document: TomlDocument, sink: Sink) -> tuple[Reference, ...] | None:
    """The documents the framework cites; None after reporting a bad id or address."""
    entries = document.data.get("references", [])
    ok = True
    for i, raw in enumerate(entries):
        ok = check_id(document, raw["id"], ("references", i, "id"), sink) and ok
        ok = check_web_address(document, raw["url"], ("references", i, "url"), sink) and ok
    ids = [(raw["id"], ("references", i, "id")) for i, raw in enumerate(entries)]
    ok = check_unique(document, ids, "reference", sink) and ok
    return tuple(Reference(r["id"], r["title"], r["url"]) for r in entries) if ok else None
