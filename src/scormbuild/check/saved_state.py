"""Bound the learner state a module saves in suspend_data by SCORM 1.2's 4,096 characters.

The bound follows the runtime's packing (templates/runtime/player.js `encodeState`,
quiz.js `pack`): a fixed frame, one bit per page, three characters per question for its flags
and separators, then the largest packed answer of each question: one character per option or
pair, 1 for true/false, and 62 for text and numbers (60 characters of text, quoted; the
runtime removes what JSON would escape). A wijzer adds one digit per competence.
"""

from __future__ import annotations

from scormbuild.diagnostics import Sink
from scormbuild.model import Module, QuestionType

SCORM12_SUSPEND_LIMIT = 4096
_FRAME = 80  # keys, punctuation, version, attempt (up to 2 digits), question index
_PER_QUESTION = 3  # checked bit, right bit, the comma between answers
_QUOTES = 2
_TEXT_LIMIT = 60  # the answer inputs' maxlength; quiz.js TEXT_LIMIT


def saved_state_bound(module: Module, page_count: int) -> int:
    """The most characters this module can ever write to suspend_data."""
    total = _FRAME + page_count
    if module.quiz is not None:
        for question in module.quiz.questions:
            total += _PER_QUESTION + _QUOTES + _answer_bound(question.type,
                                                            len(question.options),
                                                            len(question.pairs))
    if module.self_assessment is not None:
        total += len(module.competences)
    return total


def _answer_bound(kind: QuestionType, options: int, pairs: int) -> int:
    if kind in (QuestionType.TEXT, QuestionType.NUMERIC):
        return _TEXT_LIMIT
    if kind is QuestionType.TRUEFALSE:
        return 1
    return max(options, pairs)


def check_saved_state(module: Module, page_count: int, shown: str, sink: Sink) -> None:
    bound = saved_state_bound(module, page_count)
    if bound > SCORM12_SUSPEND_LIMIT:
        sink.warning(shown, "SB215",
                     f"the learner's saved state can reach {bound} characters, more than the "
                     f"{SCORM12_SUSPEND_LIMIT} SCORM 1.2 allows; resume may fail in strict LMSs",
                     hint="split the quiz over two modules")
