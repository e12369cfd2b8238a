"""A touch's `time` ("10:00"): checked where it is written, written by `log --at`,
shown on the person's timeline, in Coming up and in `next`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.errors import InvalidPlan
from generator.reading.fields import parse_time
from generator.render.pages import person_page, this_week_page
from tests.conftest import TODAY
from tests.helpers import replace_in, snapshot

VOLTA = "companies/volta-cells.yaml"
JAN_MET = "{date: 2026-10-20, action: met, note: Coffee in Wrocław}"


def run(plans: Path, *args: str, today: str = "2026-11-26") -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", today, *args], catch_exceptions=False
    )
    return result.exit_code, result.output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("00:00", dt.time(0, 0)),
        ("9:30", dt.time(9, 30)),
        ("09:30", dt.time(9, 30)),
        (" 10:00 ", dt.time(10, 0)),
        ("19:59", dt.time(19, 59)),
        ("23:59", dt.time(23, 59)),
        ("24:00", None),
        ("10:60", None),
        ("10:5", None),
        ("100:00", None),
        ("10.00", None),
        ("10:00:00", None),
        ("10am", None),
        ("-1:00", None),
        ("", None),
    ],
)
def test_parse_time(text: str, expected: dt.time | None) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("time: '10:00'", dt.time(10, 0)),
        ('time: "7:05"', dt.time(7, 5)),
        ("time: 10:00", dt.time(10, 0)),  # plans are read as YAML 1.2: text, not 600
    ],
)
def test_a_time_is_read_into_the_touch(small_plan: Path, written: str, expected: dt.time) -> None:
    replace_in(
        small_plan / VOLTA,
        JAN_MET,
        JAN_MET.replace("}", f", {written}}}"),
    )
    plan = load_plan(small_plan, TODAY)
    (jan,) = [p for p in plan.plan.people if p.name == "Jan Nowak"]
    assert [t.time for t in jan.touches] == [None, None, expected]
    assert jan.touches[2].when == f"2026-10-20 {expected:%H:%M}"
    assert jan.touches[0].when == "2026-10-02"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "time: '24:00'",
            "expected a time of day as HH:MM on the 24-hour clock, such as \"09:30\"; got '24:00'",
        ),
        (
            "time: 1000",
            'expected a time of day as HH:MM on the 24-hour clock, such as "09:30" in quotes; '
            "got the number 1000",
        ),
        (
            "time: '10:00 am'",
            'expected a time of day as HH:MM on the 24-hour clock, such as "09:30"; '
            "got '10:00 am'",
        ),
    ],
)
def test_a_wrong_time_is_located(small_plan: Path, written: str, message: str) -> None:
    replace_in(small_plan / VOLTA, JAN_MET, JAN_MET.replace("}", f", {written}}}"))
    with pytest.raises(InvalidPlan) as raised:
        load_plan(small_plan, TODAY)
    column = 1 + len("      - {date: 2026-10-20, action: met, note: Coffee in Wrocław, time: ")
    assert [str(p) for p in raised.value.problems] == [
        f"{small_plan / VOLTA}:17:{column}: people[0] (Jan Nowak).touches[2].time: {message}"
    ]


def test_log_at_writes_a_quoted_time(small_plan: Path) -> None:
    path = small_plan / VOLTA
    before = path.read_text(encoding="utf-8")
    code, output = run(
        small_plan, "log", "Jan Nowak", "met", "--date", "2026-12-03", "--at", "9:30"
    )
    assert code == 0, output
    assert output == f"{path}:18: Jan Nowak: meeting planned for 2026-12-03 at 09:30\n"
    assert path.read_text(encoding="utf-8") == before.replace(
        f"      - {JAN_MET}\n",
        f'      - {JAN_MET}\n      - {{date: 2026-12-03, time: "09:30", action: met}}\n',
    )


def test_log_at_in_a_block_list_and_in_the_past(small_plan: Path) -> None:
    path = small_plan / "companies" / "nordic-robotics.yaml"
    replace_in(
        path,
        "    touches:\n      - {date: 2026-06-01, action: invited}",
        "    touches:\n      - date: 2026-06-01\n        action: invited",
    )
    before = path.read_text(encoding="utf-8")
    code, output = run(
        small_plan,
        "log",
        "Lindqvist",
        "met",
        "--date",
        "2026-06-02",
        "--at",
        "10:00",
        "--channel",
        "phone",
    )
    assert code == 0, output
    assert output == f"{path}:13: Åsa Lindqvist: met on 2026-06-02 at 10:00 (phone)\n"
    assert path.read_text(encoding="utf-8") == before.replace(
        "        action: invited\n",
        "        action: invited\n"
        "      - date: 2026-06-02\n"
        '        time: "10:00"\n'
        "        action: met\n"
        "        channel: phone\n",
    )


@pytest.mark.parametrize("at", ["25:00", "10", "10:00pm", "noon"])
def test_log_at_refuses_what_is_not_a_time(small_plan: Path, at: str) -> None:
    before = snapshot(small_plan)
    code, output = run(small_plan, "log", "Jan Nowak", "met", "--at", at)
    assert code == 2
    assert output == (
        "--at: expected a time of day as HH:MM on the 24-hour clock, "
        f"such as \"09:30\"; got '{at}'\n"
    )
    assert snapshot(small_plan) == before


def test_the_same_timed_touch_twice_is_refused(small_plan: Path) -> None:
    args = ("log", "Jan Nowak", "met", "--date", "2026-12-03", "--at", "10:00")
    assert run(small_plan, *args)[0] == 0
    before = snapshot(small_plan)
    code, output = run(small_plan, *args)
    assert code == 1
    volta = small_plan / "companies" / "volta-cells.yaml"
    assert output == (
        f"Jan Nowak already has a meeting on 2026-12-03 at 10:00 ({volta}:18:16): one touch "
        "per person, action and day; nothing was written\n"
    )
    assert snapshot(small_plan) == before


def test_the_time_shows_in_next_on_the_timeline_and_in_coming_up(small_plan: Path) -> None:
    replace_in(small_plan / VOLTA, JAN_MET, JAN_MET.replace("}", ", time: '09:30'}"))
    run(small_plan, "log", "Jan Nowak", "met", "--date", "2026-12-03", "--at", "14:00")
    code, output = run(small_plan, "next")
    assert code == 0
    assert "- 2026-12-03 14:00: meeting with Jan Nowak (Volta Cells)\n" in output
    plan = load_plan(small_plan, TODAY)
    (jan,) = [p for p in plan.plan.people if p.name == "Jan Nowak"]
    page = person_page(plan, jan)
    assert "- **2026-12-03 14:00** · meeting\n" in page
    assert (
        '| <span class="pb-when">2026-10-20 09:30</span> | met | – | Coffee in Wrocław |\n' in page
    )
    assert "| 2026-10-05 | connected | – |  |\n" in page
    assert "- **2026-12-03 14:00** · meeting · [Jan Nowak](../people/jan-nowak.md)" in (
        this_week_page(plan)
    )
