"""Moodle XML question bank: one file per course, a category per module.

Every question type maps to a Moodle core type (question/format/xml): multichoice (one or
several answers), truefalse, match, ordering, shortanswer, numerical. The question's stable
id is its idnumber and its competence id a tag, so a quiz in Moodle can be filtered by
competence. Grade fractions come only from Moodle's own list: any other value makes Moodle
refuse the whole import.
"""

from __future__ import annotations

from fractions import Fraction

from lxml import etree

from scormbuild.diagnostics import Sink
from scormbuild.model import Course, Module, Question, QuestionType
from scormbuild.packagers.base import Package, Packager, RenderedCourse, serialise
from scormbuild.render.markdown import MarkdownRenderer
from scormbuild.render.pages import RenderedFile

#: Moodle's grade fractions (question_bank::fraction_options_full), as percentages.
GRADE_PERCENTAGES = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
                     "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111",
                     "10", "5", "0")
_BY_VALUE = {Fraction(p).limit_denominator(100): p for p in GRADE_PERCENTAGES}


def grade_percentage(share: Fraction) -> str:
    """The Moodle grade for a share of the mark (e.g. 1/3 → 33.33333), from Moodle's list."""
    value = (share * 100).limit_denominator(100)
    if value not in _BY_VALUE:
        raise ValueError(f"no Moodle grade fraction for {share}")
    return _BY_VALUE[value]


def category_path(course: Course, module: Module) -> str:
    """`$course$/top/<course>/<NN module>`; a slash inside a name is doubled, as Moodle reads."""
    names = [course.title, f"{module.order:02d} {module.title}"]
    return "$course$/top/" + "/".join(name.replace("/", "//") for name in names)


class _Writer:
    def __init__(self, renderer: MarkdownRenderer) -> None:
        self.renderer = renderer

    def html(self, parent: etree._Element, tag: str, markdown: str, **attributes: str
             ) -> etree._Element:
        holder = etree.SubElement(parent, tag, format="html", **attributes)
        etree.SubElement(holder, "text").text = etree.CDATA(str(self.renderer.block(markdown))
                                                           if markdown else "")
        return holder

    def plain(self, parent: etree._Element, tag: str, text: str, **attributes: str
              ) -> etree._Element:
        holder = etree.SubElement(parent, tag, **attributes)
        etree.SubElement(holder, "text").text = text
        return holder

    def answer(self, parent: etree._Element, fraction: str, text: str, feedback: str,
               html: bool = True) -> etree._Element:
        answer = etree.SubElement(parent, "answer", fraction=fraction,
                                  format="html" if html else "moodle_auto_format")
        text_element = etree.SubElement(answer, "text")
        text_element.text = etree.CDATA(str(self.renderer.inline(text))) if html else text
        self.html(answer, "feedback", feedback)
        return answer


def _plain_name(number: int, question: Question) -> str:
    words = " ".join(question.prompt.replace("*", "").split())
    return f"{number:02d} {words[:70]}" + ("…" if len(words) > 70 else "")


class MoodleXmlPackager(Packager):
    name = "moodlexml"
    label = "Moodle XML question bank"

    def packages(self, course: Course, rendered: RenderedCourse, sink: Sink) -> list[Package]:
        quiz_modules = tuple(m for m in course.modules if m.quiz)
        if not quiz_modules:
            return []
        document = serialise(self.bank(course, quiz_modules))
        return [Package(f"{course.id}/{self.name}/{course.id}-vragenbank.xml", self.name,
                        (RenderedFile(f"{course.id}-vragenbank.xml", document),), archive=False)]

    def bank(self, course: Course, modules: tuple[Module, ...]) -> etree._Element:
        quiz = etree.Element("quiz")
        for module in modules:
            assert module.quiz is not None
            writer = _Writer(MarkdownRenderer({p.source_name: p.id for p in module.pages}))
            category = etree.SubElement(quiz, "question", type="category")
            writer.plain(category, "category", category_path(course, module))
            writer.html(category, "info", module.description)
            for number, question in enumerate(module.quiz.questions, start=1):
                quiz.append(self._question(writer, question, number, module.quiz.shuffle))
        return quiz

    def _question(self, writer: _Writer, question: Question, number: int, shuffle: bool
                  ) -> etree._Element:
        moodle_type = MOODLE_TYPES[question.type]
        element = etree.Element("question", type=moodle_type)
        writer.plain(element, "name", _plain_name(number, question))
        writer.html(element, "questiontext", question.prompt)
        writer.html(element, "generalfeedback", question.feedback_correct)
        etree.SubElement(element, "defaultgrade").text = f"{question.weight:g}"
        etree.SubElement(element, "penalty").text = "0"
        etree.SubElement(element, "hidden").text = "0"
        etree.SubElement(element, "idnumber").text = question.id
        BODIES[question.type](writer, element, question, shuffle)
        tags = etree.SubElement(element, "tags")
        writer.plain(tags, "tag", question.competence)
        return element


def _combined_feedback(writer: _Writer, element: etree._Element, question: Question) -> None:
    """Right answers get the general feedback (it explains the answer); wrong ones this too."""
    writer.html(element, "correctfeedback", "")
    writer.html(element, "partiallycorrectfeedback", question.feedback_incorrect)
    writer.html(element, "incorrectfeedback", question.feedback_incorrect)


def _choice(writer: _Writer, element: etree._Element, question: Question, shuffle: bool) -> None:
    single = question.type is QuestionType.SINGLE
    etree.SubElement(element, "single").text = "true" if single else "false"
    etree.SubElement(element, "shuffleanswers").text = "true" if shuffle else "false"
    etree.SubElement(element, "answernumbering").text = "abc"
    _combined_feedback(writer, element, question)
    right = grade_percentage(Fraction(1, len(question.correct_ids)))
    # A wrong choice cancels the mark (Moodle never goes below 0): like the runtime, a multiple
    # question is right only with exactly the right options.
    wrong = "0" if single else "-100"
    for option in question.options:
        writer.answer(element, right if option.id in question.correct_ids else wrong,
                      option.text, option.feedback)


def _truefalse(writer: _Writer, element: etree._Element, question: Question, shuffle: bool
               ) -> None:
    for value in (True, False):
        right = value == question.truth
        writer.answer(element, "100" if right else "0", "true" if value else "false",
                      "" if right else question.feedback_incorrect, html=False)


def _matching(writer: _Writer, element: etree._Element, question: Question, shuffle: bool
              ) -> None:
    etree.SubElement(element, "shuffleanswers").text = "true"
    _combined_feedback(writer, element, question)
    for pair in question.pairs:
        subquestion = writer.html(element, "subquestion", pair.left)
        writer.plain(subquestion, "answer", pair.right)


def _ordering(writer: _Writer, element: etree._Element, question: Question, shuffle: bool
              ) -> None:
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"),
                       ("selectcount", str(len(question.options))),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW")):
        etree.SubElement(element, tag).text = value
    _combined_feedback(writer, element, question)
    options = {option.id: option for option in question.options}
    for position, option_id in enumerate(question.correct_ids, start=1):
        # qtype_ordering reads each answer's fraction as its position in the right order.
        writer.answer(element, f"{position}", options[option_id].text, "")


def _text(writer: _Writer, element: etree._Element, question: Question, shuffle: bool) -> None:
    etree.SubElement(element, "usecase").text = "0"
    for accepted in question.accepted:
        writer.answer(element, "100", accepted, "", html=False)
    writer.answer(element, "0", "*", question.feedback_incorrect, html=False)


def _numeric(writer: _Writer, element: etree._Element, question: Question, shuffle: bool
             ) -> None:
    answer = writer.answer(element, "100", f"{question.value:g}", "", html=False)
    etree.SubElement(answer, "tolerance").text = f"{question.tolerance:g}"
    writer.answer(element, "0", "*", question.feedback_incorrect, html=False)
    etree.SubElement(element, "unitgradingtype").text = "0"
    etree.SubElement(element, "unitpenalty").text = "0"
    etree.SubElement(element, "showunits").text = "3"
    etree.SubElement(element, "unitsleft").text = "0"


MOODLE_TYPES = {
    QuestionType.SINGLE: "multichoice", QuestionType.MULTIPLE: "multichoice",
    QuestionType.TRUEFALSE: "truefalse", QuestionType.MATCHING: "match",
    QuestionType.ORDERING: "ordering", QuestionType.TEXT: "shortanswer",
    QuestionType.NUMERIC: "numerical",
}
BODIES = {
    QuestionType.SINGLE: _choice, QuestionType.MULTIPLE: _choice,
    QuestionType.TRUEFALSE: _truefalse, QuestionType.MATCHING: _matching,
    QuestionType.ORDERING: _ordering, QuestionType.TEXT: _text, QuestionType.NUMERIC: _numeric,
}
