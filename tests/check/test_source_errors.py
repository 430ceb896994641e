"""Every kind of bad input gets its message at its file and line, and nothing is written.

Each case edits one file of the test course and names the diagnostic line it expects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import pytest

from tests.conftest import run


def replace(relative: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(course: Path) -> None:
        path = course / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture no longer holds {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return edit


def append(relative: str, text: str) -> Callable[[Path], None]:
    def edit(course: Path) -> None:
        path = course / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as stream:
            stream.write(text)
    return edit


def write_bytes(relative: str, data: bytes) -> Callable[[Path], None]:
    def edit(course: Path) -> None:
        path = course / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return edit


DUPLICATE_QUESTION = '''
[[questions]]
id = "kies-een"
type = "truefalse"
competence = "mk-1.1"
prompt = "Nog een?"
correct = false
feedback_correct = "Ja."
feedback_incorrect = "Nee."
'''

CASES = {
    "toml syntax error": (
        replace("01-start/quiz.toml", "mastery_score = 80", "mastery_score = = 80"),
        "course/01-start/quiz.toml:1: error: TOML syntax error: Invalid value [SB102]"),
    "unknown key with suggestion": (
        replace("01-start/quiz.toml", 'feedback_correct = "Goed."', 'feedbak_correct = "Goed."'),
        "course/01-start/quiz.toml:9: error: questions[1].feedbak_correct: unknown key "
        "'feedbak_correct' (did you mean 'feedback_correct'?) [SB201]"),
    "missing required key": (
        replace("01-start/quiz.toml", 'prompt = "Klopt dit?"\n', ""),
        "course/01-start/quiz.toml:22: error: questions[2]: missing required key 'prompt' "
        "[SB202]"),
    "duplicate question id": (
        append("01-start/quiz.toml", DUPLICATE_QUESTION),
        "course/01-start/quiz.toml:49: error: questions[4].id: duplicate question id "
        "'kies-een' (first used at line 4) [SB204]"),
    "unknown competence": (
        replace("01-start/quiz.toml", 'competence = "mk-1.2"', 'competence = "mk-1.3"'),
        "course/01-start/quiz.toml:25: error: questions[2].competence: unknown competence id "
        "'mk-1.3' (did you mean 'mk-1.2'?) [SB205]"),
    "correct answer not among options": (
        replace("01-start/quiz.toml", 'correct = "b"', 'correct = "c"'),
        "course/01-start/quiz.toml:8: error: questions[1].correct: correct answer 'c' is not "
        "among the options (options: a, b) [SB206]"),
    "missing media file": (
        replace("02-verder/01-plan.md", "media/schema.png", "media/ontbreekt.png"),
        "course/02-verder/01-plan.md:4: error: file 'media/ontbreekt.png' does not exist "
        "[SB207]"),
    "missing page": (
        replace("01-start/01-welkom.md", "02-tweede.md", "03-derde.md"),
        "course/01-start/01-welkom.md:4: error: page '03-derde.md' does not exist (pages in "
        "this module: 01-welkom.md, 02-tweede.md) [SB207]"),
    "empty module": (
        append("03-leeg/module.toml", 'title = "Leeg"\ndescription = "Niets."\n'
               'competences = ["mk-plan"]\n'),
        "course/03-leeg: error: module has no pages (add a Markdown page such as "
        "01-inleiding.md) [SB208]"),
    "unsupported question type": (
        replace("01-start/quiz.toml", 'type = "truefalse"', 'type = "essay"'),
        "course/01-start/quiz.toml:24: error: questions[2].type: unsupported question type "
        "'essay' (use one of single, multiple, truefalse, matching, ordering, text, numeric) "
        "[SB209]"),
    "file not utf-8": (
        write_bytes("01-start/02-tweede.md", '+++\ntitle = "Tweede"\n+++\nCaf\u00e9\n'
                    .encode("latin-1")),
        "course/01-start/02-tweede.md:4: error: file is not UTF-8 (byte 0xe9) (save the file "
        "with UTF-8 encoding) [SB101]"),
    "duplicate module id": (
        append("02-verder/module.toml", 'id = "start"\n'),
        "course/02-verder: error: duplicate module id 'start' (also the id of course/01-start) "
        "[SB204]"),
    "unknown module type": (
        append("02-verder/module.toml", 'type = "wijzer"\n'),
        "course/02-verder/module.toml:4: error: type: unknown module type 'wijzer' (did you mean "
        "'competentiewijzer'?) [SB203]"),
    "competentiewijzer with a three-point scale": (
        append("02-verder/module.toml", 'type = "competentiewijzer"\nproficient = 2\n'
               + "".join(f'[[scale]]\nvalue = {v}\nlabel = "L"\ndescription = "D"\n'
                         for v in (1, 2, 3))),
        "course/02-verder/module.toml:6: error: scale: a competentiewijzer needs a scale of 4 "
        "or 5 points, not 3 [SB213]"),
    "competentiewijzer with a quiz": (
        replace("01-start/module.toml", "duration = 15", 'duration = 15\ntype = "competentiewijzer"'),
        "course/01-start/module.toml:6: error: type: a competentiewijzer module cannot have a "
        "quiz.toml (move the quiz to a module of its own) [SB214]"),
    "page id taken by a generated page": (
        append("01-start/03-toets.md", '+++\ntitle = "Toets"\n+++\nTekst.\n'),
        "course/01-start/03-toets.md:1: error: page id 'toets' is the id of a page scormbuild "
        "adds itself (rename the file or give it another id = \"...\") [SB204]"),
    "module folder with capitals": (
        append("03-Afronden/01-pagina.md", '+++\ntitle = "Extra"\n+++\nTekst.\n'),
        "course/03-Afronden: error: module folder '03-Afronden' may only hold lowercase letters, "
        "digits and - after its order prefix (rename it to '03-afronden') [SB104]"),
    "cluster that has competences": (
        replace("01-start/quiz.toml", 'competence = "mk-1.2"', 'competence = "mk-contact"'),
        "course/01-start/quiz.toml:25: error: questions[2].competence: unknown competence id "
        "'mk-contact' (cluster 'mk-contact' has competences: name one of them (mk-1.1, mk-1.2)) "
        "[SB205]"),
    "negative duration": (
        replace("01-start/module.toml", "duration = 15", "duration = -5"),
        "course/01-start/module.toml:5: error: duration: duration is in minutes, from 0 to 600 "
        "[SB203]"),
    "reason for a competence the module does not list": (
        append("01-start/module.toml", '[why]\n"mk-1.1" = "Contact leggen."\n'
               '"mk-plan" = "Plannen."\n'),
        "course/01-start/module.toml:8: error: why.mk-plan: 'mk-plan' is not in this module's "
        "competences (add it to competences or remove the reason) [SB216]"),
    "resource naming an unknown framework reference": (
        replace("01-start/aan-de-slag.toml", 'title = "Een handreiking"',
                'reference = "handreikng"'),
        "course/01-start/aan-de-slag.toml:3: error: resources[1].reference: framework 'mini' "
        "has no reference 'handreikng' (did you mean 'handreiking'?) [SB205]"),
    "resource with a reference and an address of its own": (
        replace("01-start/aan-de-slag.toml", 'title = "Een voorbeeldsite"',
                'reference = "handreiking"'),
        "course/01-start/aan-de-slag.toml:14: error: resources[2].url: a resource that names a "
        "reference takes its address (remove 'url'; the framework gives "
        "https://example.org/handreiking.pdf) [SB203]"),
    "resource without title or reference": (
        replace("01-start/aan-de-slag.toml", 'title = "Een handreiking"\n', ""),
        "course/01-start/aan-de-slag.toml:1: error: resources[1]: missing required key 'title' "
        "(or name a framework reference with 'reference') [SB202]"),
    "module folder without order prefix": (
        append("extra/01-pagina.md", '+++\ntitle = "Extra"\n+++\nTekst.\n'),
        "course/extra: error: module folder 'extra' has no order prefix (rename it like "
        "'01-extra') [SB104]"),
}


@pytest.fixture
def untouched_dist(workdir: Path) -> Path:
    """An output folder with an earlier build in it, which a failed build must leave alone."""
    dist = workdir / "dist"
    dist.mkdir()
    (dist / "earlier.zip").write_bytes(b"earlier build")
    return dist


def assert_untouched(workdir: Path, dist: Path) -> None:
    assert sorted(p.name for p in dist.rglob("*")) == ["earlier.zip"]
    assert (dist / "earlier.zip").read_bytes() == b"earlier build"
    assert sorted(p.name for p in workdir.iterdir()) == ["course", "dist"], "staging left behind"


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_reported_at_its_place_and_nothing_is_written(
        case: str, course: Path, workdir: Path, untouched_dist: Path) -> None:
    edit, expected = CASES[case]
    edit(course)
    result = run("make", "course", "--out", "dist")
    assert result.exit_code == 1
    assert expected in result.stderr.splitlines(), result.stderr
    assert "nothing was written" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert_untouched(workdir, untouched_dist)


def test_every_problem_is_reported_in_one_run(course: Path, workdir: Path,
                                               untouched_dist: Path) -> None:
    for case in ("unknown key with suggestion", "missing media file", "file not utf-8",
                 "module folder without order prefix", "unknown competence"):
        CASES[case][0](course)
    result = run("make", "course", "--out", "dist")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    for case in ("unknown key with suggestion", "missing media file", "file not utf-8",
                 "module folder without order prefix", "unknown competence"):
        assert CASES[case][1] in lines
    assert "6 errors" in result.stderr  # the misspelt key is also a missing one
    assert_untouched(workdir, untouched_dist)


def test_check_command_reports_the_same_diagnostics_as_json(course: Path) -> None:
    CASES["unknown competence"][0](course)
    result = run("check", "course", "--json")
    assert result.exit_code == 1
    [diagnostic] = json.loads(result.stdout)
    assert diagnostic == {
        "path": "course/01-start/quiz.toml", "line": 25, "where": "questions[2].competence",
        "severity": "error", "code": "SB205", "message": "unknown competence id 'mk-1.3'",
        "hint": "did you mean 'mk-1.2'?",
    }


def test_two_problems_at_one_place_are_both_reported(course: Path) -> None:
    replace("01-start/quiz.toml", 'prompt = "Klopt dit?"\n', "")(course)
    replace("01-start/quiz.toml", 'feedback_correct = "Ja."\nfeedback_incorrect = "Nee."\n\n'
            '[[questions]]\nid = "volgorde"', '[[questions]]\nid = "volgorde"')(course)
    result = run("check", "course")
    assert result.stderr.splitlines() == [
        "course/01-start/quiz.toml:22: error: questions[2]: missing required key 'feedback_correct' "
        "[SB202]",
        "course/01-start/quiz.toml:22: error: questions[2]: missing required key "
        "'feedback_incorrect' [SB202]",
        "course/01-start/quiz.toml:22: error: questions[2]: missing required key 'prompt' [SB202]",
        "3 errors, 0 warnings",
    ]


def test_modules_are_checked_even_when_course_toml_has_an_error(course: Path) -> None:
    replace("course.toml", 'levels = ["hbo"]', 'levels = ["universiteit"]')(course)
    CASES["unknown competence"][0](course)
    lines = run("check", "course").stderr.splitlines()
    assert CASES["unknown competence"][1] in lines
    assert any(line.startswith("course/course.toml:9: error: levels[1]: 'universiteit'")
               for line in lines)


def test_a_question_on_an_unlisted_competence_is_a_warning_at_that_question(course: Path) -> None:
    replace("01-start/module.toml", '["mk-1.1", "mk-1.2"]', '["mk-1.1"]')(course)
    result = run("check", "course")
    assert result.exit_code == 0
    assert ("course/01-start/quiz.toml:25: warning: questions[2].competence: this question tests "
            "'mk-1.2', which module.toml does not list (add it to competences in module.toml) "
            "[SB212]") in result.stderr.splitlines()
    assert run("check", "course", "--strict").exit_code == 1


def test_a_missing_course_folder_is_a_usage_error(workdir: Path) -> None:
    result = run("check", "nergens")
    assert result.exit_code == 2
    assert "'nergens' does not exist" in result.stderr
