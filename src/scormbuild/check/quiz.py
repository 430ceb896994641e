"""Check quiz.toml: question types, answers against options, competences; build the Quiz."""

from __future__ import annotations

from typing import Any, Callable

from scormbuild.check.ids import TOKEN_FORM, check_id, check_unique, suggest, text, texts
from scormbuild.check.framework import competence_hint
from scormbuild.check.schema import at, check_shape
from scormbuild.check.shapes import QUESTION, QUIZ
from scormbuild.diagnostics import Sink
from scormbuild.load.files import TomlDocument
from scormbuild.load.toml_index import KeyPath
from scormbuild.model import Framework, Option, Pair, Question, QuestionType, Quiz

_TYPES = [t.value for t in QuestionType]
#: The runtime saves a chosen option as one base-36 digit (quiz.js `pack`); 20 keeps the
#: page usable on a phone as well.
MAX_CHOICES = 20
#: Numbers of right options whose equal share is one of Moodle's grade fractions (1/n).
EQUAL_SHARES = frozenset((*range(1, 11), 20))


def check_quiz(document: TomlDocument, framework: Framework, sink: Sink) -> Quiz | None:
    """The quiz, or None after reporting every problem."""
    data = document.data
    ok = check_shape(document, data, QUIZ, sink)
    if ok:
        ok = _check_range(document, data, "mastery_score", 0, 100, sink)
        ok = _check_range(document, data, "attempts", 0, 99, sink) and ok
    raw_questions = data.get("questions") if isinstance(data.get("questions"), list) else []
    questions = []
    for i, raw in enumerate(raw_questions):
        path = ("questions", i)
        if not isinstance(raw, dict) or not check_shape(document, raw, QUESTION, sink, path):
            ok = False
            continue
        question = _check_question(document, raw, path, framework, sink)
        ok = question is not None and ok
        if question:
            questions.append(question)
    ids = [(q["id"], ("questions", i, "id")) for i, q in enumerate(raw_questions)
           if isinstance(q, dict) and isinstance(q.get("id"), str)]
    ok = check_unique(document, ids, "question", sink) and ok
    if not ok:
        return None
    return Quiz(mastery_score=data["mastery_score"], questions=tuple(questions),
                title=text(data, "title"), intro=text(data, "intro"),
                attempts=data.get("attempts", 0), shuffle=data.get("shuffle", False))


def _check_range(document: TomlDocument, data: dict[str, Any], key: str, low: int, high: int,
                 sink: Sink) -> bool:
    if key in data and not low <= data[key] <= high:
        sink.error(document.shown, "SB203", f"must be between {low} and {high}",
                   **at(document, (key,)))
        return False
    return True


def _check_question(document: TomlDocument, raw: dict[str, Any], path: KeyPath,
                    framework: Framework, sink: Sink) -> Question | None:
    ok = check_id(document, raw["id"], path + ("id",), sink)
    if raw["competence"] not in framework.assessable_ids():
        sink.error(document.shown, "SB205", f"unknown competence id '{raw['competence']}'",
                   hint=competence_hint(framework, raw["competence"]),
                   **at(document, path + ("competence",)))
        ok = False
    if raw["type"] not in _TYPES:
        sink.error(document.shown, "SB209", f"unsupported question type '{raw['type']}'",
                   hint=suggest(raw["type"], _TYPES) or "use one of " + ", ".join(_TYPES),
                   **at(document, path + ("type",)))
        return None
    kind = QuestionType(raw["type"])
    answer = _ANSWER_RULES[kind](document, raw, path, sink)
    if not ok or answer is None:
        return None
    weight = raw.get("weight", 1)
    if weight <= 0:
        sink.error(document.shown, "SB203", "weight must be above 0", **at(document, path + ("weight",)))
        return None
    return Question(id=raw["id"], type=kind, competence=raw["competence"],
                    prompt=text(raw, "prompt"), feedback_correct=text(raw, "feedback_correct"),
                    feedback_incorrect=text(raw, "feedback_incorrect"), weight=float(weight),
                    **answer)


AnswerFields = dict[str, Any]


def _expect_keys(document: TomlDocument, raw: dict[str, Any], path: KeyPath, kind: str,
                 required: tuple[str, ...], forbidden: tuple[str, ...], sink: Sink) -> bool:
    ok = True
    for key in required:
        if key not in raw:
            sink.error(document.shown, "SB202", f"a {kind} question needs '{key}'",
                       **at(document, path))
            ok = False
    for key in forbidden:
        if key in raw:
            sink.error(document.shown, "SB201", f"a {kind} question has no '{key}'",
                       **at(document, path + (key,)))
            ok = False
    return ok


def _options(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink,
             need_feedback: bool) -> tuple[Option, ...] | None:
    options = raw.get("options", [])
    ok = True
    if not 2 <= len(options) <= MAX_CHOICES:
        sink.error(document.shown, "SB203", f"give between 2 and {MAX_CHOICES} options",
                   **at(document, path + ("options",)))
        ok = False
    for j, item in enumerate(options):
        ok = check_id(document, item["id"], path + ("options", j, "id"), sink, TOKEN_FORM) and ok
        if need_feedback and not text(item, "feedback"):
            sink.warning(document.shown, "SB211", "option has no feedback",
                         hint="say why this answer is right or wrong",
                         **at(document, path + ("options", j)))
    ids = [(o["id"], path + ("options", j, "id")) for j, o in enumerate(options)]
    ok = check_unique(document, ids, "option", sink) and ok
    if not ok:
        return None
    return tuple(Option(o["id"], text(o, "text"), text(o, "feedback")) for o in options)


def _unknown_options(document: TomlDocument, chosen: list[str], options: tuple[Option, ...],
                     path: KeyPath, sink: Sink) -> bool:
    known = [o.id for o in options]
    missing = [c for c in chosen if c not in known]
    for value in missing:
        sink.error(document.shown, "SB206", f"correct answer '{value}' is not among the options",
                   hint=suggest(value, known) or "options: " + ", ".join(known),
                   **at(document, path + ("correct",)))
    return not missing


def _choice(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink
            ) -> AnswerFields | None:
    kind = raw["type"]
    if not _expect_keys(document, raw, path, kind, ("options", "correct"), ("pairs", "tolerance"),
                        sink):
        return None
    options = _options(document, raw, path, sink, need_feedback=True)
    correct = raw["correct"]
    if kind == QuestionType.SINGLE and not isinstance(correct, str):
        sink.error(document.shown, "SB203", 'a single question has one correct option id, e.g. "b"',
                   **at(document, path + ("correct",)))
        return None
    if kind == QuestionType.MULTIPLE and not (
            isinstance(correct, list) and correct and all(isinstance(c, str) for c in correct)):
        sink.error(document.shown, "SB203",
                   'a multiple question has a list of correct option ids, e.g. ["a", "c"]',
                   **at(document, path + ("correct",)))
        return None
    chosen = [correct] if isinstance(correct, str) else list(correct)
    if options is None or not _unknown_options(document, chosen, options, path, sink):
        return None
    if len(chosen) not in EQUAL_SHARES:
        sink.error(document.shown, "SB203",
                   f"Moodle cannot share a mark equally over {len(chosen)} right options",
                   hint="use 1 to 10 (or 20) right options", **at(document, path + ("correct",)))
        return None
    return {"options": options, "correct_ids": tuple(chosen)}


def _truefalse(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink
               ) -> AnswerFields | None:
    if not _expect_keys(document, raw, path, "truefalse", ("correct",),
                        ("options", "pairs", "tolerance"), sink):
        return None
    if not isinstance(raw["correct"], bool):
        sink.error(document.shown, "SB203", "a truefalse question has correct = true or false",
                   **at(document, path + ("correct",)))
        return None
    return {"truth": raw["correct"]}


def _ordering(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink
              ) -> AnswerFields | None:
    if not _expect_keys(document, raw, path, "ordering", ("options", "correct"),
                        ("pairs", "tolerance"), sink):
        return None
    options = _options(document, raw, path, sink, need_feedback=False)
    correct = raw["correct"]
    if not isinstance(correct, list) or not all(isinstance(c, str) for c in correct):
        sink.error(document.shown, "SB203", "an ordering question lists every option id in order",
                   **at(document, path + ("correct",)))
        return None
    if options is None or not _unknown_options(document, correct, options, path, sink):
        return None
    if sorted(correct) != sorted(o.id for o in options):
        sink.error(document.shown, "SB206",
                   "the correct order must name every option exactly once",
                   **at(document, path + ("correct",)))
        return None
    return {"options": options, "correct_ids": tuple(correct)}


def _matching(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink
              ) -> AnswerFields | None:
    if not _expect_keys(document, raw, path, "matching", ("pairs",),
                        ("options", "correct", "tolerance"), sink):
        return None
    pairs = raw["pairs"]
    ok = True
    if not 2 <= len(pairs) <= MAX_CHOICES:
        sink.error(document.shown, "SB203", f"give between 2 and {MAX_CHOICES} pairs",
                   **at(document, path + ("pairs",)))
        ok = False
    for j, item in enumerate(pairs):
        ok = check_id(document, item["id"], path + ("pairs", j, "id"), sink, TOKEN_FORM) and ok
    ids = [(p["id"], path + ("pairs", j, "id")) for j, p in enumerate(pairs)]
    ok = check_unique(document, ids, "pair", sink) and ok
    if not ok:
        return None
    return {"pairs": tuple(Pair(p["id"], text(p, "left"), text(p, "right")) for p in pairs)}


def _text(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink
          ) -> AnswerFields | None:
    if not _expect_keys(document, raw, path, "text", ("correct",),
                        ("options", "pairs", "tolerance"), sink):
        return None
    accepted = raw["correct"]
    if isinstance(accepted, str):
        accepted = [accepted]
    if not (isinstance(accepted, list) and accepted
            and all(isinstance(a, str) and a.strip() for a in accepted)):
        sink.error(document.shown, "SB203", "a text question lists its accepted answers",
                   hint='e.g. correct = ["budgetcoach", "budget coach"]',
                   **at(document, path + ("correct",)))
        return None
    return {"accepted": texts({"a": accepted}, "a")}


def _numeric(document: TomlDocument, raw: dict[str, Any], path: KeyPath, sink: Sink
             ) -> AnswerFields | None:
    if not _expect_keys(document, raw, path, "numeric", ("correct",), ("options", "pairs"), sink):
        return None
    value = raw["correct"]
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        sink.error(document.shown, "SB203", "a numeric question has a number as correct answer",
                   **at(document, path + ("correct",)))
        return None
    tolerance = raw.get("tolerance", 0)
    if tolerance < 0:
        sink.error(document.shown, "SB203", "tolerance must not be negative",
                   **at(document, path + ("tolerance",)))
        return None
    return {"value": float(value), "tolerance": float(tolerance)}


_ANSWER_RULES: dict[QuestionType, Callable[..., AnswerFields | None]] = {
    QuestionType.SINGLE: _choice,
    QuestionType.MULTIPLE: _choice,
    QuestionType.TRUEFALSE: _truefalse,
    QuestionType.ORDERING: _ordering,
    QuestionType.MATCHING: _matching,
    QuestionType.TEXT: _text,
    QuestionType.NUMERIC: _numeric,
}
