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
LOM = "http://ltsc.ieee.org/xsd/LOM"
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


#: Seed 004's ten modules, in its order.
SOCIAL_WORK_MODULES = [
    "Vroegsignalering en toeleiding", "Crisishulpverlening", "Financiële (nood)hulp",
    "Informatie en advies, hulp bij thuisadministratie en aanvragen regelingen",
    "Intake en vraagverheldering", "Inventarisatie inkomsten, vaste lasten en schulden",
    "Veranderings- en competentiegerichte begeleiding",
    "Onderzoek betalingsregeling en herfinanciering", "Casemanagement",
    "Waakvlamcontacten en nazorg"]


def test_sociaal_werk_follows_seed_004_and_explains_each_link_to_the_competences() -> None:
    sw = course("sociaal-werk-schuldhulpverlening")
    assert sw.framework.id == "sociaal-financieel" and sw.modules[0].id == "inleiding"
    assert [m.title for m in sw.modules[1:]] == SOCIAL_WORK_MODULES
    for module in sw.modules:
        assert [c for c, _ in module.why] == list(module.competences)
        assert 2 <= len(module.competences) <= 4
        quiz = module.quiz
        assert len(quiz.questions) >= 8 and len({q.type for q in quiz.questions}) >= 3
        assert quiz.mastery_score == 70
        assert {q.competence for q in quiz.questions} == set(module.competences)
        assert all(q.feedback_correct and q.feedback_incorrect for q in quiz.questions)
        assert all(o.feedback for q in quiz.questions if q.type in ("single", "multiple")
                   for o in q.options)
    for module in sw.modules[1:]:
        titles = [page.title for page in module.pages]
        assert titles[:2] == ["Waar gaat deze module over", "Doelen, duur en setting"]
        assert titles[-1].startswith("Casus: ")
        assert any("randvoorwaarden" in (page.title + page.body).lower() for page in module.pages)


def test_the_introduction_maps_modules_to_clusters_as_the_modules_do() -> None:
    """Page 4 of the introduction tabulates the mapping; it must not drift from module.toml."""
    sw = course("sociaal-werk-schuldhulpverlening")
    number = {cluster.id: cluster.number for cluster in sw.framework.clusters}
    [overview] = [p for p in sw.modules[0].pages if p.title == "Zo werkt deze cursus"]
    rows = [[cell.strip() for cell in line.strip("|").split("|")]
            for line in overview.body.splitlines() if line.startswith("| ")]
    per_module = {r[1]: r[3] for r in rows if len(r) == 4 and r[0].isdigit()}
    assert per_module == {m.title: ", ".join(sorted((number[c] for c in m.competences), key=int))
                          for m in sw.modules[1:]}
    per_cluster = {r[0].split(" ", 1)[1]: r[1] for r in rows
                   if len(r) == 2 and r[0][:1].isdigit()}
    assert per_cluster == {
        cluster.title: ", ".join(str(i) for i, m in enumerate(sw.modules) if cluster.id in
                                 m.competences and i) for cluster in sw.framework.clusters}


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
            if module.why:
                assert reasons_in_lom(manifest) == list(module.why), package


def reasons_in_lom(manifest: etree._Element) -> list[tuple[str, str]]:
    """(competence id, description) of each competency classification in the manifest's LOM."""
    found = []
    for classification in manifest.iter(f"{{{LOM}}}classification"):
        if classification.findtext(f"{{{LOM}}}purpose/{{{LOM}}}value") == "competency":
            *_, leaf = classification.iter(f"{{{LOM}}}taxon")
            found.append((leaf.findtext(f"{{{LOM}}}id"),
                          classification.findtext(f"{{{LOM}}}description/{{{LOM}}}string")))
    return found
