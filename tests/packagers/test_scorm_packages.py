"""SCORM packages, checked by parsing them: zip layout, manifest, Moodle's needs, metadata."""

from __future__ import annotations

import hashlib
import tomllib
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import COURSES, run

CP12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
CP2004 = "http://www.imsglobal.org/xsd/imscp_v1p1"
IMSSS = "http://www.imsglobal.org/xsd/imsss"
LOM = "http://ltsc.ieee.org/xsd/LOM"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"


def manifest_of(package: Path) -> tuple[bytes, etree._Element]:
    with zipfile.ZipFile(package) as archive:
        raw = archive.read("imsmanifest.xml")
    return raw, etree.fromstring(raw)


@pytest.fixture
def built(course: Path, workdir: Path, schemas: Path) -> Path:
    result = run("make", "course", "--out", "dist", "--schemas", schemas)
    assert result.exit_code == 0, result.stderr
    return workdir / "dist" / "minicursus"


def test_layout_names_each_file_by_course_format_and_module(built: Path) -> None:
    names = sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file())
    assert names == sorted(["moodlexml/minicursus-vragenbank.xml", "imscc/minicursus.imscc"] + [
        f"{fmt}/{name}.zip" for fmt in ("imscp", "scorm12", "scorm2004")
        for name in ("01-start", "02-verder", "minicursus")])


def test_module_package_holds_one_sco_with_its_pages_media_and_theme(built: Path) -> None:
    with zipfile.ZipFile(built / "scorm12/02-verder.zip") as archive:
        names = archive.namelist()
        html = archive.read("verder/index.html").decode()
    assert names == sorted(names), "entries are sorted"
    assert set(names) == {"imsmanifest.xml", "theme/scormbuild.css", "theme/runtime.js",
                          "verder/index.html", "verder/media/schema.png"}
    assert '<img alt="Een schema" src="media/schema.png"' in html


def test_scorm12_manifest_is_what_moodle_parses(built: Path) -> None:
    raw, root = manifest_of(built / "scorm12/01-start.zip")
    assert root.tag == f"{{{CP12}}}manifest"
    assert root.findtext(f"{{{CP12}}}metadata/{{{CP12}}}schemaversion") == "1.2"
    # Moodle matches literal prefixes, not namespaces (mod/scorm/datamodels/scormlib.php).
    assert b"<adlcp:masteryscore>80</adlcp:masteryscore>" in raw
    assert b'adlcp:scormtype="sco"' in raw
    [item] = root.iter(f"{{{CP12}}}item")
    assert item.get("identifier") == "item-start"
    assert item.get("identifierref") == "res-start"
    [resource] = [r for r in root.iter(f"{{{CP12}}}resource") if r.get("identifier") == "res-start"]
    assert resource.get("href") == "start/index.html"


def test_module_without_quiz_has_no_masteryscore(built: Path) -> None:
    raw, _ = manifest_of(built / "scorm12/02-verder.zip")
    assert b"masteryscore" not in raw


def test_scorm2004_declares_one_objective_per_competence_with_the_pass_mark(built: Path) -> None:
    raw, root = manifest_of(built / "scorm2004/01-start.zip")
    assert root.findtext(f"{{{CP2004}}}metadata/{{{CP2004}}}schemaversion") == "2004 4th Edition"
    for prefix in (b"<imsss:sequencing>", b'adlcp:scormType="sco"', b"adlseq:objectivesGlobal"):
        assert prefix in raw
    objectives = root.find(f".//{{{IMSSS}}}objectives")
    ids = [o.get("objectiveID") for o in objectives]
    assert ids == ["start.module", "mk-1.1", "mk-1.2"]
    assert objectives[0].tag == f"{{{IMSSS}}}primaryObjective"
    assert [o.findtext(f"{{{IMSSS}}}minNormalizedMeasure") for o in objectives] == ["0.8"] * 3


def test_course_package_has_an_item_per_module_with_stable_identifiers(built: Path) -> None:
    _, course_root = manifest_of(built / "scorm2004/minicursus.zip")
    items = [i.get("identifier") for i in course_root.iter(f"{{{CP2004}}}item")]
    assert items == ["item-start", "item-verder"]
    _, module_root = manifest_of(built / "scorm2004/02-verder.zip")
    assert [i.get("identifier") for i in module_root.iter(f"{{{CP2004}}}item")] == ["item-verder"]


def test_lom_metadata_carries_language_version_levels_and_competence_paths(built: Path) -> None:
    _, root = manifest_of(built / "scorm2004/01-start.zip")
    lom = root.find(f".//{{{LOM}}}lom")
    assert lom.findtext(f"{{{LOM}}}general/{{{LOM}}}language") == "nl"
    assert lom.findtext(f"{{{LOM}}}lifeCycle/{{{LOM}}}version/{{{LOM}}}string") == "1.0.0"
    paths = {}
    for classification in lom.iter(f"{{{LOM}}}classification"):
        purpose = classification.findtext(f"{{{LOM}}}purpose/{{{LOM}}}value")
        paths[purpose] = [[t.findtext(f"{{{LOM}}}id") for t in p.iter(f"{{{LOM}}}taxon")]
                          for p in classification.iter(f"{{{LOM}}}taxonPath")]
    assert paths == {
        "competency": [["mini", "mk-contact", "mk-1.1"], ["mini", "mk-contact", "mk-1.2"]],
        "educational level": [["hbo"]],
        "skill level": [["startbekwaam"]],
    }
    _, root12 = manifest_of(built / "scorm12/01-start.zip")
    taxon_ids = [t.text for t in root12.iter(f"{{{IMSMD}}}id")]
    assert taxon_ids[:3] == ["mini", "mk-contact", "mk-1.1"]


def test_two_builds_are_byte_identical(course: Path, workdir: Path) -> None:
    def digests(out: str) -> dict[str, str]:
        assert run("make", "course", "--out", out).exit_code == 0
        return {p.relative_to(workdir / out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted((workdir / out).rglob("*")) if p.is_file()}

    first = digests("one")
    assert len(first) == 12  # every format: 3 zips each for 3 formats, cartridge, bank, CSV
    (course / "01-start" / "01-welkom.md").touch()  # a newer mtime must not matter
    assert digests("two") == first


def test_zip_times_come_from_source_date_epoch_or_the_course_date(
        course: Path, workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("make", "course", "--out", "a", "--per", "module").exit_code == 0
    with zipfile.ZipFile(workdir / "a/minicursus/scorm12/01-start.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 15, 0, 0, 0)}
        assert {i.external_attr >> 16 for i in archive.infolist()} == {0o100644}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("make", "course", "--out", "b", "--per", "module").exit_code == 0
    with zipfile.ZipFile(workdir / "b/minicursus/scorm12/01-start.zip") as archive:
        assert {i.date_time for i in archive.infolist()} == {(2023, 11, 14, 22, 13, 20)}


def test_per_and_format_options_choose_what_is_built(course: Path, workdir: Path) -> None:
    result = run("make", "course", "--out", "dist", "--format", "scorm2004", "--per", "course")
    assert result.exit_code == 0
    assert [p.relative_to(workdir).as_posix() for p in (workdir / "dist").rglob("*.zip")] == [
        "dist/minicursus/scorm2004/minicursus.zip"]


def test_unknown_format_is_a_usage_error(course: Path) -> None:
    result = run("make", "course", "--format", "scorm3")
    assert result.exit_code == 2
    assert ("choose from scorm12, scorm2004, imscp, imscc, moodlexml, competencies"
            in result.stderr)


def test_bundle_schemas_puts_the_official_xsds_at_the_package_root(
        course: Path, workdir: Path, schemas: Path) -> None:
    result = run("make", "course", "--out", "dist", "--per", "module", "--schemas", schemas,
                 "--bundle-schemas")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(workdir / "dist/minicursus/scorm12/01-start.zip") as archive:
        names = set(archive.namelist())
    assert {"imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd"} <= names
    with zipfile.ZipFile(workdir / "dist/minicursus/scorm2004/01-start.zip") as archive:
        names = set(archive.namelist())
    assert {"imscp_v1p1.xsd", "imsss_v1p0.xsd", "lom.xsd", "vocab/strict.xsd"} <= names


def framework_ids() -> set[str]:
    ids = set()
    for path in (COURSES / "frameworks").glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        ids.add(data["id"])
        for cluster in data["clusters"]:
            ids.add(cluster["id"])
            ids.update(c["id"] for c in cluster.get("competences", []))
    return ids


def test_courses_build_and_name_only_competences_that_exist(workdir: Path, schemas: Path) -> None:
    result = run("make", *sorted(p for p in COURSES.iterdir() if (p / "course.toml").exists()),
                 "--out", "dist", "--schemas", schemas)
    assert result.exit_code == 0, result.stderr
    # The only warnings: quiz types the Common Cartridge profile cannot carry.
    assert all("[SB301]" in line for line in result.stderr.splitlines() if "warning:" in line)
    known = framework_ids()
    packages = sorted((workdir / "dist").rglob("*.zip"))  # a cartridge's LOM has no classification
    assert packages
    for package in packages:
        _, root = manifest_of(package)
        named = {o.get("objectiveID") for o in root.iter(f"{{{IMSSS}}}objective")}
        for namespace in (LOM, IMSMD, "http://www.imsglobal.org/xsd/imsmd_v1p2"):
            named |= {t.text for t in root.iter(f"{{{namespace}}}id")}
        named -= {"mbo", "hbo", "startbekwaam", "vakvolwassen"}
        assert named and named <= known, (package, named - known)
