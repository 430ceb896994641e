"""Render a module into the files of its SCO: one HTML document with every page as a section."""

from __future__ import annotations

import json
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from scormbuild.model import (QUIZ_PAGE_ID, RESOURCES_PAGE_ID, WIJZER_PAGE_ID, Cluster, Course,
                              Module, Question, QuestionType, Quiz, Resource)
from scormbuild.render.compact import compact
from scormbuild.render.context import (ModuleContext, OptionView, PageView, QuestionView,
                                       QuizView, RatedClusterView, RatedCompetenceView,
                                       ResourceView, ScalePointView, WijzerView)
from scormbuild.render.markdown import MarkdownRenderer
from scormbuild.render.theme import RUNTIME_SOURCES, STYLESHEET, theme_dir, ui_strings

MODULE_PAGE = "index.html"
THEME_FOLDER = "theme"
RUNTIME_SCRIPT = "runtime.js"


@dataclass(frozen=True)
class RenderedFile:
    """A file of a package: its path inside the package and its bytes."""

    path: str
    data: bytes


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(theme_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


class Renderer:
    """Renders modules with one Jinja environment; pure apart from reading the theme."""

    def __init__(self) -> None:
        environment = _environment()
        self._template = environment.get_template("module.html")
        self._page_template = environment.get_template("page.html")

    def theme_files(self) -> list[RenderedFile]:
        """The stylesheet and the runtime script every package carries once, under theme/."""
        def source(name: str) -> str:
            return compact((theme_dir() / name).read_text(encoding="utf-8"))

        runtime = "".join(source(name) for name in RUNTIME_SOURCES)
        return [RenderedFile(f"{THEME_FOLDER}/{STYLESHEET}", source(STYLESHEET).encode("utf-8")),
                RenderedFile(f"{THEME_FOLDER}/{RUNTIME_SCRIPT}", runtime.encode("utf-8"))]

    def module_files(self, course: Course, module: Module) -> list[RenderedFile]:
        """The module's HTML page and media, with paths relative to the module folder."""
        context = module_context(course, module)
        html = self._template.render(view=context)
        files = [RenderedFile(MODULE_PAGE, html.encode("utf-8"))]
        files.extend(RenderedFile(asset.target, asset.source.read_bytes())
                     for asset in module.assets)
        return files


    def standalone_pages(self, course: Course, module: Module) -> list[RenderedFile]:
        """Each lesson page, and the "aan de slag" list, as a file of its own (no runtime):
        `<page id>.html`, relative to the module folder, for formats without tracking."""
        renderer = MarkdownRenderer({p.source_name: p.id for p in module.pages}, standalone=True)
        strings = ui_strings(course.language)
        views = [PageView(p.id, p.title, "lesson", html=renderer.block(p.body))
                 for p in module.pages]
        if module.resources:
            views.append(PageView(RESOURCES_PAGE_ID, strings["resources_title"], "resources",
                                  resources=tuple(_resource_view(course, r, renderer)
                                                  for r in module.resources)))
        return [RenderedFile(f"{view.id}.html", self._page_template.render(
                    page=view, lang=course.language, module_title=module.title,
                    theme_prefix=f"../{THEME_FOLDER}/", strings=strings).encode("utf-8"))
                for view in views]


def _competence_label(course: Course, competence_id: str) -> str:
    framework = course.framework
    return f"{framework.number_of(competence_id)} {framework.title_of(competence_id)}"


def module_context(course: Course, module: Module) -> ModuleContext:
    page_ids = {page.source_name: page.id for page in module.pages}
    renderer = MarkdownRenderer(page_ids)
    strings = ui_strings(course.language)
    pages = [PageView(p.id, p.title, "lesson", html=renderer.block(p.body)) for p in module.pages]
    if module.resources:
        pages.append(PageView(RESOURCES_PAGE_ID, strings["resources_title"], "resources",
                              resources=tuple(_resource_view(course, r, renderer)
                                              for r in module.resources)))
    if module.quiz:
        pages.append(PageView(QUIZ_PAGE_ID, module.quiz.title or strings["quiz_title"], "quiz",
                              quiz=_quiz_view(course, module.quiz, renderer)))
    if module.self_assessment:
        pages.append(PageView(WIJZER_PAGE_ID, strings["wijzer_title"], "wijzer",
                              wijzer=_wijzer_view(course, module, strings)))
    config = {
        "course": course.id,
        "module": module.id,
        "pages": [page.id for page in pages],
        "competences": [{"id": c, "label": _competence_label(course, c)}
                        for c in module.competences],
        "quiz": _quiz_config(module) if module.quiz else None,
        "wijzer": _wijzer_config(course, module) if module.self_assessment else None,
        "strings": strings,
    }
    return ModuleContext(
        lang=course.language,
        course_title=course.title,
        module_title=module.title,
        position_label=_fill(strings["module_of"], n=course.modules.index(module) + 1,
                             total=len(course.modules)),
        pages=tuple(pages),
        competence_labels=tuple(_competence_label(course, c) for c in module.competences),
        competence_reasons=tuple((_competence_label(course, c), why) for c, why in module.why),
        theme_prefix=f"../{THEME_FOLDER}/",
        config_json=json.dumps(config, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        .replace("</", "<\\/"),
        strings=strings,
    )


def _quiz_config(module: Module) -> dict[str, object]:
    """What the runtime needs to grade and report: computed here, never in the template."""
    assert module.quiz is not None
    quiz = module.quiz
    return {
        "mastery": quiz.mastery_score,
        "attempts": quiz.attempts,
        "shuffle": quiz.shuffle,
        "objective": f"{module.id}.module",
        "questions": [{
            "id": q.id, "type": q.type.value, "competence": q.competence, "weight": q.weight,
            "correct": _correct_answer(q), "options": [o.id for o in q.options],
            "pairs": [p.id for p in q.pairs],
        } for q in quiz.questions],
    }


def _rated_clusters(course: Course, module: Module) -> list[tuple[Cluster, list[str]]]:
    """The module's competences grouped by cluster, in the framework's order."""
    groups = []
    for cluster in course.framework.clusters:
        members = [c for c in module.competences if course.framework.lineage(c)[0] is cluster]
        if members:
            groups.append((cluster, members))
    return groups


def _wijzer_view(course: Course, module: Module, strings: dict[str, str]) -> WijzerView:
    assert module.self_assessment is not None
    framework = course.framework
    return WijzerView(
        scale=tuple(ScalePointView(p.value, p.label, p.description)
                    for p in module.self_assessment.scale),
        clusters=tuple(
            RatedClusterView(f"{cluster.number} {cluster.title}",
                             tuple(RatedCompetenceView(c, _competence_label(course, c))
                                   for c in members))
            for cluster, members in _rated_clusters(course, module)),
        source_note=_fill(strings["wijzer_source"], framework=framework.title,
                          publisher=framework.publisher, version=framework.version),
    )


def _wijzer_config(course: Course, module: Module) -> dict[str, object]:
    assert module.self_assessment is not None
    return {
        "points": len(module.self_assessment.scale),
        "proficient": module.self_assessment.proficient,
        "objective": f"{module.id}.module",
        "clusters": [{"label": f"{cluster.number} {cluster.title}", "competences": members}
                     for cluster, members in _rated_clusters(course, module)],
    }


def _correct_answer(question: Question) -> list[object]:
    """The answer key in the runtime's terms; text answers as the runtime normalises input."""
    if question.type is QuestionType.TRUEFALSE:
        return ["true" if question.truth else "false"]
    if question.type is QuestionType.TEXT:
        return [" ".join(answer.split()).lower() for answer in question.accepted]
    if question.type is QuestionType.NUMERIC:
        return [question.value, question.tolerance]
    return list(question.correct_ids)


def _resource_view(course: Course, resource: Resource, renderer: MarkdownRenderer
                   ) -> ResourceView:
    return ResourceView(resource.title, resource.kind, renderer.block(resource.purpose),
                        resource.url, resource.file,
                        tuple(_competence_label(course, c) for c in resource.competences))


def _quiz_view(course: Course, quiz: Quiz, renderer: MarkdownRenderer) -> QuizView:
    strings = ui_strings(course.language)
    questions = tuple(
        _question_view(course, q, _fill(strings["question_of"], n=i + 1,
                                        total=len(quiz.questions)), renderer)
        for i, q in enumerate(quiz.questions))
    return QuizView(renderer.block(quiz.intro),
                    _fill(strings["mastery"], score=quiz.mastery_score), questions)


def _fill(template: str, **values: object) -> str:
    """Fill `{name}` placeholders of a UI string (the same syntax the runtime JS uses)."""
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template


def _question_view(course: Course, question: Question, legend: str, renderer: MarkdownRenderer
                   ) -> QuestionView:
    options = tuple(OptionView(o.id, renderer.inline(o.text), renderer.block(o.feedback))
                    for o in question.options)
    if question.type is QuestionType.TRUEFALSE:
        strings = ui_strings(course.language)
        options = (OptionView("true", Markup.escape(strings["true"])),
                   OptionView("false", Markup.escape(strings["false"])))
    lefts = tuple(OptionView(p.id, renderer.inline(p.left)) for p in question.pairs)
    rights = tuple(OptionView(p.id, renderer.inline(p.right))
                   for p in sorted(question.pairs, key=lambda p: p.right.casefold()))
    return QuestionView(question.id, legend, question.type.value, renderer.block(question.prompt),
                        _competence_label(course, question.competence),
                        renderer.block(question.feedback_correct),
                        renderer.block(question.feedback_incorrect), options, lefts, rights)
