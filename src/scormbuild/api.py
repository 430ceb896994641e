"""Run the pipeline stages in order and return what happened. Prints nothing, exits nothing."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from scormbuild.check.course import check_course
from scormbuild.check.framework import check_framework
from scormbuild.diagnostics import Diagnostic, Sink
from scormbuild.load.sources import (find_framework, known_frameworks, load_course,
                                     load_framework, shown_path)
from scormbuild.model import Course, Framework
from scormbuild.output import StagedOutput, build_timestamp, write_new_folder, zip_bytes
from scormbuild.packagers import PACKAGERS
from scormbuild.packagers.base import PackageOptions, RenderedCourse, Scope
from scormbuild.render.pages import Renderer
from scormbuild.scaffold import course_files, course_id_from
from scormbuild.validate import DOCUMENT_SUFFIXES, Verdict, validate_bytes, validate_document
from scormbuild.validate.schemas import schema_folder

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    course_dirs: tuple[Path, ...]
    out_dir: Path = Path("dist")
    formats: tuple[str, ...] = tuple(PACKAGERS)
    scope: Scope = Scope.BOTH
    schemas: Path | None = None
    bundle_schemas: bool = False
    strict: bool = False


@dataclass
class BuildResult:
    diagnostics: list[Diagnostic]
    written: list[Path] = field(default_factory=list)
    ok: bool = False
    xsd_checked: bool = False


@dataclass
class ValidateResult:
    diagnostics: list[Diagnostic]
    verdicts: list[Verdict]
    ok: bool


def check_courses(course_dirs: tuple[Path, ...], sink: Sink) -> list[Course]:
    """Load and check every course, reporting every problem; return the courses that are sound."""
    frameworks: dict[str, Framework | None] = {}
    courses = []
    for folder in course_dirs:
        course = check_course(load_course(folder, sink), sink, frameworks)
        if course is not None:
            courses.append(course)
    return courses


def make(options: BuildOptions, progress: Progress = lambda line: None) -> BuildResult:
    """Check everything, then render, package and validate; write only if all is well."""
    sink = Sink()
    courses = check_courses(options.course_dirs, sink)
    if sink.has_errors(options.strict):
        return BuildResult(sink.diagnostics)
    schemas = schema_folder(options.schemas)
    renderer = Renderer()
    packagers = [PACKAGERS[name](PackageOptions(options.scope, schemas, options.bundle_schemas))
                 for name in options.formats]
    output = StagedOutput(options.out_dir)
    written_names: set[str] = set()  # outputs courses share (a framework CSV) are written once
    try:
        for course in courses:
            rendered = RenderedCourse(
                tuple(renderer.theme_files()),
                {m.id: tuple(renderer.module_files(course, m)) for m in course.modules},
                {m.id: tuple(renderer.standalone_pages(course, m)) for m in course.modules})
            timestamp = build_timestamp(course.date)
            for packager in packagers:
                for package in packager.packages(course, rendered, sink):
                    shown = shown_path(options.out_dir / package.name)
                    if package.name in written_names:
                        continue
                    if package.archive:
                        data = zip_bytes(package.files, timestamp)
                        validate_bytes(data, shown, schemas, sink)
                    else:
                        data = package.files[0].data
                        validate_document(data, shown, sink)
                    written_names.add(package.name)
                    output.write(package.name, data)
                    progress(f"{shown} ({len(data) // 1024 + 1} KB)")
        if sink.has_errors(options.strict):
            output.discard()
            return BuildResult(sink.diagnostics, xsd_checked=schemas is not None)
        written = output.commit()
    finally:
        output.discard()
    return BuildResult(sink.diagnostics, written, True, schemas is not None)


def validate_packages(paths: tuple[Path, ...], schemas: Path | None, strict: bool = False
                      ) -> ValidateResult:
    """Validate packages from anywhere; unreadable paths are reported like bad packages."""
    sink = Sink()
    folder = schema_folder(schemas)
    verdicts = []
    for path in paths:
        shown = shown_path(path)
        try:
            data = path.read_bytes()
        except OSError as error:
            sink.error(shown, "SB407", f"cannot read the package: {error.strerror}")
            continue
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            validate_document(data, shown, sink)
            verdicts.append(Verdict(shown, DOCUMENT_SUFFIXES[path.suffix.lower()], False))
        else:
            verdicts.append(validate_bytes(data, shown, folder, sink))
    return ValidateResult(sink.diagnostics, verdicts, not sink.has_errors(strict))


def check_only(course_dirs: tuple[Path, ...]) -> list[Diagnostic]:
    """Load and check, for editors and `scormbuild check`."""
    sink = Sink()
    check_courses(course_dirs, sink)
    return sink.diagnostics


def new_course(folder: Path, framework_id: str | None, today: datetime.date) -> list[Diagnostic]:
    """Scaffold a course in `folder` (which must not exist) that builds at once.

    With `framework_id`, the course uses that framework from the frameworks folder beside it;
    otherwise it gets a small example framework of its own.
    """
    sink = Sink()
    if folder.exists():
        sink.error(shown_path(folder), "SB107", "folder already exists; choose a new name")
        return sink.diagnostics
    competences = None
    if framework_id is not None:
        path = find_framework(folder, framework_id)
        document = load_framework(path, sink) if path else None
        framework = check_framework(document, sink) if document else None
        if path is None:
            known = known_frameworks(folder)
            sink.error(shown_path(folder.parent), "SB210",
                       f"framework '{framework_id}' not found beside the new course",
                       hint="frameworks: " + (", ".join(known) or "none"))
        if framework is None:
            return sink.diagnostics
        ids = framework.assessable_ids()
        competences = (ids[0], ids[1] if len(ids) > 1 else ids[0])
    files = course_files(course_id_from(folder.name), folder.name.replace("-", " ").capitalize(),
                         framework_id, competences, today)
    write_new_folder(folder, files)
    return sink.diagnostics
