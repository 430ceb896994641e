"""Every quizzed module of every course in courses/, run in Chromium against scorm-again as
SCORM 1.2: a learner who answers every question right passes, and the LMS holds one passed
objective per competence the module lists (a cross-framework mapping included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scormbuild.api import check_courses
from scormbuild.diagnostics import Sink
from scormbuild.model import Module, Question, QuestionType
from tests.browser import lms
from tests.browser.test_quiz import objectives
from tests.conftest import COURSES, run

FOLDERS = sorted(p.parent for p in COURSES.glob("*/course.toml"))
MODULES = [(course.id, module) for course in check_courses(tuple(FOLDERS), Sink())
           for module in course.modules if module.quiz]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("courses")
    result = run("make", *FOLDERS, "--out", out, "--format", "scorm12", "--per", "module")
    assert result.exit_code == 0, result.stderr
    return out


def right_answer(frame: Any, question: Question) -> None:
    """Fill in the right answer the way a learner would, from the question's own data."""
    fieldset = frame.locator(f"#q-{question.id}")
    if question.type is QuestionType.TRUEFALSE:
        fieldset.locator(f"input[value='{str(question.truth).lower()}']").check()
    elif question.type in (QuestionType.SINGLE, QuestionType.MULTIPLE):
        for option in question.correct_ids:
            fieldset.locator(f"input[value='{option}']").check()
    elif question.type is QuestionType.MATCHING:
        for pair in question.pairs:
            fieldset.locator(f"select[data-sb-left='{pair.id}']").select_option(pair.id)
    elif question.type is QuestionType.ORDERING:
        for position, item in enumerate(question.correct_ids, start=1):
            fieldset.locator(f"select[data-sb-item='{item}']").select_option(str(position))
    elif question.type is QuestionType.TEXT:
        fieldset.locator("input").fill(question.accepted[0])
    else:
        fieldset.locator("input").fill(f"{question.value:g}")
    fieldset.locator("[data-sb-check]").click()
    fieldset.locator("[data-sb-next-question]").click()


def take(frame: Any, module: Module) -> None:
    """Page to the quiz, then answer the questions in the order this learner sees them."""
    assert module.quiz is not None
    by_id = {q.id: q for q in module.quiz.questions}
    for _ in range(len(module.pages) + bool(module.resources)):
        frame.locator("[data-sb-nav=next]").click()
    for _ in by_id:
        shown = frame.locator("fieldset.sb-question:visible").first.get_attribute(
            "data-sb-question")
        right_answer(frame, by_id[shown])


@pytest.mark.parametrize(("course", "module"), MODULES,
                         ids=[f"{c}/{m.id}" for c, m in MODULES])
def test_a_right_run_reports_every_listed_competence_as_passed(
        course: str, module: Module, page, server: str, site: Path,  # type: ignore[no-untyped-def]
        built: Path) -> None:
    [package] = (built / course / "scorm12").glob(f"*-{module.id}.zip")
    frame = lms.launch(page, server, site, package, "12", module.id)
    take(frame, module)
    assert "100%" in frame.locator("[data-sb-score]").inner_text()
    lms.leave(page)
    assert lms.value(page, "12", "cmi.core.lesson_status") == "passed"
    assert objectives(page, "12") == {
        i: {"score.raw": "100", "status": "passed"}
        for i in (f"{module.id}.module", *module.competences)}
