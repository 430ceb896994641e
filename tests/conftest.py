"""Shared fixtures: the official schema folder, a copy of the test course, the CLI."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from scormbuild.cli import main

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
COURSES = REPO / "courses"


@pytest.fixture(scope="session")
def schemas() -> Path:
    """The official XSD sets. Missing is a failure, not a skip: CI must check against them."""
    folder = Path(os.environ.get("SCORMBUILD_SCHEMAS", REPO.parent / "shared" / "schemas"))
    assert (folder / "scorm12").is_dir() and (folder / "scorm2004-4th").is_dir(), (
        f"official schema folder not found at {folder}; set SCORMBUILD_SCHEMAS")
    return folder.resolve()


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder that is also the current directory (paths print relative)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.delenv("SCORMBUILD_SCHEMAS", raising=False)
    return tmp_path


@pytest.fixture
def course(workdir: Path) -> Path:
    """A fresh copy of the small test course, at ./course."""
    target = workdir / "course"
    shutil.copytree(FIXTURES / "minicursus", target)
    return target


def run(*args: str) -> Result:
    """Run the scormbuild command in-process; stdout and stderr stay separate."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
