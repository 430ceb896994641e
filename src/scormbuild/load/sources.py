"""Find and read every source file of a course: the load stage.

Loading reports what stops a file from being read (encoding, syntax, layout); what the
content means is the check stage's business.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from scormbuild.diagnostics import Sink
from scormbuild.load.files import MarkdownDocument, TomlDocument, read_markdown, read_toml

COURSE_FILE = "course.toml"
MODULE_FILE = "module.toml"
QUIZ_FILE = "quiz.toml"
RESOURCES_FILE = "aan-de-slag.toml"
FRAMEWORKS_FOLDER = "frameworks"
MODULE_FOLDER = re.compile(r"^(?P<order>\d+)-(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$")
_MODULE_MARKERS = (MODULE_FILE, QUIZ_FILE, RESOURCES_FILE)


@dataclass
class ModuleSources:
    """The files of one module folder, as read."""

    folder: Path
    shown: str
    order: int
    slug: str
    meta: TomlDocument | None
    page_files: list[str] = field(default_factory=list)
    pages: list[MarkdownDocument] = field(default_factory=list)
    quiz: TomlDocument | None = None
    resources: TomlDocument | None = None


@dataclass
class CourseSources:
    folder: Path
    shown: str
    meta: TomlDocument | None
    modules: list[ModuleSources] = field(default_factory=list)


def shown_path(path: Path) -> str:
    """The path as authors see it: relative to the working directory when below it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def find_courses(root: Path) -> list[Path]:
    """Every folder directly below `root` that holds a course.toml, sorted."""
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / COURSE_FILE).is_file())


def find_framework(course_folder: Path, framework_id: str) -> Path | None:
    """A framework lives beside the course (`<course>/frameworks`) or beside the courses."""
    for folder in (course_folder / FRAMEWORKS_FOLDER, course_folder.parent / FRAMEWORKS_FOLDER):
        candidate = folder / f"{framework_id}.toml"
        if candidate.is_file():
            return candidate
    return None


def known_frameworks(course_folder: Path) -> list[str]:
    names: set[str] = set()
    for folder in (course_folder / FRAMEWORKS_FOLDER, course_folder.parent / FRAMEWORKS_FOLDER):
        if folder.is_dir():
            names.update(p.stem for p in folder.glob("*.toml"))
    return sorted(names)


def load_course(folder: Path, sink: Sink) -> CourseSources:
    """Read course.toml and every module folder, reporting every unreadable file."""
    course_file = folder / COURSE_FILE
    meta = None
    if course_file.is_file():
        meta = read_toml(course_file, shown_path(course_file), sink)
    else:
        sink.error(shown_path(folder), "SB103", f"no {COURSE_FILE} in the course folder")
    course = CourseSources(folder, shown_path(folder), meta)
    seen_orders: dict[int, str] = {}
    for child in sorted(folder.iterdir()):
        if not _is_module_candidate(child):
            continue
        match = MODULE_FOLDER.match(child.name)
        prefix = re.match(r"^(\d+)-", child.name)
        if not match and prefix:
            sink.error(shown_path(child), "SB104",
                       f"module folder '{child.name}' may only hold lowercase letters, digits "
                       "and - after its order prefix",
                       hint=f"rename it to '{prefix[1]}-{_slugify(child.name[prefix.end():])}'")
            continue
        if not match:
            sink.error(shown_path(child), "SB104",
                       f"module folder '{child.name}' has no order prefix",
                       hint=f"rename it like '01-{_slugify(child.name)}'")
            continue
        order = int(match["order"])
        if order in seen_orders:
            sink.error(shown_path(child), "SB106",
                       f"order prefix {match['order']} is also used by '{seen_orders[order]}'")
        seen_orders.setdefault(order, child.name)
        course.modules.append(load_module(child, order, match["slug"], sink))
    course.modules.sort(key=lambda module: (module.order, module.slug))
    return course


def _is_module_candidate(path: Path) -> bool:
    """A folder is a module if it holds pages or module files; other folders are left alone."""
    if not path.is_dir() or path.name.startswith(".") or path.name == FRAMEWORKS_FOLDER:
        return False
    return any((path / marker).is_file() for marker in _MODULE_MARKERS) or any(path.glob("*.md"))


def _slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "module"


def load_module(folder: Path, order: int, slug: str, sink: Sink) -> ModuleSources:
    meta_file = folder / MODULE_FILE
    meta = None
    if meta_file.is_file():
        meta = read_toml(meta_file, shown_path(meta_file), sink)
    else:
        sink.error(shown_path(folder), "SB103", f"module folder has no {MODULE_FILE}",
                   hint='add one with at least title = "..." and competences = [...]')
    module = ModuleSources(folder, shown_path(folder), order, slug, meta)
    page_files = sorted(folder.glob("*.md"))
    module.page_files = [path.name for path in page_files]
    for page_file in page_files:
        page = read_markdown(page_file, shown_path(page_file), sink)
        if page is not None:
            module.pages.append(page)
    if (folder / QUIZ_FILE).is_file():
        module.quiz = read_toml(folder / QUIZ_FILE, shown_path(folder / QUIZ_FILE), sink)
    if (folder / RESOURCES_FILE).is_file():
        module.resources = read_toml(folder / RESOURCES_FILE,
                                     shown_path(folder / RESOURCES_FILE), sink)
    return module


def load_framework(path: Path, sink: Sink) -> TomlDocument | None:
    return read_toml(path, shown_path(path), sink)
