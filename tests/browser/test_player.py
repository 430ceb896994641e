"""The first runtime in real Chromium against scorm-again: finds the API, tracks the pages seen,
reports completion on the last page, resumes at the saved location, terminates once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import lms
from tests.browser.conftest import unpack
from tests.browser.lms import value, written
from tests.conftest import run


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from tests.conftest import FIXTURES

    folder = tmp_path_factory.mktemp("build")
    shutil.copytree(FIXTURES / "minicursus", folder / "course")
    result = run("make", str(folder / "course"), "--out", str(folder / "dist"),
                 "--per", "module")
    assert result.exit_code == 0, result.stderr
    return folder / "dist" / "minicursus"


def launch(page, server: str, site: Path, package: Path, version: str,  # type: ignore[no-untyped-def]
           state: dict | None = None, module: str = "start"):
    return lms.launch(page, server, site, package, version, module, state)


def cmi(page, path: str) -> str:  # type: ignore[no-untyped-def]
    version, element = path.split(":", 1)
    return value(page, version, element)


def last_written(page, element: str) -> str:  # type: ignore[no-untyped-def]
    """What the SCO last wrote to a write-only element, from the host's record of SetValue."""
    found = written(page, element)
    assert element in found, f"{element} was never written"
    return found[element]


STATUS = {"12": "12:cmi.core.lesson_status", "2004": "2004:cmi.completion_status"}
LOCATION = {"12": "12:cmi.core.lesson_location", "2004": "2004:cmi.location"}
EXIT = {"12": "cmi.core.exit", "2004": "cmi.exit"}


@pytest.mark.parametrize("version", ["12", "2004"])
def test_without_a_quiz_completion_comes_with_the_last_page(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    folder = "scorm12" if version == "12" else "scorm2004"
    frame = launch(page, server, site, packages / folder / "02-verder.zip", version, module="verder")
    assert frame.locator("#sb-progress").inner_text() == "Pagina 1 van 2"
    assert cmi(page, STATUS[version]) == "incomplete"
    frame.locator("[data-sb-nav=next]").click()
    assert cmi(page, LOCATION[version]) == "afronding"
    assert cmi(page, STATUS[version]) == "completed"
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.terminations === 1")
    assert last_written(page, EXIT[version]) == ("" if version == "12" else "normal")


@pytest.mark.parametrize("version", ["12", "2004"])
def test_pages_of_a_quiz_module_do_not_complete_it(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    folder = "scorm12" if version == "12" else "scorm2004"
    frame = launch(page, server, site, packages / folder / "01-start.zip", version)
    assert frame.locator("#sb-progress").inner_text() == "Pagina 1 van 4"
    for expected in ("tweede", "aan-de-slag", "toets"):
        frame.locator("[data-sb-nav=next]").click()
        assert cmi(page, LOCATION[version]) == expected
    assert frame.locator("#title-toets").is_visible()
    assert cmi(page, STATUS[version]) == "incomplete"


@pytest.mark.parametrize("version", ["12", "2004"])
def test_a_returning_learner_resumes_at_the_saved_page(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    state = ({"cmi": {"core": {"lesson_location": "tweede", "lesson_status": "incomplete"}}}
             if version == "12" else {"cmi": {"location": "tweede"}})
    package = packages / ("scorm12" if version == "12" else "scorm2004") / "01-start.zip"
    frame = launch(page, server, site, package, version, state)
    assert frame.locator("#title-tweede").is_visible()
    assert not frame.locator("#title-welkom").is_visible()
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.terminations === 1")
    assert last_written(page, EXIT[version]) == "suspend"


def test_without_an_lms_the_module_works_and_says_so_once(
        page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    prefix = unpack(packages / "scorm12/01-start.zip", site, "standalone")
    page.goto(f"{server}{prefix}/start/index.html")
    assert "buiten een leeromgeving" in page.locator("#sb-status").inner_text()
    page.locator("a[data-sb-goto=tweede]").click()
    assert page.locator("#title-tweede").is_visible()
    assert page.locator("#sb-progress").inner_text() == "Pagina 2 van 4"


def test_a_link_to_a_page_anchor_opens_that_page(
        page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    # IMS content packages link each table-of-contents entry to <module>/index.html#page-<id>.
    prefix = unpack(packages / "scorm12/01-start.zip", site, "deeplink")
    page.goto(f"{server}{prefix}/start/index.html#page-tweede")
    assert page.locator("#title-tweede").is_visible()
    assert page.locator("#sb-progress").inner_text() == "Pagina 2 van 4"
