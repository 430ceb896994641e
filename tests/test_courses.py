"""The courses in courses/ keep what their issues promise: structure, quiz numbers, feedback,
the named resources, and no text copied from the seeds."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

from scormbuild.api import check_courses
from scormbuild.diagnostics import Sink
from scormbuild.model import Course
from tests.conftest import COURSES, REPO, run

SEEDS = REPO.parent / "shared" / "seeds"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
COPYCHECK = REPO.parent / "shared" / "tools" / "copycheck.py"
#: The "Aan de slag" resources seed 001 names, by the cluster they belong to (matched by title).
NAMED_RESOURCES = {
    "sf-aansluiting": ["Handreiking zorgen over geld? Praten helpt!",
                       "Profiel: de zinvolle hulpverlener", "E-learning cultuursensitief handelen"],
    "sf-informeren": ["Toolkit bij schulden", "Tool berekenuwrecht",
                      "Kennisnetwerk belastingen en toeslagen", "Geldfit test"],
    "sf-sturen": ["Handreiking Sturen op zelfsturing", "Cirkel van invloed en betrokkenheid",
                  "Interventie oplossingsgericht werken"],
    "sf-planmatig": ["Gedragscodes en modules van de NVVK",
                     "Integrale aanpak vanuit het loket gezond leven",
                     "Handreiking werkzame elementen bij integraal samenwerken"],
}


def course(name: str) -> Course:
    sink = Sink()
    [checked] = check_courses((COURSES / name,), sink)
    assert sink.diagnostics == []
    return checked


def test_sociaal_financieel_has_an_introduction_and_a_quizzed_module_per_cluster() -> None:
    sf = course("sociaal-financieel")
    quizzed = [m for m in sf.modules if m.quiz]
    assert [m.competences for m in quizzed] == [(c.id,) for c in sf.framework.clusters]
    assert sf.modules[0].id == "inleiding" and sf.modules[1].kind == "competentiewijzer"
    for module in quizzed:
        quiz = module.quiz
        assert len(quiz.questions) >= 10 and len({q.type for q in quiz.questions}) >= 4
        assert quiz.mastery_score == 70
        assert all(q.competence == module.competences[0] for q in quiz.questions)
        assert all(q.feedback_correct and q.feedback_incorrect for q in quiz.questions)
        assert all(o.feedback for q in quiz.questions if q.type in ("single", "multiple")
                   for o in q.options)
        titles = {r.title for r in module.resources}
        assert set(NAMED_RESOURCES.get(module.competences[0], [])) <= titles
        assert module.resources and all(not r.url or r.url.startswith("http") for r in module.resources)


def test_clientondersteuner_teaches_and_tests_every_competence_under_its_official_statement(
        ) -> None:
    co = course("clientondersteuner")
    assert [m.id for m in co.modules[:2]] == ["inleiding", "competentiewijzer"]
    clusters = co.framework.clusters
    quizzed = [m for m in co.modules if m.quiz]
    assert [m.competences for m in quizzed] == [tuple(c.id for c in k.competences)
                                                for k in clusters]
    assert [m.title for m in quizzed] == [k.title for k in clusters]
    tested: dict[str, int] = {}
    for module, cluster in zip(quizzed, clusters):
        titles = {page.title for page in module.pages}
        assert {f"{c.number} {c.title}" for c in cluster.competences} <= titles
        quiz = module.quiz
        assert len(quiz.questions) >= 10 and len({q.type for q in quiz.questions}) >= 4
        assert quiz.mastery_score == 70
        assert all(q.feedback_correct and q.feedback_incorrect for q in quiz.questions)
        assert all(o.feedback for q in quiz.questions if q.type in ("single", "multiple")
                   for o in q.options)
        for question in quiz.questions:
            tested[question.competence] = tested.get(question.competence, 0) + 1
    assert len(tested) == 29 and min(tested.values()) >= 2
    cited = {r.url for m in co.modules for r in m.resources}
    assert {r.url for r in co.framework.references} <= cited
    assert "https://www.movisie.nl/sites/movisie.nl/files/2020-04/handreiking-Movisie-" \
           "onafhankelijke-clientondersteuning-Levensbreedheid-afbakening.pdf" in cited


def test_no_course_text_is_copied_from_the_seeds() -> None:
    result = subprocess.run([sys.executable, str(COPYCHECK), str(SEEDS), str(COURSES)],
                            capture_output=True, text=True)
    assert result.stdout.strip().splitlines()[-1].startswith("copied runs: 0 "), result.stdout


def test_every_course_builds_in_every_format_without_errors_or_warnings(
        workdir: Path, schemas: Path) -> None:
    folders = sorted(p.parent for p in COURSES.glob("*/course.toml"))
    result = run("make", *folders, "--out", "dist", "--schemas", schemas, "--strict")
    assert result.exit_code == 0, result.stderr
    assert "(0 errors, 0 warnings" in result.stdout + result.stderr
    for folder in folders:
        checked = course(folder.name)
        for module in checked.modules:
            [package] = (workdir / "dist" / checked.id / "scorm2004").glob(f"*-{module.id}.zip")
            with zipfile.ZipFile(package) as archive:
                manifest = etree.fromstring(archive.read("imsmanifest.xml"))
            objectives = manifest.find(f".//{{{IMSSS}}}objectives")
            assert [o.get("objectiveID") for o in objectives] == [
                f"{module.id}.module", *module.competences], package
