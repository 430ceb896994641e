"""`scormbuild serve` in Chromium: the LMS panel records what the learner does, edits reload
the page, source errors show as an overlay until fixed, relaunch resumes; loopback only,
nothing outside the course, a clean stop on Ctrl-C."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from scormbuild.serve import start
from tests.browser.learner import RIGHT, take_quiz
from tests.conftest import FIXTURES, REPO

SCREENSHOT = REPO / "docs" / "images" / "serve.png"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    course = tmp_path / "alletypes"
    shutil.copytree(FIXTURES / "alletypes", course)
    server, stop = start(course, 0, lambda diagnostics: None)
    assert server.server_address[0] == "127.0.0.1"  # loopback only
    yield f"http://127.0.0.1:{server.server_address[1]}", course
    stop.set()
    server.shutdown()
    server.server_close()


def open_module(page, base: str):  # type: ignore[no-untyped-def]
    page.goto(f"{base}/module/toets/")
    frame = page.frame_locator("#sb-sco")
    frame.locator("#sb-progress").wait_for()
    return frame


def test_the_panel_shows_what_the_lms_records(page, served) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    page.set_viewport_size({"width": 1280, "height": 800})
    frame = open_module(page, base)
    assert page.locator("#sb-version").inner_text() == "SCORM 1.2"
    take_quiz(frame, RIGHT)
    page.locator("#sb-score").filter(has_text="100").wait_for()
    assert page.locator("#sb-status").inner_text() == "passed"
    objectives = page.locator("#sb-objectives").inner_text()
    assert "mk-1.1\t100\tpassed" in objectives and "mk-1.2\t100\tpassed" in objectives
    assert page.locator("#sb-interactions tr").count() == 7
    assert "/ 4096" in page.locator("#sb-suspend").inner_text()
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT if os.environ.get("SCORMBUILD_DOCS_SCREENSHOT")
                             else Path(os.environ.get("TMPDIR", "/tmp")) / "serve.png"))


def test_an_edit_reloads_the_page_and_the_learner_keeps_their_place(page, served) -> None:  # type: ignore[no-untyped-def]
    base, course = served
    frame = open_module(page, base)
    assert "Maak de toets." in frame.locator("#page-uitleg").inner_text()
    lesson = course / "01-toets" / "01-uitleg.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("Maak de toets.",
                                                                 "Lees eerst dit."), encoding="utf-8")
    frame.locator("#page-uitleg").filter(has_text="Lees eerst dit.").wait_for(timeout=10000)


def test_a_source_error_shows_over_the_page_until_it_is_fixed(page, served) -> None:  # type: ignore[no-untyped-def]
    base, course = served
    open_module(page, base)
    quiz = course / "01-toets" / "quiz.toml"
    good = quiz.read_text(encoding="utf-8")
    quiz.write_text(good.replace("mastery_score = 70", "mastery_score = = 70"), encoding="utf-8")
    overlay = page.locator("#sb-overlay")
    overlay.wait_for(state="visible", timeout=10000)
    assert "01-toets/quiz.toml:1: error: TOML syntax error" in overlay.inner_text()
    quiz.write_text(good, encoding="utf-8")
    overlay.wait_for(state="hidden", timeout=10000)


def test_relaunch_resumes_where_the_learner_was(page, served) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    frame = open_module(page, base)
    frame.locator("[data-sb-nav=next]").click()
    frame.locator("#q-enkel input[value='b']").check()
    frame.locator("#q-enkel [data-sb-check]").click()
    page.locator("#sb-relaunch").click()
    frame = page.frame_locator("#sb-sco")
    frame.locator("#title-toets").wait_for(state="visible")
    assert frame.locator("#q-enkel input[value='b']").is_checked()


def test_nothing_outside_the_course_is_served(served) -> None:  # type: ignore[no-untyped-def]
    base, _ = served
    for path in ("/sco/../../alletypes/course.toml", "/etc/passwd", "/sco/%2e%2e/course.toml"):
        request = urllib.request.Request(base + path)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 404


def test_ctrl_c_stops_the_server_cleanly(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "minicursus", tmp_path / "course")
    process = subprocess.Popen([sys.executable, "-m", "scormbuild.cli", "serve", "course",
                                "--port", "0"], cwd=tmp_path, stderr=subprocess.PIPE, text=True)
    line = ""
    deadline = time.monotonic() + 20
    while "serving" not in line and time.monotonic() < deadline:
        line = process.stderr.readline()
    assert "at http://127.0.0.1:" in line
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=10) == 0
    assert "stopped" in process.stderr.read()
