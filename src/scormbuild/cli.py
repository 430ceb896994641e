"""The `scormbuild` command: parse options, call one api function, print its diagnostics."""

from __future__ import annotations

import datetime
import json
import sys
import time
from pathlib import Path

import click

from scormbuild import api
from scormbuild.diagnostics import Diagnostic, Severity, as_json, format_all
from scormbuild.load.sources import COURSE_FILE, find_courses
from scormbuild.packagers import PACKAGERS
from scormbuild.packagers.base import Scope
from scormbuild.validate.schemas import SCHEMA_ENV, schema_folder

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2
SCHEMAS_HELP = (f"Folder with the official XSD sets (default: ${SCHEMA_ENV}). "
                "Without one, only the semantic checks run.")


def _formats(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    unknown = [n for n in names if n not in PACKAGERS]
    if unknown or not names:
        raise click.BadParameter(f"choose from {', '.join(PACKAGERS)} (comma-separated)")
    return names


def _course_dirs(given: tuple[Path, ...]) -> tuple[Path, ...]:
    if given:
        return given
    if (Path.cwd() / COURSE_FILE).is_file():
        return (Path("."),)
    found = tuple(find_courses(Path("courses")))
    if not found:
        raise click.UsageError("no course found: name a course folder, or run where courses/ is")
    return found


def _summary(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _print(diagnostics: list[Diagnostic]) -> None:
    if diagnostics:
        click.echo(format_all(diagnostics), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scormbuild")
def main() -> None:
    """Compile course sources into SCORM packages for Moodle and other LMSs."""


COURSE_DIRS = click.Path(exists=True, file_okay=False, path_type=Path)


@main.command()
@click.argument("course_dirs", nargs=-1, type=COURSE_DIRS)
@click.option("--format", "formats", default=",".join(PACKAGERS), show_default=True,
              help="Output formats, comma-separated.")
@click.option("--out", "out_dir", default="dist", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Output folder.")
@click.option("--per", "scope", type=click.Choice([s.value for s in Scope]), default="both",
              show_default=True, help="One package per module, one per course, or both.")
@click.option("--schemas", type=click.Path(file_okay=False, path_type=Path), help=SCHEMAS_HELP)
@click.option("--bundle-schemas", is_flag=True, help="Copy the official XSDs into each package.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def make(course_dirs: tuple[Path, ...], formats: str, out_dir: Path, scope: str,
         schemas: Path | None, bundle_schemas: bool, strict: bool) -> None:
    """Check, build and validate packages for COURSE_DIRS (default: every course in courses/).

    Nothing is written unless every package is complete and valid.
    """
    try:
        names = _formats(formats)
    except click.BadParameter as error:
        error.param_hint = "'--format'"
        raise
    if bundle_schemas and schema_folder(schemas) is None:
        raise click.UsageError(f"--bundle-schemas needs --schemas or ${SCHEMA_ENV}")
    started = time.monotonic()
    options = api.BuildOptions(_course_dirs(course_dirs), out_dir, names, Scope(scope), schemas,
                               bundle_schemas, strict)
    progress = (lambda line: click.echo(f"  built {line}")) if sys.stdout.isatty() else (
        lambda line: None)
    result = api.make(options, progress)
    _print(result.diagnostics)
    if not result.ok:
        click.echo(f"build failed: {_summary(result.diagnostics)}; nothing was written", err=True)
        sys.exit(EXIT_ERRORS)
    if not result.xsd_checked:
        click.echo(f"note: XSD check skipped (no schema folder: use --schemas or ${SCHEMA_ENV})",
                   err=True)
    click.echo(f"built {len(result.written)} packages in {out_dir}/ "
               f"({_summary(result.diagnostics)}, {time.monotonic() - started:.1f} s)")


@main.command()
@click.argument("course_dirs", nargs=-1, type=COURSE_DIRS)
@click.option("--json", "as_json_output", is_flag=True, help="Print diagnostics as JSON.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(course_dirs: tuple[Path, ...], as_json_output: bool, strict: bool) -> None:
    """Check course sources and report every problem, without building."""
    diagnostics = api.check_only(_course_dirs(course_dirs))
    if as_json_output:
        click.echo(as_json(diagnostics))
    else:
        _print(diagnostics)
        click.echo(_summary(diagnostics), err=True)
    failed = any(d.severity >= (Severity.WARNING if strict else Severity.ERROR)
                 for d in diagnostics)
    sys.exit(EXIT_ERRORS if failed else EXIT_OK)


@main.command()
@click.argument("packages", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--schemas", type=click.Path(file_okay=False, path_type=Path), help=SCHEMAS_HELP)
@click.option("--json", "as_json_output", is_flag=True, help="Print the report as JSON.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(packages: tuple[Path, ...], schemas: Path | None, as_json_output: bool,
             strict: bool) -> None:
    """Validate packages (ours or anyone's): official XSDs and packaging rules."""
    result = api.validate_packages(packages, schemas, strict)
    if as_json_output:
        report = {
            "ok": result.ok,
            "packages": [{"package": v.shown, "format": v.format.name if v.format else None,
                          "xsd_checked": v.xsd_checked} for v in result.verdicts],
            "diagnostics": json.loads(as_json(result.diagnostics)),
        }
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print(result.diagnostics)
        for verdict in result.verdicts:
            label = verdict.format.label if verdict.format else "unknown format"
            bad = any(d.path.startswith(verdict.shown) and d.severity is Severity.ERROR
                      for d in result.diagnostics)
            xsd = "XSD checked" if verdict.xsd_checked else "XSD not checked"
            click.echo(f"{verdict.shown}: {label}, {xsd}: {'INVALID' if bad else 'valid'}")
    sys.exit(EXIT_OK if result.ok else EXIT_ERRORS)


@main.command()
@click.argument("course_dir", required=False, type=COURSE_DIRS)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port on 127.0.0.1 (0: any free port).")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in a browser.")
def serve(course_dir: Path | None, port: int, open_browser: bool) -> None:
    """Preview a course in the browser, with live rebuild and an LMS panel (127.0.0.1 only)."""
    from scormbuild.serve import start

    folders = _course_dirs((course_dir,) if course_dir else ())
    if len(folders) > 1:
        raise click.UsageError("serve previews one course: name its folder")
    folder = folders[0]

    def report(diagnostics: list[Diagnostic]) -> None:
        _print(diagnostics)
        click.echo(f"rebuilt: {_summary(diagnostics)}", err=True)

    try:
        server, stop = start(folder, port, report)
    except OSError as error:
        raise click.UsageError(f"cannot listen on 127.0.0.1:{port}: {error.strerror}") from None
    address = f"http://127.0.0.1:{server.server_address[1]}/"
    click.echo(f"serving {folder} at {address} (Ctrl-C stops)", err=True)
    if open_browser:
        import webbrowser

        webbrowser.open(address)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        stop.set()
        server.shutdown()
        server.server_close()
        click.echo("stopped", err=True)


@main.command()
@click.argument("course", type=click.Path(path_type=Path))
@click.option("--framework", help="Use this framework from the frameworks/ folder beside the "
              "course instead of a small example framework.")
def new(course: Path, framework: str | None) -> None:
    """Create a new course folder COURSE that builds at once."""
    diagnostics = api.new_course(course, framework, datetime.date.today())
    _print(diagnostics)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        sys.exit(EXIT_ERRORS)
    click.echo(f"created {course}/: edit course.toml, then run: scormbuild make {course}")


if __name__ == "__main__":
    main()
