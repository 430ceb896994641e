"""The interface speaks the course's language: Dutch by default, English when asked."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from tests.conftest import FIXTURES, run


def module_html(workdir: Path, language: str) -> str:
    course = workdir / f"course-{language}"
    shutil.copytree(FIXTURES / "minicursus", course)
    meta = course / "course.toml"
    meta.write_text(meta.read_text(encoding="utf-8").replace('language = "nl"',
                                                             f'language = "{language}"'),
                    encoding="utf-8")
    assert run("make", course, "--out", workdir / language, "--per", "module",
               "--format", "scorm12").exit_code == 0
    with zipfile.ZipFile(workdir / language / "minicursus/scorm12/01-start.zip") as archive:
        return archive.read("start/index.html").decode()


def test_dutch_and_english_interfaces(workdir: Path) -> None:
    dutch, english = module_html(workdir, "nl"), module_html(workdir, "en")
    assert '<html lang="nl">' in dutch and ">Volgende</button>" in dutch
    assert ">Controleer</button>" in dutch and "Je haalt de toets met een score van 80%" in dutch
    assert '<html lang="en">' in english and ">Next</button>" in english
    assert ">Check</button>" in english and "You pass the quiz with a score of 80%" in english
    config = json.loads(english.split('id="sb-config">')[1].split("</script>")[0])
    assert config["strings"]["right"] == "Correct!"
    assert "Volgende" not in english
