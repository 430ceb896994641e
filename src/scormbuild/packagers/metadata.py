"""What a package says about itself (LOM), as format-neutral data built from the model.

SCORM 1.2 writes it as IMS Metadata 1.2.1, SCORM 2004 as IEEE LOM; both serialisers read
the same `Metadata`, so the two formats always say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from scormbuild.model import Course, Level, Module

#: LOM 5.6 context values for the Dutch levels (mbo is vocational training, hbo higher ed.).
LEVEL_CONTEXT = {Level.MBO: "training", Level.HBO: "higher education"}
SCORMBUILD_TAXONOMY = "scormbuild"


@dataclass(frozen=True)
class Taxon:
    id: str
    entry: str


@dataclass(frozen=True)
class Classification:
    """LOM 9: a purpose (LOMv1.0 vocabulary) and taxon paths, each from a named source."""

    purpose: str
    source: str
    paths: tuple[tuple[Taxon, ...], ...]
    description: str = ""


@dataclass(frozen=True)
class Metadata:
    identifier: str
    title: str
    description: str
    language: str
    keywords: tuple[str, ...]
    version: str
    audience: str
    contexts: tuple[str, ...]
    learning_minutes: int
    licence: str
    classifications: tuple[Classification, ...]


def competence_path(course: Course, competence_id: str) -> tuple[Taxon, ...]:
    """framework → cluster (→ competence): the ids an LMS or repository can match on."""
    framework = course.framework
    cluster, competence = framework.lineage(competence_id)
    path = [Taxon(framework.id, framework.title), Taxon(cluster.id, cluster.title)]
    if competence is not None:
        path.append(Taxon(competence.id, competence.title))
    return tuple(path)


def describe(course: Course, modules: tuple[Module, ...]) -> Metadata:
    """Metadata for a package holding `modules` (one module, or the whole course)."""
    whole_course = len(modules) != 1
    first = modules[0]
    competences = tuple(dict.fromkeys(c for m in modules for c in m.competences))
    keywords = tuple(dict.fromkeys(course.keywords + tuple(k for m in modules for k in m.keywords)))
    classifications = _competency_classifications(course, modules, competences)
    if course.levels:
        classifications.append(Classification(
            "educational level", SCORMBUILD_TAXONOMY,
            tuple((Taxon(level.value, level.value),) for level in course.levels)))
    if course.stages:
        classifications.append(Classification(
            "skill level", SCORMBUILD_TAXONOMY,
            tuple((Taxon(stage.value, stage.value),) for stage in course.stages)))
    return Metadata(
        identifier=f"urn:scormbuild:{course.id}" + ("" if whole_course else f":{first.id}"),
        title=course.title if whole_course else f"{first.title} · {course.title}",
        description=course.description if whole_course else first.description,
        language=course.language,
        keywords=keywords,
        version=course.version,
        audience=", ".join(course.audience),
        contexts=tuple(LEVEL_CONTEXT[level] for level in course.levels),
        learning_minutes=sum(m.duration for m in modules),
        licence=course.licence,
        classifications=tuple(classifications),
    )


def _competency_classifications(course: Course, modules: tuple[Module, ...],
                                competences: tuple[str, ...]) -> list[Classification]:
    """One classification holding every competence path; but when the author says why a module
    develops its competences (`[why]`), one per competence, so each reason travels with its
    path as the classification's description (LOM 9.3)."""
    source = f"{course.framework.title} ({course.framework.version})"
    if not any(m.why for m in modules):
        return [Classification("competency", source,
                               tuple(competence_path(course, c) for c in competences))]
    return [Classification("competency", source, (competence_path(course, c),),
                           _reasons(modules, c)) for c in competences]


def _reasons(modules: tuple[Module, ...], competence: str) -> str:
    """The reason(s) for one competence; in a whole-course package each names its module."""
    reasons = [(m.title, reason) for m in modules for c, reason in m.why if c == competence]
    if len(modules) == 1:
        return " ".join(reason for _, reason in reasons)
    return " ".join(f"{title}: {reason}" for title, reason in reasons)


def iso_duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + f"{rest}M"

