"""A module's quiz as a QTI 1.2.1 assessment in the Common Cartridge profile.

The profile knows single choice, multiple response, true/false and fill-in-the-blank; Moodle's
converter (backup/cc) turns them into quiz questions. True/false answer idents must be
`true` and `false`: other idents crash the converter (entity11.quiz.class.php).
"""

from __future__ import annotations

from lxml import etree

from scormbuild.model import Question, QuestionType, Quiz
from scormbuild.render.markdown import MarkdownRenderer

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
PROFILES = {
    QuestionType.SINGLE: "cc.multiple_choice.v0p1",
    QuestionType.MULTIPLE: "cc.multiple_response.v0p1",
    QuestionType.TRUEFALSE: "cc.true_false.v0p1",
    QuestionType.TEXT: "cc.fib.v0p1",
}
RESPONSE = "response1"


def _q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def _field(parent: etree._Element, label: str, entry: str) -> None:
    field = etree.SubElement(parent, _q("qtimetadatafield"))
    etree.SubElement(field, _q("fieldlabel")).text = label
    etree.SubElement(field, _q("fieldentry")).text = entry


def _material(parent: etree._Element, html: str) -> None:
    material = etree.SubElement(parent, _q("material"))
    etree.SubElement(material, _q("mattext"), texttype="text/html").text = html


def expressible(question: Question) -> bool:
    return question.type in PROFILES


def assessment(identifier: str, title: str, quiz: Quiz, renderer: MarkdownRenderer
               ) -> etree._Element:
    """The assessment document; call `expressible` first to leave out what the profile lacks."""
    root = etree.Element(_q("questestinterop"), nsmap={None: QTI})
    test = etree.SubElement(root, _q("assessment"), ident=identifier, title=title)
    metadata = etree.SubElement(test, _q("qtimetadata"))
    _field(metadata, "cc_profile", "cc.exam.v0p1")
    _field(metadata, "qmd_assessmenttype", "Examination")
    _field(metadata, "cc_maxattempts", str(quiz.attempts) if quiz.attempts else "unlimited")
    section = etree.SubElement(test, _q("section"), ident=f"{identifier}-vragen")
    for question in quiz.questions:
        if expressible(question):
            section.append(_item(question, renderer))
    return root


def _choices(question: Question) -> list[tuple[str, str, str]]:
    """(ident, label html source, feedback) for each answer the learner can choose."""
    if question.type is QuestionType.TRUEFALSE:
        return [("true", "Waar", ""), ("false", "Niet waar", "")]
    return [(option.id, option.text, option.feedback) for option in question.options]


def _right(question: Question) -> list[str]:
    if question.type is QuestionType.TRUEFALSE:
        return ["true" if question.truth else "false"]
    return list(question.correct_ids)


def _item(question: Question, renderer: MarkdownRenderer) -> etree._Element:
    item = etree.Element(_q("item"), ident=question.id, title=question.id)
    metadata = etree.SubElement(etree.SubElement(item, _q("itemmetadata")), _q("qtimetadata"))
    _field(metadata, "cc_profile", PROFILES[question.type])
    _field(metadata, "cc_weighting", f"{question.weight:g}")
    presentation = etree.SubElement(item, _q("presentation"))
    _material(presentation, str(renderer.block(question.prompt)))
    if question.type is QuestionType.TEXT:
        response = etree.SubElement(presentation, _q("response_str"), ident=RESPONSE,
                                    rcardinality="Single")
        etree.SubElement(response, _q("render_fib"))
    else:
        cardinality = "Multiple" if question.type is QuestionType.MULTIPLE else "Single"
        response = etree.SubElement(presentation, _q("response_lid"), ident=RESPONSE,
                                    rcardinality=cardinality)
        render = etree.SubElement(response, _q("render_choice"))
        for ident, label, _ in _choices(question):
            choice = etree.SubElement(render, _q("response_label"), ident=ident)
            _material(choice, str(renderer.inline(label)))
    _processing(item, question)
    _feedback(item, "general", question.feedback_correct, renderer)
    _feedback(item, "incorrect", question.feedback_incorrect, renderer)
    for ident, _, feedback in _choices(question):
        if feedback:
            _feedback(item, f"option-{ident}", feedback, renderer)
    return item


def _processing(item: etree._Element, question: Question) -> None:
    processing = etree.SubElement(item, _q("resprocessing"))
    outcomes = etree.SubElement(processing, _q("outcomes"))
    etree.SubElement(outcomes, _q("decvar"), varname="SCORE", vartype="Decimal", minvalue="0",
                     maxvalue="100")
    general = etree.SubElement(processing, _q("respcondition"), title="general")
    etree.SubElement(etree.SubElement(general, _q("conditionvar")), _q("other"))
    etree.SubElement(general, _q("displayfeedback"), feedbacktype="Response",
                     linkrefid="general")
    for ident, _, feedback in _choices(question):
        if feedback:
            chosen = etree.SubElement(processing, _q("respcondition"))
            condition = etree.SubElement(chosen, _q("conditionvar"))
            etree.SubElement(condition, _q("varequal"), respident=RESPONSE).text = ident
            etree.SubElement(chosen, _q("displayfeedback"), feedbacktype="Response",
                             linkrefid=f"option-{ident}")
    if question.type is QuestionType.TEXT:
        # The CC profile has no <or>: one full-mark condition per accepted answer.
        for accepted in question.accepted:
            right = etree.SubElement(processing, _q("respcondition"), attrib={"continue": "No"})
            condition = etree.SubElement(right, _q("conditionvar"))
            etree.SubElement(condition, _q("varequal"), respident=RESPONSE,
                             case="No").text = accepted
            etree.SubElement(right, _q("setvar"), varname="SCORE", action="Set").text = "100"
    else:
        _right_condition(processing, question)
    wrong = etree.SubElement(processing, _q("respcondition"))
    etree.SubElement(etree.SubElement(wrong, _q("conditionvar")), _q("other"))
    etree.SubElement(wrong, _q("displayfeedback"), feedbacktype="Response",
                     linkrefid="incorrect")


def _right_condition(processing: etree._Element, question: Question) -> None:
    right = etree.SubElement(processing, _q("respcondition"), attrib={"continue": "No"})
    condition = etree.SubElement(right, _q("conditionvar"))
    if question.type is QuestionType.MULTIPLE:
        group = etree.SubElement(condition, _q("and"))
        for ident, _, _ in _choices(question):
            equal = etree.Element(_q("varequal"), respident=RESPONSE)
            equal.text = ident
            if ident in question.correct_ids:
                group.append(equal)
            else:
                etree.SubElement(group, _q("not")).append(equal)
    else:
        etree.SubElement(condition, _q("varequal"), respident=RESPONSE).text = _right(question)[0]
    etree.SubElement(right, _q("setvar"), varname="SCORE", action="Set").text = "100"


def _feedback(item: etree._Element, ident: str, markdown: str, renderer: MarkdownRenderer
              ) -> None:
    feedback = etree.SubElement(item, _q("itemfeedback"), ident=ident)
    _material(etree.SubElement(feedback, _q("flow_mat")), str(renderer.block(markdown)))
