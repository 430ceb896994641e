"""Structural checks for single-file outputs: a Moodle XML question bank (a competency CSV
follows). Each message says what Moodle would do with the file."""

from __future__ import annotations

from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.validate.archive import PackageError, parse_xml

#: Question types this validator knows: Moodle core types (question/type/*).
KNOWN_TYPES = {"category", "multichoice", "truefalse", "match", "ordering", "shortanswer",
               "numerical", "essay", "description", "calculated", "ddwtos", "gapselect",
               "multianswer", "randomsamatch", "calculatedsimple", "calculatedmulti"}
GRADE_PERCENTAGES = {100.0, 90.0, 83.33333, 80.0, 75.0, 70.0, 66.66667, 60.0, 50.0, 40.0,
                     33.33333, 30.0, 25.0, 20.0, 16.66667, 14.28571, 12.5, 11.11111, 10.0, 5.0,
                     0.0}


def check_question_bank(data: bytes, shown: str, sink: Sink) -> None:
    try:
        root = parse_xml(data, "the question bank")
    except PackageError as error:
        sink.error(shown, error.code, error.message)
        return
    if root.tag != "quiz":
        sink.error(shown, "SB411", f"the root element is <{root.tag}>, Moodle expects <quiz>",
                   line=root.sourceline or 0)
        return
    for question in root.iter("question"):
        _check_question(question, shown, sink)


def _check_question(question: etree._Element, shown: str, sink: Sink) -> None:
    kind = question.get("type", "")
    line = question.sourceline or 0
    if kind not in KNOWN_TYPES:
        sink.error(shown, "SB411", f"question type '{kind}' is not a Moodle core type; Moodle "
                   "skips the question", line=line)
        return
    answers = question.findall("answer")
    if kind in {"multichoice", "truefalse", "shortanswer", "numerical", "ordering"} and not answers:
        sink.error(shown, "SB411", f"a {kind} question without answers", line=line)
    if kind == "match" and len(question.findall("subquestion")) < 2:
        sink.error(shown, "SB411", "a match question needs at least two pairs", line=line)
    if kind in {"multichoice", "truefalse", "shortanswer", "numerical"}:
        _check_fractions(question, answers, kind, shown, sink)


def _check_fractions(question: etree._Element, answers: list[etree._Element], kind: str,
                     shown: str, sink: Sink) -> None:
    fractions = []
    for answer in answers:
        try:
            fraction = float(answer.get("fraction", "0"))
        except ValueError:
            fraction = float("nan")
        if abs(fraction) not in GRADE_PERCENTAGES:
            sink.error(shown, "SB411", f"grade fraction {answer.get('fraction')} is not one of "
                       "Moodle's; Moodle refuses the whole import", line=answer.sourceline or 0)
        fractions.append(fraction)
    single = question.findtext("single", "true").strip() in ("true", "1")
    if kind == "multichoice" and not single:
        total = sum(f for f in fractions if f > 0)
        if abs(total - 100) > 0.01:
            sink.error(shown, "SB411", f"the right answers add up to {total:g}%, not 100%",
                       line=question.sourceline or 0)
    elif fractions and max(fractions) != 100:
        sink.error(shown, "SB411", "no answer gets the full mark", line=question.sourceline or 0)
