"""The packager contract: one packager per output format, each turning the model plus rendered
files into packages (a manifest and a file list). Packagers never read sources or write files.
"""

from __future__ import annotations

import enum
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.model import Course, Module
from scormbuild.render.pages import RenderedFile

MANIFEST = "imsmanifest.xml"


class Scope(enum.StrEnum):
    """Which packages to build: one per module, one per course, or both."""

    MODULE = "module"
    COURSE = "course"
    BOTH = "both"


@dataclass(frozen=True)
class RenderedCourse:
    """The render stage's output: shared theme files and each module's files by module id."""

    theme: tuple[RenderedFile, ...]
    modules: dict[str, tuple[RenderedFile, ...]]
    #: Each module's pages as separate files (no runtime), for formats without tracking.
    pages: dict[str, tuple[RenderedFile, ...]]


@dataclass(frozen=True)
class Package:
    """A complete package: `name` is its path below the output folder, `files` its content
    (manifest included), sorted by path. A package that is not an archive is a single file,
    written as it is (a question bank, a competency framework)."""

    name: str
    format: str
    files: tuple[RenderedFile, ...]
    archive: bool = True


@dataclass(frozen=True)
class PackageOptions:
    scope: Scope = Scope.BOTH
    schema_folder: Path | None = None
    bundle_schemas: bool = False


def item_id(module: Module) -> str:
    """An item's identifier derives from the module id only: Moodle matches SCOs by it on a
    re-upload and deletes the tracks of items whose identifier changed (mod/scorm)."""
    return f"item-{module.id}"


def manifest_id(course: Course, modules: tuple[Module, ...]) -> str:
    """An xs:ID (no colon, no leading digit) naming the course, or the course and module."""
    if len(modules) == 1:
        return f"sb-{course.id}-{modules[0].id}"
    return f"sb-{course.id}"


def resource_id(module: Module) -> str:
    return f"res-{module.id}"


def module_href(module: Module, path: str) -> str:
    return f"{module.id}/{path}"


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class Packager(ABC):
    """Turns a course into packages of one format."""

    name: ClassVar[str]
    label: ClassVar[str]

    def __init__(self, options: PackageOptions) -> None:
        self.options = options

    @abstractmethod
    def packages(self, course: Course, rendered: RenderedCourse, sink: Sink) -> list[Package]:
        """Every package of this format for the course, complete and in memory; what the
        format cannot carry is reported to `sink`."""


class ArchivePackager(Packager):
    """A zip with a manifest: one per module, one per course, or both (`--per`)."""

    #: Folder below the schema folder with this format's official XSDs (for --bundle-schemas).
    schema_set: ClassVar[str]

    def packages(self, course: Course, rendered: RenderedCourse, sink: Sink) -> list[Package]:
        result = []
        if self.options.scope in (Scope.MODULE, Scope.BOTH):
            for module in course.modules:
                result.append(self._package(f"{course.id}/{self.name}/"
                                            f"{module.order:02d}-{module.id}.zip",
                                            course, (module,), rendered))
        if self.options.scope in (Scope.COURSE, Scope.BOTH):
            result.append(self._package(f"{course.id}/{self.name}/{course.id}.zip", course,
                                        course.modules, rendered))
        return result

    def _package(self, name: str, course: Course, modules: tuple[Module, ...],
                 rendered: RenderedCourse) -> Package:
        files = list(rendered.theme)
        for module in modules:
            files.extend(RenderedFile(module_href(module, f.path), f.data)
                         for f in rendered.modules[module.id])
        manifest = self.manifest(course, modules, [f.path for f in files])
        files.append(RenderedFile(MANIFEST, serialise(manifest)))
        files.extend(self._schema_files())
        return Package(name, self.name, tuple(sorted(files, key=lambda f: f.path)))

    def _schema_files(self) -> list[RenderedFile]:
        folder = self.options.schema_folder
        if not self.options.bundle_schemas or folder is None:
            return []
        base = folder / self.schema_set
        return [RenderedFile(p.relative_to(base).as_posix(), p.read_bytes())
                for p in sorted(base.rglob("*"))
                if p.is_file() and p.suffix in {".xsd", ".dtd"}]

    @abstractmethod
    def manifest(self, course: Course, modules: tuple[Module, ...], paths: list[str]
                 ) -> etree._Element:
        """The imsmanifest.xml tree for these modules, whose package holds `paths`."""
