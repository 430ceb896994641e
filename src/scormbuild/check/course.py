"""Check a course and its modules against its framework, and build the Course model."""

from __future__ import annotations

import re
from typing import Any

from scormbuild.check.framework import check_framework, competence_hint
from scormbuild.check.ids import check_id, check_unique, check_web_address, suggest, text, texts
from scormbuild.check.quiz import check_quiz
from scormbuild.check.references import check_references
from scormbuild.check.saved_state import check_saved_state
from scormbuild.check.schema import at, check_shape
from scormbuild.check.self_assessment import check_module_kind
from scormbuild.check.shapes import COURSE, MODULE, PAGE, RESOURCE, RESOURCES
from scormbuild.diagnostics import Sink
from scormbuild.load.files import MarkdownDocument, TomlDocument
from scormbuild.load.sources import (CourseSources, ModuleSources, find_framework,
                                     known_frameworks, load_framework)
from scormbuild.model import (GENERATED_PAGE_IDS, Asset, Course, Framework, Level, Module, Page,
                              QuestionType, Quiz, Resource, Stage)

_PAGE_PREFIX = re.compile(r"^\d+-")
MAX_DURATION = 600  # minutes; a module is a sitting, not a course


def check_course(sources: CourseSources, sink: Sink,
                 frameworks: dict[str, Framework | None]) -> Course | None:
    """The Course, or None after every problem in every file has been reported.

    `frameworks` caches frameworks by path so that courses sharing one check it once.
    """
    document = sources.meta
    framework = None
    if document is not None and isinstance(document.data.get("framework"), str):
        # Found even when other keys are wrong, so the modules are still checked against it.
        framework = _framework(sources, document, sink, frameworks)
    modules = [_check_module(m, framework, sink) for m in sources.modules]
    if document is None or not check_shape(document, document.data, COURSE, sink):
        return None
    data = document.data
    ok = check_id(document, data["id"], ("id",), sink)
    ok = _check_vocabulary(document, data, ("levels",), [v.value for v in Level], sink) and ok
    ok = _check_vocabulary(document, data, ("stages",), [v.value for v in Stage], sink) and ok
    ok = _check_vocabulary(document, data, ("cartridge", "leave_out"),
                           [v.value for v in QuestionType], sink) and ok
    if not sources.modules:
        sink.error(document.shown, "SB208", "the course has no module folders",
                   hint="add a folder such as 01-inleiding with module.toml and a page")
    ok = _unique_modules(sources, modules, sink) and ok
    if not ok or framework is None or any(m is None for m in modules) or not modules:
        return None
    return Course(
        id=data["id"], title=text(data, "title"), description=text(data, "description"),
        language=text(data, "language"), framework=framework, version=text(data, "version"),
        date=data["date"], modules=tuple(m for m in modules if m),
        audience=texts(data, "audience"), levels=tuple(Level(v) for v in texts(data, "levels")),
        stages=tuple(Stage(v) for v in texts(data, "stages")), authors=texts(data, "authors"),
        licence=text(data, "licence"), keywords=texts(data, "keywords"),
        cartridge_leave_out=frozenset(
            QuestionType(v) for v in data.get("cartridge", {}).get("leave_out", [])),
    )


def _unique_modules(sources: CourseSources, modules: list[Module | None], sink: Sink) -> bool:
    """Module ids name SCORM items, so two folders may not share one (e.g. via `id`)."""
    seen: dict[str, str] = {}
    ok = True
    for folder, module in zip(sources.modules, modules):
        if module is None:
            continue
        if module.id in seen:
            sink.error(folder.shown, "SB204", f"duplicate module id '{module.id}'",
                       hint=f"also the id of {seen[module.id]}")
            ok = False
        seen.setdefault(module.id, folder.shown)
    return ok


def _check_vocabulary(document: TomlDocument, data: dict[str, Any], path: tuple[str, ...],
                      allowed: list[str], sink: Sink) -> bool:
    """Every value of the list at `path` (tables on the way may be absent) is in `allowed`."""
    values: Any = data
    for name in path:
        values = values.get(name, {})
    ok = True
    for i, value in enumerate(values or []):
        if value not in allowed:
            sink.error(document.shown, "SB203", f"'{value}' is not one of " + ", ".join(allowed),
                       hint=suggest(value, allowed), **at(document, path + (i,)))
            ok = False
    return ok


def _framework(sources: CourseSources, document: TomlDocument, sink: Sink,
               cache: dict[str, Framework | None]) -> Framework | None:
    name = document.data["framework"]
    path = find_framework(sources.folder, name)
    if path is None:
        known = known_frameworks(sources.folder)
        sink.error(document.shown, "SB210", f"framework '{name}' not found",
                   hint=suggest(name, known) or "frameworks: " + (", ".join(known) or "none"),
                   **at(document, ("framework",)))
        return None
    key = str(path.resolve())
    if key not in cache:
        framework_document = load_framework(path, sink)
        cache[key] = check_framework(framework_document, sink) if framework_document else None
    return cache[key]


def _check_module(sources: ModuleSources, framework: Framework | None, sink: Sink
                  ) -> Module | None:
    meta = sources.meta
    ok = meta is not None and check_shape(meta, meta.data, MODULE, sink)
    if not sources.page_files:
        sink.error(sources.shown, "SB208", "module has no pages",
                   hint="add a Markdown page such as 01-inleiding.md")
        ok = False
    module_id = sources.slug
    listed: tuple[str, ...] = ()
    self_assessment = None
    if meta is not None and ok:
        module_id = meta.data.get("id", sources.slug)
        ok = check_id(meta, module_id, ("id",), sink)
        listed = texts(meta.data, "competences")
        if framework:
            ok = _known_competences(meta, listed, ("competences",), framework, sink) and ok
        if not 0 <= meta.data.get("duration", 0) <= MAX_DURATION:
            sink.error(meta.shown, "SB203", f"duration is in minutes, from 0 to {MAX_DURATION}",
                       **at(meta, ("duration",)))
            ok = False
        kind_ok, self_assessment = check_module_kind(meta, sources.quiz is not None, sink)
        ok = kind_ok and ok
        ok = _reasons_for_listed(meta, listed, sink) and ok
    pages, assets = _check_pages(sources, sink)
    quiz = None
    if sources.quiz is not None:
        quiz = check_quiz(sources.quiz, framework, sink) if framework else None
        ok = ok and quiz is not None
        if quiz and listed:
            _unlisted_competences(sources.quiz, quiz, listed, sink)
    resources: tuple[Resource, ...] = ()
    if sources.resources is not None:
        checked = _check_resources(sources, framework, sink) if framework else None
        ok = ok and checked is not None
        resources, resource_assets = checked or ((), [])
        assets.extend(resource_assets)
    if not ok or pages is None or meta is None or framework is None:
        return None
    data = meta.data
    module = Module(
        id=module_id, order=sources.order, title=text(data, "title"),
        description=text(data, "description"), competences=listed, pages=pages,
        keywords=texts(data, "keywords"), duration=data.get("duration", 0), quiz=quiz,
        resources=resources, assets=tuple(sorted(set(assets), key=lambda a: a.target)),
        self_assessment=self_assessment,
        why=tuple((c, data["why"][c]) for c in listed if data.get("why", {}).get(c)),
    )
    screens = len(pages) + sum(map(bool, (resources, quiz, self_assessment)))
    check_saved_state(module, screens, sources.quiz.shown if sources.quiz else meta.shown, sink)
    return module


def _known_competences(document: TomlDocument, ids: tuple[str, ...], path: tuple[str, ...],
                       framework: Framework, sink: Sink) -> bool:
    ok = True
    for i, competence in enumerate(ids):
        if competence not in framework.assessable_ids():
            sink.error(document.shown, "SB205", f"unknown competence id '{competence}'",
                       hint=competence_hint(framework, competence), **at(document, path + (i,)))
            ok = False
    return ok


def _reasons_for_listed(document: TomlDocument, listed: tuple[str, ...], sink: Sink) -> bool:
    """`[why]` explains the module's own competences; a reason for another is a slip."""
    ok = True
    for competence, reason in document.data.get("why", {}).items():
        if competence not in listed:
            sink.error(document.shown, "SB216", f"'{competence}' is not in this module's "
                       "competences", hint=suggest(competence, listed) or
                       "add it to competences or remove the reason", **at(document, ("why", competence)))
            ok = False
        elif not reason.strip():
            sink.error(document.shown, "SB202", f"the reason for '{competence}' is empty",
                       **at(document, ("why", competence)))
            ok = False
    return ok


def _unlisted_competences(document: TomlDocument, quiz: Quiz, listed: tuple[str, ...],
                          sink: Sink) -> None:
    """Warn at the first question that tests a competence the module does not list."""
    reported: set[str] = set()
    for i, question in enumerate(quiz.questions):
        if question.competence not in listed and question.competence not in reported:
            reported.add(question.competence)
            sink.warning(document.shown, "SB212",
                         f"this question tests '{question.competence}', which module.toml does "
                         "not list", hint="add it to competences in module.toml",
                         **at(document, ("questions", i, "competence")))


def _check_pages(sources: ModuleSources, sink: Sink) -> tuple[tuple[Page, ...] | None, list[Asset]]:
    names = set(sources.page_files)
    pages: list[Page] = []
    assets: list[Asset] = []
    ok = len(sources.pages) == len(sources.page_files)
    entries = []
    for page in sources.pages:
        page_ok = check_shape(page.front, page.front.data, PAGE, sink)
        page_id = page.front.data.get("id") or _PAGE_PREFIX.sub("", page.path.stem).lower()
        if page_ok:
            page_ok = check_id(page.front, page_id, ("id",), sink)
        entries.append((page_id, page))
        assets.extend(check_references(page, sources.folder, names, sink))
        ok = ok and page_ok
        pages.append(Page(page_id, text(page.front.data, "title"), page.body, page.path.name))
    ok = _unique_pages(entries, sink) and ok
    return (tuple(pages) if ok else None), assets


def _unique_pages(entries: list[tuple[str, MarkdownDocument]], sink: Sink) -> bool:
    seen: dict[str, str] = {}
    ok = True
    for page_id, page in entries:
        if page_id in GENERATED_PAGE_IDS:
            sink.error(page.shown, "SB204", f"page id '{page_id}' is the id of a page scormbuild "
                       "adds itself", line=1, hint='rename the file or give it another id = "..."')
            ok = False
        if page_id in seen:
            sink.error(page.shown, "SB204", f"duplicate page id '{page_id}'",
                       hint=f"also the id of {seen[page_id]}", line=1)
            ok = False
        seen.setdefault(page_id, page.path.name)
    return ok


def _check_resources(sources: ModuleSources, framework: Framework, sink: Sink
                     ) -> tuple[tuple[Resource, ...], list[Asset]] | None:
    document = sources.resources
    assert document is not None
    ok = check_shape(document, document.data, RESOURCES, sink)
    entries = document.data.get("resources")
    entries = entries if isinstance(entries, list) else []
    resources = []
    assets = []
    for i, raw in enumerate(entries):
        path = ("resources", i)
        if not isinstance(raw, dict) or not check_shape(document, raw, RESOURCE, sink, path):
            ok = False
            continue
        ok = check_id(document, raw["id"], path + ("id",), sink) and ok
        ok = _known_competences(document, texts(raw, "competences"), path + ("competences",),
                                framework, sink) and ok
        cited = _cited(document, raw, path, framework, sink)
        ok = cited is not None and ok
        title, url = cited or ("", "")
        file = text(raw, "file")
        if file:
            if file.startswith(("/", "../")) or ".." in file.split("/"):
                sink.error(document.shown, "SB207", f"'{file}' points outside the module",
                           **at(document, path + ("file",)))
                ok = False
            elif not (sources.folder / file).is_file():
                sink.error(document.shown, "SB207", f"file '{file}' does not exist",
                           **at(document, path + ("file",)))
                ok = False
            else:
                assets.append(Asset(sources.folder / file, file))
        resources.append(Resource(raw["id"], title, text(raw, "kind"),
                                  text(raw, "purpose"), texts(raw, "competences"), url, file))
    ids = [(r["id"], ("resources", i, "id")) for i, r in enumerate(entries)
           if isinstance(r, dict) and isinstance(r.get("id"), str)]
    ok = check_unique(document, ids, "resource", sink) and ok
    return (tuple(resources), assets) if ok else None


def _cited(document: TomlDocument, raw: dict[str, Any], path: tuple[str | int, ...],
           framework: Framework, sink: Sink) -> tuple[str, str] | None:
    """A resource's title and address: its own, or those of the framework reference it names
    (its own title may then rename it; an address of its own would contradict the reference)."""
    name = text(raw, "reference")
    if not name:
        if "title" not in raw:
            sink.error(document.shown, "SB202", "missing required key 'title'",
                       hint="or name a framework reference with 'reference'", **at(document, path))
            return None
        url = text(raw, "url")
        if url and not check_web_address(document, url, path + ("url",), sink):
            return None
        return raw["title"], url
    reference = framework.reference(name)
    if reference is None:
        known = [r.id for r in framework.references]
        sink.error(document.shown, "SB205", f"framework '{framework.id}' has no reference '{name}'",
                   hint=suggest(name, known) or "references: " + (", ".join(known) or "none"),
                   **at(document, path + ("reference",)))
        return None
    if "url" in raw:
        sink.error(document.shown, "SB203", "a resource that names a reference takes its address",
                   hint=f"remove 'url'; the framework gives {reference.url}",
                   **at(document, path + ("url",)))
        return None
    return text(raw, "title") or reference.title, reference.url
