"""A module that says why it develops each competence carries the reasons into its LOM
classification and its footer; a resource that names a framework reference takes that
reference's title and address."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree, html

from tests.conftest import run

LOM = "http://ltsc.ieee.org/xsd/LOM"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
REASONS = {"mk-1.1": "Je oefent het eerste contact.", "mk-1.2": "Je legt uit wat je komt doen."}


def build(course: Path, schemas: Path) -> Path:
    with (course / "01-start" / "module.toml").open("a", encoding="utf-8") as meta:
        meta.write("[why]\n" + "".join(f'"{c}" = "{r}"\n' for c, r in REASONS.items()))
    resources = course / "01-start" / "aan-de-slag.toml"
    resources.write_text(resources.read_text(encoding="utf-8").replace(
        'title = "Een handreiking"', 'reference = "handreiking"'), encoding="utf-8")
    result = run("make", "course", "--out", "dist", "--schemas", schemas,
                 "--format", "scorm12,scorm2004", "--strict")
    assert result.exit_code == 0, result.stderr
    return course.parent / "dist" / "minicursus"


def read(package: Path, name: str) -> bytes:
    with zipfile.ZipFile(package) as archive:
        return archive.read(name)


def competency_classifications(manifest: bytes, ns: str, path_tag: str, text: str
                               ) -> list[tuple[list[str], str]]:
    """(taxon ids, description) of each competency classification."""
    found = []
    for classification in etree.fromstring(manifest).iter(f"{{{ns}}}classification"):
        purpose = "".join(classification.find(f"{{{ns}}}purpose").itertext()).strip()
        if "ompetency" not in purpose:
            continue
        ids = [t.text for p in classification.iter(f"{{{ns}}}{path_tag}")
               for t in p.iter(f"{{{ns}}}id")]
        description = classification.find(f"{{{ns}}}description")
        found.append((ids, "" if description is None else
                      description.findtext(f"{{{ns}}}{text}") or ""))
    return found


def test_each_reason_travels_with_its_competence_path(course: Path, workdir: Path,
                                                      schemas: Path) -> None:
    dist = build(course, schemas)
    expected = [(["mini", "mk-contact", c], r) for c, r in REASONS.items()]
    assert competency_classifications(read(dist / "scorm2004/01-start.zip", "imsmanifest.xml"),
                                      LOM, "taxonPath", "string") == expected
    assert competency_classifications(read(dist / "scorm12/01-start.zip", "imsmanifest.xml"),
                                      IMSMD, "taxonpath", "langstring") == expected
    whole = competency_classifications(read(dist / "scorm2004/minicursus.zip", "imsmanifest.xml"),
                                       LOM, "taxonPath", "string")
    assert whole == [(["mini", "mk-contact", c], f"Start: {r}") for c, r in REASONS.items()] + [
        (["mini", "mk-plan"], "")]


def test_the_footer_lists_the_reasons_and_a_reference_gives_title_and_address(
        course: Path, workdir: Path, schemas: Path) -> None:
    dist = build(course, schemas)
    page = html.fromstring(read(dist / "scorm2004/01-start.zip", "start/index.html"))
    [reasons] = page.find_class("sb-reasons")
    assert [(dt.text_content(), dd.text_content()) for dt, dd in
            zip(reasons.iter("dt"), reasons.iter("dd"))] == [
        ("1.1 Legt contact.", REASONS["mk-1.1"]), ("1.2 Legt de eigen rol uit.", REASONS["mk-1.2"])]
    [cited] = [r for r in page.find_class("sb-resource")
               if r.findtext("h2") == "De handreiking van het kader"]
    assert [a.get("href") for a in cited.iter("a")] == ["https://example.org/handreiking.pdf"]
    plain = html.fromstring(read(dist / "scorm2004/02-verder.zip", "verder/index.html"))
    assert not plain.find_class("sb-reasons")
