"""The saved learner state fits SCORM 1.2's 4,096 characters: measured in Chromium for a
40-question quiz answered at maximum size and for the largest module in courses/, and never
above the bound the build checks (check/saved_state.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path


from scormbuild.api import check_courses
from scormbuild.check.saved_state import SCORM12_SUSPEND_LIMIT, saved_state_bound
from scormbuild.diagnostics import Sink
from tests.browser.conftest import unpack
from tests.conftest import COURSES, FIXTURES, run

#: Sixty characters that are hard on a JSON-based state: quotes, backslashes, accents, emoji.
WORST_TEXT = ('"\\é😀' * 15)[:60]
TYPES = ["text", "ordering", "matching", "multiple", "numeric", "single", "truefalse"]


def big_quiz(size: int) -> str:
    parts = ["mastery_score = 70\nattempts = 0\nshuffle = true\n"]
    for n in range(size):
        kind = TYPES[n % len(TYPES)]
        parts.append(f'\n[[questions]]\nid = "v{n}"\ntype = "{kind}"\ncompetence = "mk-1.1"\n'
                     f'prompt = "Vraag {n}"\nfeedback_correct = "Ja."\nfeedback_incorrect = "Nee."\n')
        options = [f"o{i}" for i in range(20)]
        if kind == "text":
            parts.append('correct = ["antwoord"]\n')
        elif kind == "numeric":
            parts.append("correct = 12\n")
        elif kind == "truefalse":
            parts.append("correct = true\n")
        elif kind == "matching":
            parts.append("".join(f'[[questions.pairs]]\nid = "p{i}"\nleft = "L{i}"\nright = "R{i}"\n'
                                 for i in range(20)))
        else:
            correct = {"ordering": options, "multiple": options[:2], "single": "o0"}[kind]
            parts.append(f"correct = {json.dumps(correct)}\n")
            parts.append("".join(f'[[questions.options]]\nid = "{o}"\ntext = "Optie {o}"\n'
                                 f'feedback = "Uitleg."\n' for o in options))
    return "".join(parts)


def answer_everything_at_maximum(frame) -> None:  # type: ignore[no-untyped-def]
    frame.locator("#title-toets").wait_for()
    for fieldset in frame.locator("fieldset[data-sb-question]").all():
        kind = fieldset.get_attribute("data-sb-type")
        if kind in ("single", "truefalse"):
            fieldset.locator("input").first.check()
        elif kind == "multiple":
            for box in fieldset.locator("input").all():
                box.check()
        elif kind in ("ordering", "matching"):
            selects = fieldset.locator("select").all()
            for position, select in enumerate(selects, start=1):
                select.select_option(index=position if kind == "ordering" else
                                     len(selects) + 1 - position)
        elif kind == "numeric":
            fieldset.locator("input").fill("9" * 60)
        else:
            fieldset.locator("input").fill(WORST_TEXT)
        fieldset.locator("[data-sb-check]").click()
        fieldset.locator("[data-sb-next-question]").click()


def saved_after_answering(page, server: str, site: Path, package: Path, module: str) -> str:  # type: ignore[no-untyped-def]
    prefix = unpack(package, site, f"state-{module}")
    page.goto(f"{server}/host.html?version=12&launch={prefix}/{module}/index.html")
    frame = page.frame_locator("#sco")
    frame.locator("#sb-progress").wait_for()
    quiz_page = frame.locator("section[data-sb-page=toets]")
    while not quiz_page.is_visible():
        frame.locator("[data-sb-nav=next]").click()
    answer_everything_at_maximum(frame)
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.terminations === 1")
    assert page.evaluate("window.refused") == []
    return str(page.evaluate("window.API.getCMIValue('cmi.suspend_data')"))


def test_a_40_question_quiz_answered_at_maximum_fits(
        page, server: str, site: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    course = tmp_path / "course"
    shutil.copytree(FIXTURES / "alletypes", course)
    shutil.rmtree(course / "02-wijzer")
    (course / "01-toets" / "quiz.toml").write_text(big_quiz(40), encoding="utf-8")
    result = run("make", course, "--out", tmp_path / "dist", "--per", "module",
                 "--format", "scorm12", "--strict")
    assert result.exit_code == 0, result.stderr
    [checked] = check_courses((course,), Sink())
    bound = saved_state_bound(checked.modules[0], page_count=2)
    saved = saved_after_answering(page, server, site,
                                  tmp_path / "dist/alletypes/scorm12/01-toets.zip", "toets")
    state = json.loads(saved)
    assert state["c"] == "1" * 40 and len(state["r"]) == 40
    print(f"40 questions at maximum: {len(saved)} characters saved, bound {bound}")
    assert len(saved) <= bound <= SCORM12_SUSPEND_LIMIT, (len(saved), bound)


def test_the_largest_module_in_courses_fits(page, server: str, site: Path,  # type: ignore[no-untyped-def]
                                            tmp_path: Path) -> None:
    courses = check_courses(tuple(p for p in sorted(COURSES.iterdir())
                                  if (p / "course.toml").exists()), Sink())
    quiz_modules = [(c, m) for c in courses for m in c.modules if m.quiz]
    course, module = max(quiz_modules, key=lambda cm: saved_state_bound(cm[1], 10))
    result = run("make", COURSES / course.id, "--out", tmp_path / "dist", "--per", "module",
                 "--format", "scorm12")
    assert result.exit_code == 0, result.stderr
    package = tmp_path / "dist" / course.id / "scorm12" / f"{module.order:02d}-{module.id}.zip"
    saved = saved_after_answering(page, server, site, package, module.id)
    assert len(json.loads(saved)["r"]) == len(module.quiz.questions)
    print(f"largest module {module.id}: {len(saved)} characters saved")
    assert len(saved) <= SCORM12_SUSPEND_LIMIT


def test_the_build_warns_when_a_quiz_could_overflow(tmp_path: Path) -> None:
    course = tmp_path / "course"
    shutil.copytree(FIXTURES / "alletypes", course)
    (course / "01-toets" / "quiz.toml").write_text(big_quiz(130), encoding="utf-8")
    result = run("check", course)
    assert result.exit_code == 0  # a warning: strict LMSs may refuse the state
    assert "[SB215]" in result.stderr and "more than the 4096 SCORM 1.2 allows" in result.stderr
