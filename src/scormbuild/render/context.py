"""Typed template contexts: everything a template shows is computed here, not in Jinja."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup


@dataclass(frozen=True)
class OptionView:
    id: str
    html: Markup
    feedback: Markup = Markup("")


@dataclass(frozen=True)
class QuestionView:
    id: str
    legend: str
    type: str
    prompt: Markup
    competence_label: str
    feedback_correct: Markup
    feedback_incorrect: Markup
    options: tuple[OptionView, ...] = ()
    match_lefts: tuple[OptionView, ...] = ()
    match_rights: tuple[OptionView, ...] = ()


@dataclass(frozen=True)
class QuizView:
    intro: Markup
    mastery_label: str
    questions: tuple[QuestionView, ...]


@dataclass(frozen=True)
class ResourceView:
    title: str
    kind: str
    purpose: Markup
    url: str
    file: str
    competence_labels: tuple[str, ...]


@dataclass(frozen=True)
class RatedCompetenceView:
    id: str
    label: str


@dataclass(frozen=True)
class RatedClusterView:
    label: str
    competences: tuple[RatedCompetenceView, ...]


@dataclass(frozen=True)
class ScalePointView:
    value: int
    label: str
    description: str


@dataclass(frozen=True)
class WijzerView:
    """A competentiewijzer: the scale, then the competences to rate grouped by cluster."""

    scale: tuple[ScalePointView, ...]
    clusters: tuple[RatedClusterView, ...]
    source_note: str


@dataclass(frozen=True)
class PageView:
    """One screen of the module: a lesson, the "aan de slag" list, or the quiz."""

    id: str
    title: str
    kind: str
    html: Markup = Markup("")
    resources: tuple[ResourceView, ...] = ()
    quiz: QuizView | None = None
    wijzer: WijzerView | None = None


@dataclass(frozen=True)
class ModuleContext:
    lang: str
    course_title: str
    module_title: str
    position_label: str
    pages: tuple[PageView, ...]
    competence_labels: tuple[str, ...]
    #: (competence label, why the module develops it) for each competence the author explains.
    competence_reasons: tuple[tuple[str, str], ...]
    theme_prefix: str
    config_json: str
    strings: dict[str, str]
