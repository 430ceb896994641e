"""`scormbuild serve`: a live preview of one course, on 127.0.0.1 only.

The course is built into memory, never to disk: the site is a map from URL path to bytes, so
a request can reach nothing else (no path on disk is ever opened from a URL). A watcher
re-checks the sources when a file changes and re-renders only the modules whose model
changed; while the sources have errors the last good build stays up and the browser shows
the errors over the page.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

import jinja2

from scormbuild.check.course import check_course
from scormbuild.diagnostics import Diagnostic, Severity, Sink
from scormbuild.load.sources import load_course
from scormbuild.model import Course, Framework, Module
from scormbuild.render.pages import MODULE_PAGE, Renderer
from scormbuild.render.theme import theme_dir

LOOPBACK = "127.0.0.1"
PREVIEW_ASSETS = {"lms.js": "application/javascript", "preview.css": "text/css"}
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "application/javascript",
                 ".css": "text/css", ".png": "image/png", ".jpg": "image/jpeg",
                 ".jpeg": "image/jpeg", ".svg": "image/svg+xml", ".gif": "image/gif",
                 ".pdf": "application/pdf", ".json": "application/json"}
POLL_SECONDS = 0.25


@dataclass
class Build:
    """The site as last built: SCO files by URL path, plus what the pages need to list."""

    number: int = 0
    course: Course | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    errors: list[Diagnostic] = field(default_factory=list)


def source_fingerprint(course_dir: Path) -> tuple[tuple[str, int, int], ...]:
    """Every source file with its size and modification time: a change shows as a new value."""
    folders = [course_dir, course_dir.parent / "frameworks"]
    entries = []
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    stat = path.stat()
                    entries.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


class Preview:
    """Builds a course for the browser and rebuilds what changed; thread-safe to read."""

    def __init__(self, course_dir: Path) -> None:
        self.course_dir = course_dir
        self.renderer = Renderer()
        self.pages = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(theme_dir() / "serve")), autoescape=True,
            undefined=jinja2.StrictUndefined)
        self.build = Build()
        self.lock = threading.Lock()

    def rebuild(self) -> list[Diagnostic]:
        """Check the sources; if they are sound, render the modules that changed."""
        sink = Sink()
        frameworks: dict[str, Framework | None] = {}
        course = check_course(load_course(self.course_dir, sink), sink, frameworks)
        errors = [d for d in sink.diagnostics if d.severity is Severity.ERROR]
        with self.lock:
            previous = self.build
            if errors or course is None:
                self.build = Build(previous.number, previous.course, previous.files,
                                   previous.modules, errors)
                return sink.diagnostics
            files = {} if previous.course != course else dict(previous.files)
            files.update({f"/sco/{f.path}": f.data for f in self.renderer.theme_files()})
            for module in course.modules:
                unchanged = (previous.course is not None
                             and previous.modules.get(module.id) == module
                             and previous.course.framework == course.framework)
                if unchanged:
                    continue  # keep its files
                for path in [p for p in files if p.startswith(f"/sco/{module.id}/")]:
                    del files[path]
                for rendered in self.renderer.module_files(course, module):
                    files[f"/sco/{module.id}/{rendered.path}"] = rendered.data
            self.build = Build(previous.number + 1, course, files,
                               {m.id: m for m in course.modules}, [])
        return sink.diagnostics

    def respond(self, path: str) -> tuple[int, str, bytes]:
        """(status, content type, body) for a URL path; only known paths are ever served."""
        with self.lock:
            build = self.build
        if path == "/__scormbuild/status":
            status = {"build": build.number, "errors": [d.format() for d in build.errors]}
            return 200, "application/json", json.dumps(status).encode("utf-8")
        if path.startswith("/__scormbuild/") and path.rsplit("/", 1)[1] in PREVIEW_ASSETS:
            name = path.rsplit("/", 1)[1]
            return 200, PREVIEW_ASSETS[name], (theme_dir() / "serve" / name).read_bytes()
        if build.course is None:
            return 503, "text/plain; charset=utf-8", "\n".join(
                d.format() for d in build.errors).encode("utf-8")
        if path == "/":
            html = self.pages.get_template("index.html").render(
                course_title=build.course.title, modules=build.course.modules)
            return 200, CONTENT_TYPES[".html"], html.encode("utf-8")
        if path.startswith("/module/") and path.endswith("/"):
            module = build.modules.get(path[len("/module/"):-1])
            if module is not None:
                html = self.pages.get_template("host.html").render(
                    course_title=build.course.title, module=module, build=build.number,
                    sco_url=f"/sco/{module.id}/{MODULE_PAGE}")
                return 200, CONTENT_TYPES[".html"], html.encode("utf-8")
        if path in build.files:
            suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
            return 200, CONTENT_TYPES.get(suffix, "application/octet-stream"), build.files[path]
        return 404, "text/plain; charset=utf-8", b"not part of this course"


def rebuild_safely(preview: Preview) -> list[Diagnostic]:
    """A rebuild that cannot end the watcher: a file that vanishes mid-build is reported."""
    try:
        return preview.rebuild()
    except OSError as error:
        sink = Sink()
        sink.error(str(error.filename or preview.course_dir), "SB107",
                   f"cannot read a source file while rebuilding: {error.strerror}")
        return sink.diagnostics


def handler_for(preview: Preview) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's API)
            status, content_type, body = preview.respond(unquote(urlsplit(self.path).path))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
            pass

    return Handler


def start(course_dir: Path, port: int, report: Callable[[list[Diagnostic]], None]
          ) -> tuple[ThreadingHTTPServer, threading.Event]:
    """Build, start serving on 127.0.0.1 and watch the sources; returns the server and a stop
    event for the watcher. `report` receives the diagnostics of every (re)build."""
    preview = Preview(course_dir)
    report(preview.rebuild())
    server = ThreadingHTTPServer((LOOPBACK, port), handler_for(preview))
    stop = threading.Event()

    def watch() -> None:
        fingerprint = source_fingerprint(course_dir)
        while not stop.wait(POLL_SECONDS):
            current = source_fingerprint(course_dir)
            if current != fingerprint:
                fingerprint = current
                time.sleep(0.05)  # let an editor finish writing
                report(rebuild_safely(preview))

    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=watch, daemon=True).start()
    return server, stop
