"""`scormbuild validate` on our packages, on broken and hostile ones, and on Moodle's own."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from scormbuild.packagers.scorm12 import Scorm12Packager
from tests.conftest import REPO, run

CORPUS = REPO.parent / "shared" / "corpus" / "moodle"

MANIFEST_12 = b"""<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="o"><organization identifier="o"><title>T</title>
    <item identifier="i" identifierref="r"><title>I</title></item>
  </organization></organizations>
  <resources>
    <resource identifier="r" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/><file href="missing.js"/>
    </resource>
  </resources>
</manifest>
"""


def make_zip(path: Path, entries: dict[str, bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    path.write_bytes(buffer.getvalue())
    return path


def test_our_packages_are_valid_and_checked_against_the_xsds(
        course: Path, workdir: Path, schemas: Path) -> None:
    assert run("make", "course", "--out", "dist", "--per", "module").exit_code == 0
    packages = sorted((workdir / "dist").rglob("*.zip"))
    result = run("validate", *packages, "--schemas", schemas, "--json")
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    assert report["diagnostics"] == []
    assert {(p["format"], p["xsd_checked"]) for p in report["packages"]} == {
        ("scorm12", True), ("scorm2004-4th", True), ("imscp", True)}


def test_a_missing_file_and_a_broken_reference_are_reported_at_their_line(workdir: Path) -> None:
    bad = MANIFEST_12.replace(b'identifierref="r"', b'identifierref="nowhere"')
    package = make_zip(workdir / "p.zip", {"imsmanifest.xml": bad, "index.html": b"<p>"})
    result = run("validate", package)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert ("p.zip/imsmanifest.xml:6: error: item 'i' refers to missing resource 'nowhere' "
            "[SB405]") in lines
    assert "p.zip/imsmanifest.xml:10: error: file 'missing.js' is not in the package [SB404]" in lines
    assert "p.zip: SCORM 1.2, XSD not checked: INVALID" in result.stdout


def test_xsd_errors_are_reported_with_the_manifest_line(workdir: Path, schemas: Path) -> None:
    bad = MANIFEST_12.replace(b"<title>I</title>", b"<title>I</title><bogus/>").replace(
        b'<file href="missing.js"/>', b"")
    package = make_zip(workdir / "p.zip", {"imsmanifest.xml": bad, "index.html": b"<p>"})
    result = run("validate", package, "--schemas", schemas)
    assert result.exit_code == 1
    [line] = [l for l in result.stderr.splitlines() if "[SB401]" in l]
    assert line.startswith("p.zip/imsmanifest.xml:6: error: SCORM 1.2 XSD: ")
    assert "bogus" in line


@pytest.mark.parametrize("entries, expected", [
    ({"course/imsmanifest.xml": MANIFEST_12},
     "p.zip: error: no imsmanifest.xml at the root of the package (found "
     "course/imsmanifest.xml: zip the folder's contents, not the folder) [SB402]"),
    ({"imsmanifest.xml": b"<manifest><unclosed></manifest>"},
     "p.zip/imsmanifest.xml: error: imsmanifest.xml is not well-formed XML"),
    ({"imsmanifest.xml": b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM '
                         b'"file:///etc/passwd">]><manifest>&x;</manifest>'},
     "p.zip/imsmanifest.xml: error: imsmanifest.xml declares a DTD, which it never needs "
     "[SB403]"),
    ({"imsmanifest.xml": MANIFEST_12, "index.html": b"", "missing.js": b"",
      "../../evil.sh": b"boom"},
     "p.zip/imsmanifest.xml: error: zip entry '../../evil.sh' has an unsafe path (absolute "
     "paths, .. and backslashes can write outside the package folder) [SB406]"),
])
def test_hostile_or_broken_packages_get_a_clear_error(workdir: Path, entries: dict[str, bytes],
                                                     expected: str) -> None:
    package = make_zip(workdir / "p.zip", entries)
    result = run("validate", package)
    assert result.exit_code == 1
    assert any(line.startswith(expected) for line in result.stderr.splitlines()), result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in workdir.iterdir()) == ["p.zip"], "validate wrote nothing"


def test_a_file_that_is_not_a_zip_is_reported(workdir: Path) -> None:
    (workdir / "p.zip").write_bytes(b"not a zip at all")
    result = run("validate", workdir / "p.zip")
    assert result.exit_code == 1
    assert result.stderr.startswith("p.zip: error: not a readable zip file")


#: What validate says about each of Moodle's own test packages (../shared/corpus/README.md
#: records what Moodle 5.1 did with them): (exit code, summary line, expected diagnostic).
CORPUS_VERDICTS = {
    "singlesco_scorm12.zip": (0, "SCORM 1.2, XSD checked: valid", None),
    "singlescobasic.zip": (0, "SCORM 1.2, XSD checked: valid", None),
    "RuntimeMinimumCalls_SCORM12.zip": (0, "SCORM 1.2, XSD checked: valid", None),
    "RuntimeBasicCalls_SCORM20043rdEdition.zip": (
        0, "SCORM 2004 3rd Edition, XSD checked: valid", None),
    "complexscorm.zip": (1, "SCORM 1.2, XSD checked: INVALID",
                         "default organization 'SCORMDEbugger555f231e21b982c25d16' does not exist"),
    "singlescobasic_missingorg.zip": (0, "SCORM 1.2, XSD checked: valid",
                                      "no organisation: Moodle makes one item per resource"),
    "validscorm.zip": (1, "unknown format", "holds no manifest: Moodle accepts the package, but "
                       "the activity has nothing to launch"),
    "invalid.zip": (1, "unknown format", "no imsmanifest.xml at the root of the package"),
    "badscorm.zip": (1, "unknown format", "found badscorm/imsmanifest.xml: zip the folder's "
                     "contents, not the folder"),
    "validaicc.zip": (1, "unknown format", "an AICC package (no imsmanifest.xml): Moodle 5.1 "
                      "accepts it, then fails in its AICC parser"),
    "py4e_export.imscc": (0, "IMS Common Cartridge 1.1, XSD checked: valid", None),
}


@pytest.mark.parametrize("name", sorted(CORPUS_VERDICTS))
def test_moodle_test_packages_get_a_verdict_an_administrator_can_act_on(
        name: str, workdir: Path, schemas: Path) -> None:
    code, summary, diagnostic = CORPUS_VERDICTS[name]
    result = run("validate", CORPUS / name, "--schemas", schemas)
    assert "Traceback" not in result.stderr
    assert result.exit_code == code, result.stderr
    assert summary in result.stdout
    if diagnostic:
        assert diagnostic in result.stderr


def test_complexscorm_gets_every_finding(schemas: Path) -> None:
    result = run("validate", CORPUS / "complexscorm.zip", "--schemas", schemas)
    assert "metadata file 'imslrm.xml' is not in the package [SB404]" in result.stderr
    assert "operating-system leftovers" in result.stderr


def test_lint_says_what_moodle_will_do_and_strict_makes_it_an_error(workdir: Path) -> None:
    manifest = (b'<?xml version="1.0"?><manifest identifier="m" '
                b'xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
                b'xmlns:sco="http://www.adlnet.org/xsd/adlcp_v1p3" '
                b'xmlns:ss="http://www.imsglobal.org/xsd/imsss">'
                b'<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion>'
                b'</metadata><organizations default="o"><organization identifier="o"><title>T</title>'
                b'<item identifier="i" identifierref="r"><title>I</title><ss:sequencing>'
                b'<ss:objectives><ss:primaryObjective objectiveID="p"/></ss:objectives>'
                b'</ss:sequencing></item></organization></organizations><resources>'
                b'<resource identifier="r" type="webcontent" sco:scormType="sco" href="a.html">'
                b'<file href="a.html"/></resource></resources></manifest>')
    package = make_zip(workdir / "p.zip", {"imsmanifest.xml": manifest, "a.html": b"<p>",
                                           "__MACOSX/._a.html": b""})
    result = run("validate", package)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert any("the adlcp namespace is written with the prefix 'sco'" in w for w in warnings)
    assert any("the imsss namespace is written with the prefix 'ss'" in w for w in warnings)
    assert any("objective 'p' has no minNormalizedMeasure: Moodle takes 1.0" in w for w in warnings)
    assert any("operating-system leftovers such as '__MACOSX/._a.html'" in w for w in warnings)
    assert run("validate", package, "--strict").exit_code == 1


def test_question_banks_and_framework_csvs_are_validated_by_suffix(
        course: Path, workdir: Path) -> None:
    assert run("make", "course", "--out", "dist", "--format", "moodlexml,competencies").exit_code == 0
    files = sorted((workdir / "dist").rglob("*.xml")) + sorted((workdir / "dist").rglob("*.csv"))
    result = run("validate", *files)
    assert result.exit_code == 0, result.stderr
    assert "Moodle XML question bank, XSD not checked: valid" in result.stdout
    assert "Moodle competency framework CSV, XSD not checked: valid" in result.stdout


def test_make_refuses_to_write_a_package_that_fails_validation(
        course: Path, workdir: Path, schemas: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Scorm12Packager.manifest

    def broken(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        root = original(self, *args, **kwargs)
        etree.SubElement(root, "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}unexpected")
        return root

    monkeypatch.setattr(Scorm12Packager, "manifest", broken)
    result = run("make", "course", "--out", "dist", "--schemas", schemas)
    assert result.exit_code == 1
    assert "SCORM 1.2 XSD" in result.stderr and "nothing was written" in result.stderr
    assert not (workdir / "dist").exists()
    assert sorted(p.name for p in workdir.iterdir()) == ["course"]
