"""IMS Content Packaging 1.1.4: a table of contents of modules and pages, no tracking."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import run

CP = "http://www.imsglobal.org/xsd/imscp_v1p1"


@pytest.fixture
def built(course: Path, workdir: Path, schemas: Path) -> Path:
    result = run("make", "course", "--out", "dist", "--format", "imscp", "--schemas", schemas)
    assert result.exit_code == 0, result.stderr
    return workdir / "dist" / "minicursus" / "imscp"


def manifest(package: Path) -> etree._Element:
    with zipfile.ZipFile(package) as archive:
        return etree.fromstring(archive.read("imsmanifest.xml"))


def test_course_package_is_a_branch_per_module_with_its_pages(built: Path) -> None:
    root = manifest(built / "minicursus.zip")
    assert root.findtext(f"{{{CP}}}metadata/{{{CP}}}schema") == "IMS Content"
    assert root.findtext(f"{{{CP}}}metadata/{{{CP}}}schemaversion") == "1.1.4"
    organization = root.find(f".//{{{CP}}}organization")
    tree = [(item.findtext(f"{{{CP}}}title"),
             [child.findtext(f"{{{CP}}}title") for child in item.findall(f"{{{CP}}}item")])
            for item in organization.findall(f"{{{CP}}}item")]
    assert tree == [("Start", ["Welkom", "Tweede pagina"]), ("Verder", ["Plannen", "Afronding"])]
    hrefs = {r.get("identifier"): r.get("href") for r in root.iter(f"{{{CP}}}resource")}
    assert hrefs["res-start-tweede"] == "start/index.html#page-tweede"
    assert b"scormtype" not in etree.tostring(root).lower()


def test_packages_pass_the_official_imscp_schema(built: Path, schemas: Path) -> None:
    result = run("validate", *sorted(built.glob("*.zip")), "--schemas", schemas)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("IMS Content Packaging 1.1.4, XSD checked: valid") == 3
