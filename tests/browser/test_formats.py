"""Every runtime formatter, run in Chromium, against the patterns Moodle's player checks
(mod/scorm/datamodels/scorm_12.js and scorm_13.js; MOODLE.md)."""

from __future__ import annotations

import json
import re

import pytest

from scormbuild.check.ids import ID_FORM, TOKEN_FORM
from scormbuild.render.theme import theme_dir

# Moodle 1.2: CMITimespan, CMITime, CMIDecimal.
TIMESPAN_12 = re.compile(r"^([0-9]{2,4}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,2})?$")
TIME_12 = re.compile(r"^([0-2][0-9]):([0-5][0-9]):([0-5][0-9])(\.[0-9]{1,2})?$")
DECIMAL_12 = re.compile(r"^-?([0-9]{0,3})(\.[0-9]*)?$")
# Moodle 2004: CMITimespan, CMITime, CMIDecimal, CMIIdentifier, CMIShortIdentifier.
TIMESPAN_2004 = re.compile(
    r"^P(\d+Y)?(\d+M)?(\d+D)?(T(((\d+H)(\d+M)?(\d+(\.\d{1,2})?S)?)|((\d+M)(\d+(\.\d{1,2})?S)?)"
    r"|((\d+(\.\d{1,2})?S))))?$")
TIME_2004 = re.compile(
    r"^(19[7-9][0-9]|20[0-2][0-9]|203[0-8])((-(0[1-9]|1[0-2]))((-(0[1-9]|[1-2][0-9]|3[0-1]))"
    r"(T([0-1][0-9]|2[0-3])((:[0-5][0-9])((:[0-5][0-9])((\.[0-9]{1,2})((Z|([+|-]([0-1][0-9]"
    r"|2[0-3])))(:[0-5][0-9])?)?)?)?)?)?)?)?$")
DECIMAL_2004 = re.compile(r"^-?([0-9]{1,5})(\.[0-9]{1,18})?$")
IDENTIFIER_2004 = re.compile(r"^\S{0,250}[a-zA-Z0-9]$")
SHORT_IDENTIFIER_2004 = re.compile(r"^[\w.]{1,250}$")

DURATIONS_MS = [0, 4, 5, 999, 1000, 59_994, 59_999, 60_000, 3_599_990, 3_600_000, 36_000_000,
                1_440_000_000, 36_000_000_000]
SCORES = [0, 0.004, 1, 33.333333333, 57.142857, 66.67, 99.995, 100]
DATES_MS = [0, 1_700_000_000_000, 1_700_000_000_999, 1_800_000_059_995, 2_145_916_799_990]


@pytest.fixture
def formats(page):  # type: ignore[no-untyped-def]
    page.set_content("<html><body></body></html>")
    page.add_script_tag(content=(theme_dir() / "runtime" / "format.js").read_text())
    return lambda call: page.evaluate(f"(() => {{ const f = window.scormbuild.format; "
                                      f"return {call}; }})()")


def test_timespans_match_moodles_patterns(formats) -> None:  # type: ignore[no-untyped-def]
    spans = formats(f"{json.dumps(DURATIONS_MS)}.map(f.timespan12)")
    durations = formats(f"{json.dumps(DURATIONS_MS)}.map(f.duration2004)")
    assert all(TIMESPAN_12.match(s) for s in spans), spans
    assert all(TIMESPAN_2004.match(d) for d in durations), durations
    assert spans[:2] == ["0000:00:00.00", "0000:00:00.00"]
    assert spans[4] == "0000:00:01.00" and spans[9] == "0001:00:00.00"
    assert durations[10] == "PT10H0M0S" and durations[5] == "PT0H0M59.99S"
    assert spans[-1] == "9999:00:00.00"  # capped: 1.2 has four hour digits


def test_times_of_day_and_timestamps_match_moodles_patterns(formats) -> None:  # type: ignore[no-untyped-def]
    times = formats(f"{json.dumps(DATES_MS)}.map(ms => f.time12(new Date(ms)))")
    stamps = formats(f"{json.dumps(DATES_MS)}.map(ms => f.timestamp2004(new Date(ms)))")
    assert all(TIME_12.match(t) for t in times), times
    assert all(TIME_2004.match(s) for s in stamps), stamps
    assert stamps[1] == "2023-11-14T22:13:20.00Z" and stamps[2] == "2023-11-14T22:13:20.99Z"


def test_scores_match_both_decimal_patterns(formats) -> None:  # type: ignore[no-untyped-def]
    raws = formats(f"{json.dumps(SCORES)}.map(f.decimal)")
    scaled = formats(f"{json.dumps(SCORES)}.map(s => f.decimal(s / 100))")
    assert all(DECIMAL_12.match(r) and DECIMAL_2004.match(r) for r in raws), raws
    assert all(DECIMAL_2004.match(s) for s in scaled), scaled
    assert raws[3] == "33.3333333" and scaled[-1] == "1"


def test_learner_text_is_bounded_and_printable(formats) -> None:  # type: ignore[no-untyped-def]
    assert formats("f.text('a\\tb\\nc' + 'x'.repeat(300), 60)") == "a b c" + "x" * 55


@pytest.mark.parametrize("value", ["sf-aansluiting", "co-1.1", "eerste-contact", "a.module",
                                   "q1", "x-1.2.3"])
def test_ids_the_checker_accepts_are_valid_2004_identifiers(value: str) -> None:
    assert ID_FORM.match(value) and IDENTIFIER_2004.match(value)


@pytest.mark.parametrize("value", ["a", "b_2", "optie_3", "p10"])
def test_option_ids_the_checker_accepts_are_valid_response_tokens(value: str) -> None:
    assert TOKEN_FORM.match(value) and SHORT_IDENTIFIER_2004.match(value)
