"""The course model: what a course is, independent of any output format.

Frozen dataclasses only; no I/O, no XML, no HTML. Text fields hold the author's Markdown.
"""

from __future__ import annotations

import datetime
import enum
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Alias:
    """How another source numbers and names a cluster (the sources disagree)."""

    number: str
    title: str
    source: str


@dataclass(frozen=True)
class Competence:
    id: str
    number: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Cluster:
    """A competence cluster; without competences of its own it is itself the finest grain."""

    id: str
    number: str
    title: str
    description: str = ""
    aliases: tuple[Alias, ...] = ()
    competences: tuple[Competence, ...] = ()


@dataclass(frozen=True)
class Reference:
    """A document the framework's own text cites, at the address it gives: courses on the
    framework point to it by id, so the title and address are written (and corrected) once."""

    id: str
    title: str
    url: str


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    publisher: str
    version: str
    source: str
    language: str
    description: str
    clusters: tuple[Cluster, ...]
    url: str = ""
    references: tuple[Reference, ...] = ()

    def assessable_ids(self) -> tuple[str, ...]:
        """Ids a module may develop or a question may test: competences, or leaf clusters."""
        ids: list[str] = []
        for cluster in self.clusters:
            if cluster.competences:
                ids.extend(competence.id for competence in cluster.competences)
            else:
                ids.append(cluster.id)
        return tuple(ids)

    def lineage(self, competence_id: str) -> tuple[Cluster, Competence | None]:
        """The cluster (and competence) an assessable id names; KeyError if unknown."""
        for cluster in self.clusters:
            if cluster.id == competence_id and not cluster.competences:
                return cluster, None
            for competence in cluster.competences:
                if competence.id == competence_id:
                    return cluster, competence
        raise KeyError(competence_id)

    def reference(self, reference_id: str) -> Reference | None:
        return next((r for r in self.references if r.id == reference_id), None)

    def cluster(self, cluster_id: str) -> Cluster | None:
        return next((c for c in self.clusters if c.id == cluster_id), None)

    def title_of(self, competence_id: str) -> str:
        cluster, competence = self.lineage(competence_id)
        return (competence or cluster).title

    def number_of(self, competence_id: str) -> str:
        cluster, competence = self.lineage(competence_id)
        return (competence or cluster).number


class QuestionType(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUEFALSE = "truefalse"
    MATCHING = "matching"
    ORDERING = "ordering"
    TEXT = "text"
    NUMERIC = "numeric"


@dataclass(frozen=True)
class Option:
    id: str
    text: str
    feedback: str = ""


@dataclass(frozen=True)
class Pair:
    """One matching pair: `left` belongs with `right`."""

    id: str
    left: str
    right: str


@dataclass(frozen=True)
class Question:
    """One question. Which answer fields are used depends on `type`.

    `correct_ids`: the correct option ids (single, multiple) or all ids in order (ordering);
    `truth`: the statement's value (truefalse); `accepted`: accepted answers (text);
    `value` and `tolerance`: the number and its accepted distance (numeric).
    """

    id: str
    type: QuestionType
    competence: str
    prompt: str
    feedback_correct: str
    feedback_incorrect: str
    weight: float = 1.0
    options: tuple[Option, ...] = ()
    pairs: tuple[Pair, ...] = ()
    correct_ids: tuple[str, ...] = ()
    truth: bool | None = None
    accepted: tuple[str, ...] = ()
    value: float | None = None
    tolerance: float = 0.0


@dataclass(frozen=True)
class Quiz:
    mastery_score: int
    questions: tuple[Question, ...]
    title: str = ""  # empty: the interface language's word for a quiz
    intro: str = ""
    attempts: int = 0
    shuffle: bool = False

    def competences(self) -> tuple[str, ...]:
        """Tested competence ids in order of first appearance."""
        return tuple(dict.fromkeys(q.competence for q in self.questions))


@dataclass(frozen=True)
class Resource:
    """A practical "aan de slag" resource; `url` stays empty when no source gives one."""

    id: str
    title: str
    kind: str
    purpose: str
    competences: tuple[str, ...]
    url: str = ""
    file: str = ""


@dataclass(frozen=True)
class Asset:
    """A file copied into the package: `source` on disk, `target` relative to the module."""

    source: Path
    target: str


#: Ids of the pages the compiler adds to a module; an author's page may not take them.
RESOURCES_PAGE_ID = "aan-de-slag"
QUIZ_PAGE_ID = "toets"
WIJZER_PAGE_ID = "wijzer"
GENERATED_PAGE_IDS = (RESOURCES_PAGE_ID, QUIZ_PAGE_ID, WIJZER_PAGE_ID)


@dataclass(frozen=True)
class Page:
    id: str
    title: str
    body: str
    source_name: str


class ModuleKind(enum.StrEnum):
    """Lessons (optionally with a quiz), or a competentiewijzer: a self-assessment per
    competence that ends in a profile per cluster."""

    LESSONS = "lessons"
    COMPETENTIEWIJZER = "competentiewijzer"


@dataclass(frozen=True)
class ScalePoint:
    """One point of a self-assessment scale; `value` counts from 1."""

    value: int
    label: str
    description: str


@dataclass(frozen=True)
class SelfAssessment:
    """The competentiewijzer's scale; a rating of `proficient` or higher counts as mastered."""

    scale: tuple[ScalePoint, ...]
    proficient: int


@dataclass(frozen=True)
class Module:
    id: str
    order: int
    title: str
    description: str
    competences: tuple[str, ...]
    pages: tuple[Page, ...]
    keywords: tuple[str, ...] = ()
    duration: int = 0
    quiz: Quiz | None = None
    resources: tuple[Resource, ...] = ()
    assets: tuple[Asset, ...] = ()
    self_assessment: SelfAssessment | None = None
    #: (competence id, one sentence on why this module develops it), in `competences` order.
    why: tuple[tuple[str, str], ...] = ()

    @property
    def kind(self) -> ModuleKind:
        return ModuleKind.COMPETENTIEWIJZER if self.self_assessment else ModuleKind.LESSONS

    def pass_mark(self) -> float | None:
        """The share (0-1) of the score from which a competence counts as mastered: the quiz's
        mastery score, or the wijzer's proficient rating on its scale; None without either."""
        if self.quiz is not None:
            return self.quiz.mastery_score / 100
        if self.self_assessment is not None:
            points = len(self.self_assessment.scale)
            return (self.self_assessment.proficient - 1) / (points - 1)
        return None


class Level(enum.StrEnum):
    MBO = "mbo"
    HBO = "hbo"


class Stage(enum.StrEnum):
    STARTBEKWAAM = "startbekwaam"
    VAKVOLWASSEN = "vakvolwassen"


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    description: str
    language: str
    framework: Framework
    version: str
    date: datetime.date
    modules: tuple[Module, ...]
    audience: tuple[str, ...] = ()
    levels: tuple[Level, ...] = ()
    stages: tuple[Stage, ...] = ()
    authors: tuple[str, ...] = ()
    licence: str = ""
    keywords: tuple[str, ...] = field(default=())
    #: Types the author has acknowledged the cartridge leaves out: no SB301 for them.
    cartridge_leave_out: frozenset[QuestionType] = frozenset()
