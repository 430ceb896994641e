"""The competence framework as the CSV that Moodle's competency import reads
(admin/tool/lpimportcsv): the framework, its clusters and competences with their parents,
the framework's own ids as id numbers, so Moodle's framework matches the SCORM objectives
and LOM metadata id for id.

The importer silently drops a row whose parent is missing or whose id number or short name
is empty, with all its children; `validate` checks for exactly that.
"""

from __future__ import annotations

import csv
import io
import json
from html import escape

from scormbuild.diagnostics import Sink
from scormbuild.model import Course, Framework
from scormbuild.packagers.base import Package, Packager, RenderedCourse
from scormbuild.render.pages import RenderedFile

#: tool_lpimportcsv's column headers (lang/en/tool_lpimportcsv.php), in its column order.
HEADER = ("Parent ID number", "ID number", "Short name", "Description", "Description format",
          "Scale values", "Scale configuration", "Rule type (optional)",
          "Rule outcome (optional)", "Rule config (optional)",
          "Cross-referenced competency ID numbers", "Exported ID (optional)", "Is framework",
          "Taxonomy")
FORMAT_HTML = "1"
#: A two-point scale: the framework needs one, with a default and a proficient value.
SCALE = ("Nog niet bekwaam", "Bekwaam")
SHORT_NAME_LIMIT = 100  # the importer cuts longer short names


def scale_configuration() -> str:
    """Moodle's JSON: the scale id (set by the importer), then each value's role."""
    return json.dumps([{"scaleid": "0"},
                       {"id": 1, "scaledefault": 1, "proficient": 0},
                       {"id": 2, "scaledefault": 0, "proficient": 1}], separators=(",", ":"))


def short_name(number: str, title: str) -> str:
    name = f"{number} {title}".strip()
    if len(name) <= SHORT_NAME_LIMIT:
        return name
    return name[:SHORT_NAME_LIMIT - 1].rsplit(" ", 1)[0] + "…"


def _html(text: str) -> str:
    return f"<p>{escape(text)}</p>" if text else ""


def framework_rows(framework: Framework) -> list[tuple[str, ...]]:
    has_competences = any(cluster.competences for cluster in framework.clusters)
    taxonomy = "domain,competency" if has_competences else "competency"
    rows = [("", framework.id, short_name("", framework.title),
             _html(f"{framework.description} Bron: {framework.source}."), FORMAT_HTML,
             ",".join(SCALE), scale_configuration(), "", "", "", "", "", "1", taxonomy)]
    for cluster in framework.clusters:
        rows.append(("", cluster.id,
                     short_name(cluster.number, cluster.title), _html(cluster.description),
                     FORMAT_HTML, "", "", "", "", "", "", "", "", ""))
        for competence in cluster.competences:
            rows.append((cluster.id, competence.id,
                         short_name(competence.number, competence.title),
                         _html(competence.title), FORMAT_HTML,
                         "", "", "", "", "", "", "", "", ""))
    return rows


class CompetencyCsvPackager(Packager):
    name = "competencies"
    label = "Moodle competency framework CSV"

    def packages(self, course: Course, rendered: RenderedCourse, sink: Sink) -> list[Package]:
        framework = course.framework
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(framework_rows(framework))
        file_name = f"{framework.id}-competenties.csv"
        return [Package(f"frameworks/{framework.id}/{file_name}", self.name,
                        (RenderedFile(file_name, buffer.getvalue().encode("utf-8")),),
                        archive=False)]
