"""The Moodle XML question bank: a category per module, core types, Moodle's grade fractions,
the question id as idnumber and the competence as a tag."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import FIXTURES, run


@pytest.fixture
def bank(workdir: Path) -> etree._Element:
    shutil.copytree(FIXTURES / "alletypes", workdir / "course")
    result = run("make", "course", "--out", "dist", "--format", "moodlexml")
    assert result.exit_code == 0, result.stderr
    return etree.parse(str(workdir / "dist/alletypes/moodlexml/alletypes-vragenbank.xml")).getroot()


def question(bank: etree._Element, idnumber: str) -> etree._Element:
    [found] = [q for q in bank.iter("question") if q.findtext("idnumber") == idnumber]
    return found


def answers(element: etree._Element) -> list[tuple[str, str]]:
    return [(a.get("fraction"), a.findtext("text")) for a in element.findall("answer")]


def test_one_category_per_module_with_quiz_and_every_type_mapped(bank: etree._Element) -> None:
    categories = [q.findtext("category/text") for q in bank.iter("question")
                  if q.get("type") == "category"]
    assert categories == ["$course$/top/Alle vraagtypen/01 Toets met alle vraagtypen"]
    types = {q.findtext("idnumber"): q.get("type") for q in bank.iter("question")
             if q.get("type") != "category"}
    assert types == {"enkel": "multichoice", "meer": "multichoice", "waar": "truefalse",
                     "paren": "match", "volgorde": "ordering", "woord": "shortanswer",
                     "getal": "numerical"}
    for element in bank.iter("question"):
        if element.get("type") != "category":
            assert element.findtext("tags/tag/text") in ("mk-1.1", "mk-1.2")


def test_answers_and_fractions_are_what_moodle_accepts(bank: etree._Element) -> None:
    assert question(bank, "enkel").findtext("single") == "true"
    assert answers(question(bank, "enkel")) == [("0", "A"), ("100", "B"), ("0", "C")]
    assert answers(question(bank, "meer")) == [("50", "A"), ("-100", "B"), ("50", "C")]
    assert answers(question(bank, "waar")) == [("0", "true"), ("100", "false")]
    assert answers(question(bank, "volgorde")) == [("1", "Eerste"), ("2", "Tweede"), ("3", "Derde")]
    assert answers(question(bank, "woord")) == [("100", "budgetplan"), ("100", "budget plan"),
                                                ("0", "*")]
    getal = question(bank, "getal")
    assert answers(getal)[0] == ("100", "42") and getal.findtext("answer/tolerance") == "0.5"
    pairs = [(s.findtext("text"), s.findtext("answer/text"))
             for s in question(bank, "paren").findall("subquestion")]
    assert pairs == [("<p>Een</p>", "1"), ("<p>Twee</p>", "2"), ("<p>Drie</p>", "3")]


def test_feedback_reaches_every_answer(bank: etree._Element) -> None:
    enkel = question(bank, "enkel")
    assert "Goed gekozen." in enkel.findtext("generalfeedback/text")
    assert "B was juist." in enkel.findtext("incorrectfeedback/text")
    assert [a.findtext("feedback/text") for a in enkel.findall("answer")] == [
        "<p>A is het niet.</p>", "<p>B klopt.</p>", "<p>C is het niet.</p>"]


def test_validate_flags_a_bank_moodle_would_refuse(workdir: Path) -> None:
    bad = workdir / "bank.xml"
    bad.write_text('<?xml version="1.0"?><quiz><question type="multichoice"><single>false</single>'
                   '<answer fraction="40"><text>a</text></answer>'
                   '<answer fraction="35"><text>b</text></answer></question>'
                   '<question type="essayish"/></quiz>', encoding="utf-8")
    from scormbuild.diagnostics import Sink
    from scormbuild.validate import validate_document

    sink = Sink()
    validate_document(bad.read_bytes(), "bank.xml", sink)
    messages = [d.message for d in sink.diagnostics]
    assert "grade fraction 35 is not one of Moodle's; Moodle refuses the whole import" in messages
    assert "the right answers add up to 75%, not 100%" in messages
    assert "question type 'essayish' is not a Moodle core type; Moodle skips the question" in messages
