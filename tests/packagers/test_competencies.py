"""The competency framework CSV for Moodle's import: header, framework row, every cluster and
competence under its parent, ids equal to the framework's (and so to the SCORM objectives)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from scormbuild.diagnostics import Sink
from scormbuild.validate import validate_document
from tests.conftest import COURSES, run


def rows_of(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream))


def test_each_framework_once_with_every_row_under_its_parent(workdir: Path) -> None:
    courses = sorted(p for p in COURSES.iterdir() if (p / "course.toml").exists())
    result = run("make", *courses, "--out", "dist", "--format", "competencies")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(workdir / "dist").as_posix()
                  for p in (workdir / "dist").rglob("*.csv")) == [
        "frameworks/clientondersteuner/clientondersteuner-competenties.csv",
        "frameworks/sociaal-financieel/sociaal-financieel-competenties.csv"]
    rows = rows_of(workdir / "dist/frameworks/clientondersteuner/clientondersteuner-competenties.csv")
    header, framework, *competencies = rows
    assert header[:3] == ["Parent ID number", "ID number", "Short name"] and len(header) == 14
    assert framework[1] == "clientondersteuner" and framework[12] == "1"
    assert framework[13] == "domain,competency"
    config = json.loads(framework[6])
    assert framework[5] == "Nog niet bekwaam,Bekwaam"
    assert config[1]["scaledefault"] == 1 and config[2]["proficient"] == 1
    clusters = [r for r in competencies if r[0] == ""]
    assert [r[1] for r in clusters] == [f"co-c{n}" for n in range(1, 8)]
    leaves = [r for r in competencies if r[0]]
    assert len(leaves) == 29 and leaves[0][:2] == ["co-c1", "co-1.1"]
    assert all(r[0] == f"co-c{r[1][3]}" for r in leaves)
    assert all(len(r[2]) <= 100 for r in competencies)
    sf = rows_of(workdir / "dist/frameworks/sociaal-financieel/sociaal-financieel-competenties.csv")
    assert [r[1] for r in sf[2:]] == ["sf-aansluiting", "sf-signaleren", "sf-samenwerken",
                                      "sf-informeren", "sf-sturen", "sf-coachen", "sf-planmatig",
                                      "sf-professie"]
    assert sf[1][13] == "competency"


def test_validate_flags_what_moodle_would_silently_drop(workdir: Path) -> None:
    assert run("make", COURSES / "clientondersteuner", "--out", "dist",
               "--format", "competencies").exit_code == 0
    path = workdir / "dist/frameworks/clientondersteuner/clientondersteuner-competenties.csv"
    rows = rows_of(path)
    rows[3][0] = "co-c9"      # a parent that does not exist
    rows[4][2] = ""           # no short name
    rows[5][1] = rows[6][1]   # a duplicate id number
    text = "\n".join(",".join(f'"{c}"' for c in row) for row in rows)
    sink = Sink()
    validate_document(text.encode(), "x.csv", sink)
    messages = [(d.line, d.message) for d in sink.diagnostics]
    assert (4, "parent 'co-c9' does not exist; Moodle drops this competency and everything "
               "below it") in messages
    assert (5, "a competency without ID number or short name; Moodle drops it and everything "
               "below it") in messages
    assert any(line == 7 and message.startswith("ID number 'co-c2' is used twice")
               for line, message in messages)
