"""The wheel carries the theme: a non-editable install in a fresh venv builds packages."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import FIXTURES, REPO


def test_wheel_ships_the_theme_and_builds_from_another_folder(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(wheels), str(REPO)], check=True)
    [wheel] = wheels.glob("scormbuild-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    for theme_file in ("module.html", "scormbuild.css", "runtime/scorm.js", "runtime/player.js",
                       "i18n/nl.json", "i18n/en.json"):
        assert f"scormbuild/templates/{theme_file}" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(venv / "bin" / "scormbuild"), "make", str(FIXTURES / "minicursus"), "--out", "out",
         "--per", "module", "--format", "scorm12"],
        cwd=elsewhere, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    package = elsewhere / "out" / "minicursus" / "scorm12" / "01-start.zip"
    with zipfile.ZipFile(package) as archive:
        assert "theme/runtime.js" in archive.namelist()
