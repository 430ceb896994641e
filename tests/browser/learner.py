"""A scripted learner: answers the questions of the `alletypes` fixture through the page."""

from __future__ import annotations

from typing import Any

#: The right answer to each question of tests/fixtures/alletypes, in the learner's terms.
RIGHT: dict[str, Any] = {
    "enkel": "b", "meer": ["a", "c"], "waar": "false",
    "paren": {"p1": "p1", "p2": "p2", "p3": "p3"},
    "volgorde": ["c", "a", "b"], "woord": "  Budget   Plan ", "getal": "42,3",
}
WRONG: dict[str, Any] = {
    "enkel": "a", "meer": ["a", "b"], "waar": "true",
    "paren": {"p1": "p2", "p2": "p1", "p3": "p3"},
    "volgorde": ["a", "b", "c"], "woord": "huishoudboekje", "getal": "40",
}
TYPES = {"enkel": "single", "meer": "multiple", "waar": "truefalse", "paren": "matching",
         "volgorde": "ordering", "woord": "text", "getal": "numeric"}
ORDER = list(TYPES)


def answer(frame: Any, question: str, value: Any) -> None:
    """Fill in one question's form the way a learner would, then check it."""
    fieldset = frame.locator(f"#q-{question}")
    kind = TYPES[question]
    if kind in ("single", "truefalse"):
        fieldset.locator(f"input[value='{value}']").check()
    elif kind == "multiple":
        for option in value:
            fieldset.locator(f"input[value='{option}']").check()
    elif kind == "matching":
        for left, right in value.items():
            fieldset.locator(f"select[data-sb-left='{left}']").select_option(right)
    elif kind == "ordering":
        for position, item in enumerate(value, start=1):
            fieldset.locator(f"select[data-sb-item='{item}']").select_option(str(position))
    else:
        fieldset.locator("input").fill(value)
    fieldset.locator("[data-sb-check]").click()


def next_question(frame: Any, question: str) -> None:
    frame.locator(f"#q-{question} [data-sb-next-question]").click()


def take_quiz(frame: Any, answers: dict[str, Any]) -> None:
    """Go to the quiz page and answer every question, then ask for the result."""
    frame.locator("[data-sb-nav=next]").click()
    for question in ORDER:
        answer(frame, question, answers[question])
        next_question(frame, question)
