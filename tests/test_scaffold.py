"""`scormbuild new` makes a course that checks clean and builds at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import COURSES, run


def test_new_course_builds_at_once(workdir: Path, schemas: Path) -> None:
    result = run("new", "mijn-cursus")
    assert result.exit_code == 0, result.stderr
    assert run("check", "mijn-cursus", "--strict").exit_code == 0
    built = run("make", "mijn-cursus", "--out", "dist", "--schemas", schemas, "--strict")
    assert built.exit_code == 0, built.stderr
    assert (workdir / "dist/mijn-cursus/scorm2004/01-eerste-contact.zip").is_file()


def test_new_course_can_use_an_existing_framework(workdir: Path) -> None:
    shutil.copytree(COURSES / "frameworks", workdir / "frameworks")
    result = run("new", "schulden", "--framework", "clientondersteuner")
    assert result.exit_code == 0, result.stderr
    assert not (workdir / "schulden" / "frameworks").exists()
    quiz = (workdir / "schulden/01-eerste-contact/quiz.toml").read_text(encoding="utf-8")
    assert 'competence = "co-1.1"' in quiz
    assert run("make", "schulden", "--out", "dist", "--strict").exit_code == 0


def test_new_refuses_an_existing_folder_and_an_unknown_framework(workdir: Path) -> None:
    (workdir / "bestaat").mkdir()
    result = run("new", "bestaat")
    assert result.exit_code == 1
    assert "folder already exists" in result.stderr
    result = run("new", "nieuw", "--framework", "onbekend")
    assert result.exit_code == 1
    assert "framework 'onbekend' not found" in result.stderr
    assert not (workdir / "nieuw").exists()
