"""The competentiewijzer in Chromium against scorm-again: likert interactions, an objective per
competence, a profile per cluster drawn as SVG, and ratings kept across a relaunch."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import lms
from tests.browser.lms import FOLDER, leave, value

RATINGS = {"mk-1.1": "4", "mk-1.2": "2", "mk-plan": "3"}


@pytest.fixture(scope="module")
def packages(alletypes: Path) -> Path:
    return alletypes


def launch(page, server: str, site: Path, packages: Path, version: str,  # type: ignore[no-untyped-def]
           state: dict | None = None):
    frame = lms.launch(page, server, site, packages / FOLDER[version] / "02-wijzer.zip", version,
                       "wijzer", state)
    if state is None:  # a new learner starts on the introduction page
        frame.locator("[data-sb-nav=next]").click()
    return frame


def rate(frame, ratings: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    for competence, rating in ratings.items():
        frame.locator(f"input[name='r-{competence}'][value='{rating}']").check()


@pytest.mark.parametrize("version", ["12", "2004"])
def test_ratings_become_likert_interactions_objectives_and_a_profile(
        version: str, page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, version)
    rate(frame, {"mk-1.1": "4", "mk-1.2": "2"})
    frame.locator("[data-sb-profile]").click()
    assert "nog 1 open" in frame.locator("#sb-wijzer-status").inner_text()
    rate(frame, {"mk-plan": "3"})
    frame.locator("[data-sb-profile]").click()
    profile = frame.locator("#sb-profile")
    assert profile.is_visible()
    assert profile.locator("svg[role=img] rect").count() == 4  # a track and a bar per cluster
    assert profile.locator("tbody").inner_text().split("\n") == [
        "1 Contact\t3 / 4", "2 Plannen\t3 / 4"]
    leave(page)
    records = dict(page.evaluate("window.recorded"))
    response = "student_response" if version == "12" else "learner_response"
    assert [(records[f"cmi.interactions.{n}.id"], records[f"cmi.interactions.{n}.type"],
             records[f"cmi.interactions.{n}.{response}"]) for n in range(3)] == [
        ("mk-1.1", "likert", "4"), ("mk-1.2", "likert", "2"), ("mk-plan", "likert", "3")]
    found = {}
    for n in range(int(value(page, version, "cmi.objectives._count"))):
        base = f"cmi.objectives.{n}."
        status = value(page, version, base + ("status" if version == "12" else "success_status"))
        found[value(page, version, base + "id")] = (value(page, version, base + "score.raw"), status)
    assert found == {"mk-1.1": ("100", "passed"), "mk-1.2": ("33.33", "failed"),
                     "mk-plan": ("66.67", "passed"), "wijzer.module": ("66.67", "passed")}
    status = "cmi.core.lesson_status" if version == "12" else "cmi.completion_status"
    assert value(page, version, status) == "completed"


def test_ratings_survive_a_relaunch(page, server: str, site: Path, packages: Path) -> None:  # type: ignore[no-untyped-def]
    frame = launch(page, server, site, packages, "2004")
    rate(frame, {"mk-1.1": "4", "mk-1.2": "2"})
    leave(page)
    state = {"cmi": {"suspend_data": value(page, "2004", "cmi.suspend_data"),
                     "location": value(page, "2004", "cmi.location")}}
    relaunched = launch(page, server, site, packages, "2004", state)
    assert relaunched.locator("#title-wijzer").is_visible()
    assert relaunched.locator("input[name='r-mk-1.1'][value='4']").is_checked()
    assert relaunched.locator("input[name='r-mk-1.2'][value='2']").is_checked()
    assert not relaunched.locator("input[name='r-mk-plan']:checked").count()
