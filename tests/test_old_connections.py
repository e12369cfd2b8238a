"""A connection that predates any outreach is "already connected": shown and usable (it
gets a message in a batch), never counted as the campaign's reach."""

from __future__ import annotations

import datetime as dt
import json
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.metrics import counts, outreach
from generator.metrics.checklist import checklist
from generator.model.vocabulary import Stage
from generator.render.pages import all_pages
from tests.outreach_plans import on, person, touch, who, write_plan


def status(plans: Path, today: str = "2026-11-26") -> dict[str, object]:
    result = CliRunner().invoke(
        cli,
        ["--plans", str(plans), "--today", today, "status", "--json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


@pytest.mark.parametrize(
    ("connected", "already", "stage"),
    [
        ("2026-03-09", True, "invited"),  # the day before my message: an old connection
        ("2026-03-10", False, "connected"),  # the same day: an answer to it
        ("2026-03-11", False, "connected"),
    ],
)
def test_a_connection_before_my_first_message_to_them_is_not_reach(
    tmp_path: Path, connected: str, already: bool, stage: str
) -> None:
    touches = (touch(connected, "connected"), touch("2026-03-10", "messaged", "linkedin"))
    plan = on(write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches)]}), "2026-11-26")
    ada = who(plan, "Ada Kral")
    assert (plan[ada].already_connected_on is not None) is already
    assert plan[ada].stage == stage
    # My message reached her either way; the connection counts only as her answer.
    assert counts.reached_counts(plan.people)[Stage.CONNECTED] == (0 if already else 1)
    assert (plan[ada].unanswered is not None) is already, "an old connection is no answer"


@pytest.mark.parametrize(
    ("connected", "already"),
    [("2026-03-09", True), ("2026-03-10", False), ("2026-03-11", False)],
    ids=["day before the plan's first outreach", "that day", "day after"],
)
def test_without_outreach_to_them_the_plan_start_decides(
    tmp_path: Path, connected: str, already: bool
) -> None:
    """Nothing was sent to Ben: a connection made once the plan runs is taken as its work
    (the invitation may not have been logged); one from before is an old connection."""
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [person("Ada Kral", touch("2026-03-10", "invited", "linkedin"))],
            "Lumo": [person("Ben Hora", touch(connected, "connected"))],
        },
    )
    plan = on(plans, "2026-11-26")
    ben = who(plan, "Ben Hora")
    assert plan.first_outreach == dt.date(2026, 3, 10)
    assert (plan[ben].already_connected_on is not None) is already
    assert plan[ben].stage == ("identified" if already else "connected")
    assert plan[ben].contacted is not already
    data = status(plans)
    assert data["stages"] == {
        "identified": 1 if already else 0,
        "invited": 1,
        "connected": 0 if already else 1,
        "replied": 0,
        "met": 0,
        "declined": 0,
    }
    assert data["reached"] == {
        "invited": 1 if already else 2,
        "connected": 0 if already else 1,
        "replied": 0,
        "met": 0,
    }
    assert data["contacted"] == (1 if already else 2)
    assert data["already_connected"] == (1 if already else 0)


def test_before_any_outreach_every_connection_is_old(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [person("Ada Kral", touch("2019-05-02", "connected"))],
            "Lumo": [person("Ben Hora", touch("2026-11-20", "connected"), email=False)],
        },
    )
    plan = on(plans, "2026-11-26")
    assert plan.first_outreach is None
    assert [p.already_connected_on for p in plan.people] == [
        dt.date(2019, 5, 2),
        dt.date(2026, 11, 20),
    ]
    step = checklist(plan)[3]
    assert step.progress[0] == "0 of 2 people contacted (0%)"
    assert step.progress[-1] == "2 already connected before the plan, not yet contacted"
    assert outreach.follow_ups_due(plan) == [], "nobody to keep alive: nobody was reached"
    assert outreach.silent_companies(plan) == []


def test_an_old_connection_gets_a_message_not_an_invitation(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Ada Kral", touch("2019-05-02", "connected"), email=False),
                person("Cyril Dvorak", touch("2026-03-10", "invited", "linkedin"), focus="hr"),
            ],
        },
    )
    plan = on(plans, "2026-11-30")
    ada = who(plan, "Ada Kral")
    assert outreach.next_batch(plan) == [ada]
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", "2026-11-30", "next"], catch_exceptions=False
    )
    assert (
        "1. Ada Kral: Kessel (priority 1, Heat pumps)\n"
        "   https://www.linkedin.com/in/ada-kral-example\n"
        "   LinkedIn message (connected since 2019-05-02):\n"
        "     Dear Ada, a first e-mail.\n"
    ) in result.output
    assert "Hi Ada, an invitation." not in result.output
    pages = all_pages(plan)
    person_page = pages["people/ada-kral.md"]
    assert "(already connected)" in person_page
    assert "Send it as a LinkedIn message: connected since 2019-05-02" in unescape(person_page)
    assert '<label for="pb-draft-email">LinkedIn message <span' in person_page
    assert '<label for="pb-draft-invite">' not in person_page, "no invitation to a connection"
    this_week = unescape(pages["this-week/index.md"])
    assert "Send it as a LinkedIn message: connected since 2019-05-02" in this_week
    assert "(already connected)" in pages["companies/kessel.md"]


def test_an_old_connection_waiting_for_a_batch_says_so(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Ada Kral", touch("2026-11-24", "invited", "linkedin")),
                person("Ben Hora", touch("2019-05-02", "connected"), focus="hr"),
            ]
        },
    )
    plan = on(plans, "2026-11-26")
    assert plan.next_step(who(plan, "Ben Hora")) == (
        "already connected (since 2019-05-02): message them in a future batch"
    )


@pytest.mark.parametrize(
    ("ada_focus", "expected"),
    [("operations", "Ada Kral"), ("hr", "Ben Hora")],
)
def test_an_old_connection_goes_first_among_people_of_the_same_kind(
    tmp_path: Path, ada_focus: str, expected: str
) -> None:
    """The future boss still comes before HR; between two of a kind, the connection first."""
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Ada Kral", focus=ada_focus),
                person("Ben Hora", touch("2019-05-02", "connected"), focus="hr"),
            ]
        },
    )
    assert [p.name for p in outreach.next_batch(on(plans, "2026-11-26"))] == [expected]
