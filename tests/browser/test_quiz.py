"""Scripted learners in Chromium against scorm-again: scores, statuses, objectives,
interactions, resume and an LMS that fails for a while, for SCORM 1.2 and 2004."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import lms
from tests.browser.conftest import unpack
from tests.browser.learner import ORDER, RIGHT, WRONG, answer, next_question, take_quiz
from tests.browser.lms import FOLDER, leave, value, written

VERSIONS = ["12", "2004"]


@pytest.fixture(scope="module")
def packages(alletypes: Path) -> Path:
    return alletypes


def launch(page, server: str, site: Path, packages: Path, version: str,  # type: ignore[no-untyped-def]
           state: dict | None = None):
    return lms.launch(page, server, site, packages / FOLDER[version] / "01-toets.zip", version,
                      "toets", state)


def objectives(page, version: str) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    fields = (["score.raw", "status"] if version == "12"
              else ["score.raw", "score.scaled", "success_status", "completion_status"])
    result = {}
    for n in range(int(value(page, version, "cmi.objectives._count"))):
        base = f"cmi.objectives.{n}."
        result[value(page, version, base + "id")] = {f: value(page, version, base + f)
                                                     for f in fields}
    return result


@pytest.mark.parametrize("version", VERSIONS)
def test_all_answers_right_passes_with_full_score_and_every_objective(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, version)
    take_quiz(frame, RIGHT)
    assert "100%" in frame.locator("[data-sb-score]").inner_text()
    leave(page)
    if version == "12":
        assert value(page, version, "cmi.core.score.raw") == "100"
        assert value(page, version, "cmi.core.lesson_status") == "passed"
        assert objectives(page, version) == {
            i: {"score.raw": "100", "status": "passed"}
            for i in ("toets.module", "mk-1.1", "mk-1.2")}
    else:
        assert value(page, version, "cmi.score.raw") == "100"
        assert value(page, version, "cmi.score.scaled") == "1"
        assert value(page, version, "cmi.success_status") == "passed"
        assert value(page, version, "cmi.completion_status") == "completed"
        assert objectives(page, version) == {
            i: {"score.raw": "100", "score.scaled": "1", "success_status": "passed",
                "completion_status": "completed"}
            for i in ("toets.module", "mk-1.1", "mk-1.2")}


@pytest.mark.parametrize("version", VERSIONS)
def test_a_mix_gives_the_right_score_and_per_competence_results(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, version)
    answers = dict(RIGHT, enkel=WRONG["enkel"], meer=WRONG["meer"], woord=WRONG["woord"])
    take_quiz(frame, answers)
    leave(page)
    # Right: waar, paren, volgorde, getal = 4 of 7. mk-1.1: volgorde, getal of enkel, meer,
    # volgorde, getal = 2 of 4; mk-1.2: waar, paren of waar, paren, woord = 2 of 3.
    raw = "score.raw"
    results = objectives(page, version)
    assert {k: v[raw] for k, v in results.items()} == {
        "toets.module": "57.14", "mk-1.1": "50", "mk-1.2": "66.67"}
    if version == "12":
        assert value(page, version, "cmi.core.score.raw") == "57.14"
        assert value(page, version, "cmi.core.lesson_status") == "failed"
        assert {k: v["status"] for k, v in results.items()} == {
            "toets.module": "failed", "mk-1.1": "failed", "mk-1.2": "failed"}
    else:
        assert value(page, version, "cmi.score.scaled") == "0.5714"
        assert value(page, version, "cmi.success_status") == "failed"
        assert results["mk-1.2"]["score.scaled"] == "0.6667"


@pytest.mark.parametrize("version", VERSIONS)
def test_interactions_use_each_versions_response_syntax(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, version)
    take_quiz(frame, RIGHT)
    interactions = written(page, "cmi.interactions.")
    response = "student_response" if version == "12" else "learner_response"
    by_id = {}
    for n in range(7):
        base = f"cmi.interactions.{n}."
        by_id[interactions[base + "id"]] = (interactions[base + "type"],
                                           interactions[base + response],
                                           interactions[base + "result"])
    if version == "12":
        assert by_id == {
            "enkel": ("choice", "b", "correct"), "meer": ("choice", "a,c", "correct"),
            "waar": ("true-false", "f", "correct"), "paren": ("matching", "p1.p1,p2.p2,p3.p3", "correct"),
            "volgorde": ("sequencing", "c,a,b", "correct"),
            "woord": ("fill-in", "  Budget   Plan ", "correct"),
            "getal": ("numeric", "42.3", "correct")}
    else:
        assert by_id == {
            "enkel": ("choice", "b", "correct"), "meer": ("choice", "a[,]c", "correct"),
            "waar": ("true-false", "false", "correct"),
            "paren": ("matching", "p1[.]p1[,]p2[.]p2[,]p3[.]p3", "correct"),
            "volgorde": ("sequencing", "c[,]a[,]b", "correct"),
            "woord": ("fill-in", "  Budget   Plan ", "correct"),
            "getal": ("numeric", "42.3", "correct")}
        assert interactions["cmi.interactions.6.correct_responses.0.pattern"] == "41.5[:]42.5"
        assert interactions["cmi.interactions.5.correct_responses.1.pattern"] == (
            "{case_matters=false}budget plan")


@pytest.mark.parametrize("version", VERSIONS)
def test_quit_mid_quiz_and_relaunch_resumes_at_the_same_question(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, version)
    frame.locator("[data-sb-nav=next]").click()
    for question in ORDER[:3]:
        answer(frame, question, RIGHT[question])
        next_question(frame, question)
    answer(frame, "paren", WRONG["paren"])  # checked, but the learner leaves before moving on
    leave(page)
    suspend = value(page, version, "cmi.suspend_data")
    location = value(page, version, "cmi.core.lesson_location" if version == "12" else "cmi.location")
    assert location == "toets" and len(suspend) < 200
    exit_written = written(page, "cmi.core.exit" if version == "12" else "cmi.exit")
    assert list(exit_written.values()) == ["suspend"]

    state = ({"cmi": {"suspend_data": suspend, "core": {"lesson_location": location,
                                                         "lesson_status": "incomplete"}}}
             if version == "12" else
             {"cmi": {"suspend_data": suspend, "location": location,
                      "completion_status": "incomplete"}})
    relaunched = launch(page, server, site, packages, version, state)
    paren = relaunched.locator("#q-paren")
    assert paren.is_visible() and relaunched.locator("#title-toets").is_visible()
    assert paren.locator("select[data-sb-left='p1']").input_value() == "p2"
    assert paren.locator("[data-sb-feedback=incorrect]").is_visible()
    assert relaunched.locator("#q-enkel input[value='b']").is_checked()
    next_question(relaunched, "paren")
    for question in ORDER[4:]:
        answer(relaunched, question, RIGHT[question])
        next_question(relaunched, question)
    assert "85.71%" in relaunched.locator("[data-sb-score]").inner_text()


@pytest.mark.parametrize("version", VERSIONS)
def test_an_lms_that_fails_for_a_while_loses_nothing(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, version)
    frame.locator("[data-sb-nav=next]").click()
    page.evaluate("window.lmsDown = true")
    for question in ORDER[:2]:
        answer(frame, question, RIGHT[question])
        next_question(frame, question)
    assert "niet worden opgeslagen" in frame.locator("#sb-status").inner_text()
    assert written(page, "cmi.interactions.") == {}
    page.evaluate("window.lmsDown = false")
    frame.locator("#sb-status").filter(has_text="weer opgeslagen").wait_for(timeout=10000)
    interactions = written(page, "cmi.interactions.")
    assert interactions["cmi.interactions.0.id"] == "enkel"
    assert interactions["cmi.interactions.1.id"] == "meer"
    if version == "2004":  # 2 pages seen and 2 of 7 questions answered
        assert value(page, version, "cmi.progress_measure") == "0.44"
    for question in ORDER[2:]:
        answer(frame, question, RIGHT[question])
        next_question(frame, question)
    leave(page)
    raw = "cmi.core.score.raw" if version == "12" else "cmi.score.raw"
    assert value(page, version, raw) == "100"


def test_2004_objectives_are_found_by_id_not_position(
        page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    # As Moodle does, the LMS pre-fills the manifest's objectives, here in another order.
    state = {"cmi": {"objectives": [{"id": "toets.module"}, {"id": "mk-1.2"}, {"id": "mk-1.1"}]}}
    frame = launch(page, server, site, packages, "2004", state)
    take_quiz(frame, dict(RIGHT, woord=WRONG["woord"]))
    leave(page)
    assert int(value(page, "2004", "cmi.objectives._count")) == 3
    assert value(page, "2004", "cmi.objectives.1.id") == "mk-1.2"
    assert value(page, "2004", "cmi.objectives.1.score.raw") == "66.67"
    assert value(page, "2004", "cmi.objectives.2.score.raw") == "100"


def test_retry_starts_a_new_attempt_until_the_attempts_are_used(
        page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, "12")
    take_quiz(frame, WRONG)
    assert "Je kunt de toets nog 1 keer maken." in frame.locator("#sb-result").inner_text()
    frame.locator("[data-sb-retry]").click()
    assert frame.locator("#q-enkel").is_visible()
    assert not frame.locator("#q-enkel input[value='a']").is_checked()
    for question in ORDER:
        answer(frame, question, RIGHT[question])
        next_question(frame, question)
    assert "100%" in frame.locator("[data-sb-score]").inner_text()
    assert "Je hebt al je pogingen gebruikt." in frame.locator("#sb-result").inner_text()
    assert frame.locator("[data-sb-retry]").is_hidden()
    assert value(page, "12", "cmi.core.lesson_status") == "passed"


def test_without_an_lms_the_quiz_works_fully(page, server: str, site: Path,  # type: ignore[no-untyped-def]
                                             packages: Path) -> None:
    prefix = unpack(packages / "scorm12" / "01-toets.zip", site, "quiz-standalone")
    page.goto(f"{server}{prefix}/toets/index.html")
    assert page.locator("#sb-status").inner_text().startswith("Je bekijkt deze module buiten")
    take_quiz(page, RIGHT)
    assert "Je score is 100%. Je hebt de toets gehaald." in page.locator("[data-sb-score]").inner_text()


def test_shuffles_differ_between_learners_and_hold_for_one(
        page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    def orders(learner: str) -> list[list[str]]:
        frame = launch(page, server, site, packages, "12",
                       {"cmi": {"core": {"student_id": learner}}})
        return [frame.locator(f"#q-{q} [data-sb-shuffle] input, #q-{q} [data-sb-shuffle] select")
                .evaluate_all("els => els.map(e => e.value || e.getAttribute('data-sb-item'))")
                for q in ("enkel", "meer", "volgorde")]

    first = orders("learner-1")
    assert orders("learner-1") == first
    assert orders("learner-2") != first
