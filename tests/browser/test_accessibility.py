"""Accessibility in Chromium: a keyboard-only learner, axe-core on every kind of page, and the
layout at 360 px."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import unpack
from tests.browser.learner import ORDER, RIGHT, TYPES, answer, take_quiz
from tests.conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def packages(alletypes: Path) -> Path:
    return alletypes / "scorm12"


def open_module(page, server: str, site: Path, package: Path, module: str):  # type: ignore[no-untyped-def]
    prefix = unpack(package, site, f"a11y-{module}")
    page.goto(f"{server}/host.html?version=12&launch={prefix}/{module}/index.html")
    frame = page.frame_locator("#sco")
    frame.locator("#sb-progress").wait_for()
    return frame


def focused(page) -> str:  # type: ignore[no-untyped-def]
    """A description of the focused element inside the SCO frame."""
    return page.frame_locator("#sco").locator(":root").evaluate(
        "() => { const e = document.activeElement; return e.tagName + '|' + (e.type || '') + '|' +"
        " [...e.attributes].map(a => a.name).join(','); }")


def tab_to(page, predicate, limit: int = 25) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused(page)):
            return
    raise AssertionError(f"Tab never reached the control; last focus {focused(page)}")


def answer_by_keyboard(page, kind: str) -> None:  # type: ignore[no-untyped-def]
    if kind in ("single", "truefalse", "multiple"):
        tab_to(page, lambda f: f.startswith("INPUT|radio") or f.startswith("INPUT|checkbox"))
        page.keyboard.press("Space")
    elif kind in ("matching", "ordering"):
        for position in range(1, 4):
            tab_to(page, lambda f: f.startswith("SELECT"))
            for _ in range(position if kind == "ordering" else 1):
                page.keyboard.press("ArrowDown")
    else:
        tab_to(page, lambda f: f.startswith("INPUT|text"))
        page.keyboard.type("42")
    tab_to(page, lambda f: "data-sb-check" in f)
    page.keyboard.press("Enter")
    assert "data-sb-next-question" in focused(page), "focus moves on to the next question"
    page.keyboard.press("Enter")


def test_the_whole_quiz_can_be_done_by_keyboard_alone(
        page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = open_module(page, server, site, packages / "01-toets.zip", "toets")
    tab_to(page, lambda f: "data-sb-nav" in f)  # "previous" is disabled on page 1: this is next
    page.keyboard.press("Enter")
    assert frame.locator("#title-toets").is_visible()
    for question in ORDER:
        answer_by_keyboard(page, TYPES[question])
    result = frame.locator("#sb-result")
    assert result.is_visible() and "Je score is" in result.inner_text()
    assert page.evaluate("window.recorded.filter(r => r[0].endsWith('.result')).length") == 7


def run_axe(page) -> list[dict]:  # type: ignore[no-untyped-def]
    frame = page.frames[1]
    frame.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    results = frame.evaluate(
        "() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    assert len(results["passes"]) > 10, "axe did not evaluate the page"
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["html"] for n in v["nodes"]][:3]}
            for v in results["violations"] if v["impact"] in ("serious", "critical")]


@pytest.fixture
def csp_page(browser):  # type: ignore[no-untyped-def]
    # axe is injected as an inline script, which the SCO's strict CSP rightly forbids.
    context = browser.new_context(bypass_csp=True)
    yield context.new_page()
    context.close()


def test_axe_finds_no_serious_violations_on_any_kind_of_page(
        csp_page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    page = csp_page
    frame = open_module(page, server, site, packages / "01-toets.zip", "toets")
    assert run_axe(page) == []  # a lesson page
    frame.locator("[data-sb-nav=next]").click()
    frame.locator("#q-enkel input[value='a']").check()
    frame.locator("#q-enkel [data-sb-check]").click()
    assert run_axe(page) == []  # a question with its feedback
    page.goto("about:blank")
    frame = open_module(page, server, site, packages / "01-toets.zip", "toets")
    take_quiz(frame, RIGHT)
    assert run_axe(page) == []  # the result screen
    frame = open_module(page, server, site, packages / "02-wijzer.zip", "wijzer")
    frame.locator("[data-sb-nav=next]").click()
    for competence in ("mk-1.1", "mk-1.2", "mk-plan"):
        frame.locator(f"input[name='r-{competence}'][value='3']").check()
    frame.locator("[data-sb-profile]").click()
    assert run_axe(page) == []  # the wijzer with its profile


def test_at_360_px_nothing_overflows_sideways(
        browser, server: str, site: Path, packages: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    prefix = unpack(packages / "01-toets.zip", site, "phone")
    page.goto(f"{server}{prefix}/toets/index.html")  # the SCO alone, as the Moodle app shows it
    page.locator("[data-sb-nav=next]").click()
    for question in ("enkel", "meer", "waar", "paren"):
        page.locator(f"#q-{question} [data-sb-check]").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        box = page.locator(f"#q-{question} [data-sb-check]").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
        answer(page, question, RIGHT[question])
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        page.screenshot(path=str(tmp_path / f"360-{question}.png"))
        page.locator(f"#q-{question} [data-sb-next-question]").click()
    assert (tmp_path / "360-paren.png").stat().st_size > 0
    context.close()
