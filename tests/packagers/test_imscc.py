"""The IMS Common Cartridge 1.1: a learning module per module with pages, web links for the
resources that have an address, a page listing all of them, and the quiz in QTI."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from lxml import etree

from tests.conftest import FIXTURES, run

CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
WL = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"


def cartridge(workdir: Path, fixture: str, schemas: Path) -> tuple[zipfile.ZipFile, str]:
    shutil.copytree(FIXTURES / fixture, workdir / fixture)
    result = run("make", fixture, "--out", "dist", "--format", "imscc", "--schemas", schemas)
    assert result.exit_code == 0, result.stderr
    [path] = (workdir / "dist").rglob("*.imscc")
    return zipfile.ZipFile(path), result.stderr


def test_modules_become_learning_modules_with_pages_links_and_quiz(
        workdir: Path, schemas: Path) -> None:
    archive, _ = cartridge(workdir, "minicursus", schemas)
    root = etree.fromstring(archive.read("imsmanifest.xml"))
    assert root.findtext(f"{{{CC}}}metadata/{{{CC}}}schemaversion") == "1.1.0"
    [top] = root.find(f".//{{{CC}}}organization")
    tree = [(m.findtext(f"{{{CC}}}title"), [i.findtext(f"{{{CC}}}title")
                                           for i in m.findall(f"{{{CC}}}item")]) for m in top]
    assert tree == [("Start", ["Welkom", "Tweede pagina", "Aan de slag", "Een voorbeeldsite",
                               "Toets: Start"]),
                    ("Verder", ["Plannen", "Afronding"])]
    types = {r.get("identifier"): r.get("type") for r in root.iter(f"{{{CC}}}resource")}
    assert types["res-start-link-voorbeeldsite"] == "imswl_xmlv1p1"
    assert types["res-start-toets"] == "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
    link = etree.fromstring(archive.read("start/links/voorbeeldsite.xml"))
    assert link.find(f"{{{WL}}}url").get("href") == "https://example.org/voorbeeld"
    # The resource without an address is on the page, and gets no web link of its own.
    listing = archive.read("start/aan-de-slag.html").decode()
    assert "Een handreiking" in listing and "Geen webadres bekend" in listing
    assert not any("handreiking.xml" in name for name in archive.namelist())
    welkom = archive.read("start/welkom.html").decode()
    assert 'href="tweede.html"' in welkom and "runtime.js" not in welkom


def test_quiz_questions_use_the_cc_profiles_and_the_rest_is_reported(
        workdir: Path, schemas: Path) -> None:
    archive, stderr = cartridge(workdir, "alletypes", schemas)
    test = etree.fromstring(archive.read("toets/toets/assessment.xml"))
    profiles = {item.get("ident"): item.findtext(
        f"{{{QTI}}}itemmetadata/{{{QTI}}}qtimetadata/{{{QTI}}}qtimetadatafield/{{{QTI}}}fieldentry")
        for item in test.iter(f"{{{QTI}}}item")}
    assert profiles == {"enkel": "cc.multiple_choice.v0p1", "meer": "cc.multiple_response.v0p1",
                        "waar": "cc.true_false.v0p1", "woord": "cc.fib.v0p1"}
    [waar] = [i for i in test.iter(f"{{{QTI}}}item") if i.get("ident") == "waar"]
    assert [label.get("ident") for label in waar.iter(f"{{{QTI}}}response_label")] == [
        "true", "false"]
    for question, kind in (("paren", "matching"), ("volgorde", "ordering"), ("getal", "numeric")):
        assert (f"alletypes/imscc/alletypes.imscc: warning: module 'toets', question "
                f"'{question}' ({kind}) is left out of the cartridge") in stderr


def test_an_acknowledged_type_is_left_out_without_a_warning(workdir: Path, schemas: Path) -> None:
    shutil.copytree(FIXTURES / "alletypes", workdir / "alletypes")
    meta = workdir / "alletypes" / "course.toml"
    meta.write_text(meta.read_text(encoding="utf-8")
                    + '\n[cartridge]\nleave_out = ["matching", "numeric"]\n', encoding="utf-8")
    result = run("make", "alletypes", "--out", "dist", "--format", "imscc", "--schemas", schemas)
    assert result.exit_code == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warnings) == 1 and "question 'volgorde' (ordering)" in warnings[0]
    assert "list 'ordering' under [cartridge] leave_out" in warnings[0]
    assert ("alletypes/imscc/alletypes.imscc: note: 2 questions of the types listed under "
            "[cartridge] leave_out are not in the cartridge (1 matching, 1 numeric) (they stay "
            "in the Moodle XML question bank) [SB302]") in result.stderr.splitlines()
    assert "(0 errors, 1 warning" in result.stderr + result.stdout
    [path] = (workdir / "dist").rglob("*.imscc")
    with zipfile.ZipFile(path) as archive:
        test = etree.fromstring(archive.read("toets/toets/assessment.xml"))
    assert {i.get("ident") for i in test.iter(f"{{{QTI}}}item")} == {
        "enkel", "meer", "waar", "woord"}


def test_an_unknown_type_to_leave_out_is_an_error_at_its_line(workdir: Path) -> None:
    shutil.copytree(FIXTURES / "alletypes", workdir / "alletypes")
    meta = workdir / "alletypes" / "course.toml"
    lines = meta.read_text(encoding="utf-8").count("\n")
    meta.write_text(meta.read_text(encoding="utf-8")
                    + '\n[cartridge]\nleave_out = ["matchin"]\n', encoding="utf-8")
    result = run("check", "alletypes")
    assert result.exit_code == 1
    assert (f"alletypes/course.toml:{lines + 3}: error: cartridge.leave_out[1]: 'matchin' is not "
            "one of single, multiple, truefalse, matching, ordering, text, numeric "
            "(did you mean 'matching'?) [SB203]") in result.stderr


def test_validate_checks_the_cartridge_and_its_resource_files(workdir: Path, schemas: Path) -> None:
    archive, _ = cartridge(workdir, "minicursus", schemas)
    broken = workdir / "broken.imscc"
    with zipfile.ZipFile(broken, "w") as out:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "start/links/voorbeeldsite.xml":
                data = data.replace(b"<url ", b"<adres ")
            out.writestr(name, data)
    result = run("validate", broken, "--schemas", schemas)
    assert result.exit_code == 1
    assert "broken.imscc/start/links/voorbeeldsite.xml" in result.stderr
    assert "IMS Common Cartridge 1.1 XSD" in result.stderr
