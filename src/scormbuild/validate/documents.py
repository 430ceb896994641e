"""Structural checks for single-file outputs: a Moodle XML question bank and a competency
framework CSV. Each message says what Moodle would do with the file."""

from __future__ import annotations

import csv
import io
import json

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


#: The columns tool_lpimportcsv reads, in order (lang/en/tool_lpimportcsv.php).
COMPETENCY_HEADER = ["Parent ID number", "ID number", "Short name", "Description",
                     "Description format", "Scale values", "Scale configuration",
                     "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
                     "Cross-referenced competency ID numbers", "Exported ID (optional)",
                     "Is framework", "Taxonomy"]


def check_competency_csv(data: bytes, shown: str, sink: Sink) -> None:
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    except (UnicodeDecodeError, csv.Error) as error:
        sink.error(shown, "SB412", f"not a UTF-8 CSV file ({error})")
        return
    if not rows or rows[0] != COMPETENCY_HEADER:
        sink.error(shown, "SB412", "the header is not the 14 columns Moodle's competency "
                   "import reads", line=1, hint="Parent ID number, ID number, Short name, ...")
        return
    frameworks = [(n, r) for n, r in enumerate(rows[1:], start=2) if len(r) > 12 and r[12]]
    if len(frameworks) != 1:
        sink.error(shown, "SB412", f"{len(frameworks)} framework rows; Moodle needs exactly one")
    else:
        _check_scale(*frameworks[0], shown, sink)
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], start=2):
        row = row + [""] * (14 - len(row))
        if row[12]:
            continue
        if not row[1].strip() or not row[2].strip():
            sink.error(shown, "SB412", "a competency without ID number or short name; Moodle "
                       "drops it and everything below it", line=line)
        if row[1] in seen:
            sink.error(shown, "SB412", f"ID number '{row[1]}' is used twice", line=line,
                       hint=f"first at line {seen[row[1]]}")
        seen.setdefault(row[1], line)
    for line, row in enumerate(rows[1:], start=2):
        if len(row) > 12 and not row[12] and row[0] and row[0] not in seen:
            sink.error(shown, "SB412", f"parent '{row[0]}' does not exist; Moodle drops this "
                       "competency and everything below it", line=line)


def _check_scale(line: int, row: list[str], shown: str, sink: Sink) -> None:
    try:
        configuration = json.loads(row[6])
        roles = configuration[1:]
        has_default = any(item.get("scaledefault") for item in roles)
        has_proficient = any(item.get("proficient") for item in roles)
    except (ValueError, TypeError, AttributeError, IndexError):
        has_default = has_proficient = False
    if not row[5] or not has_default or not has_proficient:
        sink.error(shown, "SB412", "the framework's scale must list its values and name a "
                   "default and a proficient value", line=line)
