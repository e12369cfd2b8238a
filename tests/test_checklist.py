"""The four steps, ticked from the small fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.metrics.checklist import checklist, headline_numbers
from tests.conftest import TODAY
from tests.metric_plans import small_on
from tests.outreach_plans import on, person, touch, write_plan


def test_checklist() -> None:
    steps = checklist(small_on(TODAY))
    assert [(s.number, s.done) for s in steps] == [(1, True), (2, False), (3, True), (4, False)]
    assert steps[1].progress == [
        "2 leading companies, recruitment firms apart (target 4)",
        "Battery cells: 1 (target 2)",
        "Automation: 1 (target 2)",
        "Recruitment: 1 firm (target 4)",
    ]
    assert steps[1].next_action == "List 1 more company in Battery cells."
    assert steps[2].progress == [
        "6 people (target 6)",
        "3 of 3 companies with 2+ people",
        "3 of 3 companies with operations and HR",
        "5 at home, 1 abroad",
    ]
    assert steps[3].progress == [
        "5 of 6 people contacted (83%)",
        "0 invitations this week (target 3)",
        "0 weeks in a row on target",
    ]
    assert steps[3].next_action == "Invite 1 more person this week (see This week)."


def test_headline_numbers() -> None:
    numbers = {n.label: (n.value, n.of, n.target) for n in headline_numbers(small_on(TODAY))}
    assert numbers == {
        "inbound contacts in the last 12 months": (2, None, None),
        "people contacted": (5, 6, None),
        "invitations this week": (0, None, 3),
        "follow-ups due": (1, None, None),
    }


@pytest.mark.parametrize(
    ("weeks", "text"),
    [(0, "0 weeks in a row"), (1, "1 week in a row"), (2, "2 weeks in a row")],
)
def test_weeks_in_a_row_are_counted_in_words(tmp_path: Path, weeks: int, text: str) -> None:
    """One invitation a week is the target; the last `weeks` weeks met it."""
    mondays = [dt.date(2026, 11, 16) - dt.timedelta(weeks=n) for n in range(weeks)]
    companies = {
        f"Firma {n}": [person(f"Osoba {n}", touch(day.isoformat(), "invited", "linkedin"))]
        for n, day in enumerate(mondays)
    }
    plans = write_plan(tmp_path, companies or {"Firma": [person("Osoba")]}, "invites_per_week: 1")
    plan = on(plans, "2026-11-26")
    assert checklist(plan)[3].progress[2] == f"{text} on target"
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", "2026-11-26", "status"], catch_exceptions=False
    )
    assert f"   {text} on target" in result.output


def companies_plan(tmp_path: Path, leading: int, firms: int) -> Path:
    """The default targets; `leading` companies split over two sectors, `firms` recruiters."""
    plans = tmp_path / "plans"
    (plans / "companies").mkdir(parents=True)
    (plans / "plan.yaml").write_text(
        "me: {name: Mia Test, headline: H, goal: G}\n"
        "sectors: [{name: A}, {name: B}, {name: R, recruiters: true}]\n",
        encoding="utf-8",
    )
    sectors = ["A", "B"] * leading
    names = [(f"Co {n}", sectors[n]) for n in range(leading)]
    names += [(f"Firm {n}", "R") for n in range(firms)]
    for n, (name, sector) in enumerate(names):
        (plans / "companies" / f"{n}.yaml").write_text(
            f"name: {name}\nsector: {sector}\n", encoding="utf-8"
        )
    return plans


@pytest.mark.parametrize(
    ("leading", "firms", "done", "first"),
    [
        (29, 24, False, "29 leading companies, recruitment firms apart (target 30)"),
        (30, 24, True, "30 leading companies, recruitment firms apart (target 30)"),
        (31, 24, True, "31 leading companies, recruitment firms apart (target 30)"),
        (30, 23, False, "30 leading companies, recruitment firms apart (target 30)"),
        (30, 25, True, "30 leading companies, recruitment firms apart (target 30)"),
    ],
)
def test_step_two_completes_at_the_methods_thirty_companies_plus_recruiters(
    tmp_path: Path, leading: int, firms: int, done: bool, first: str
) -> None:
    """The defaults: 30 leading companies (a dozen per sector at least), and two dozen
    recruitment firms counted apart, as the method has it."""
    step = checklist(load_plan(companies_plan(tmp_path, leading, firms), TODAY))[1]
    assert step.done is done
    assert step.progress[0] == first
    assert step.progress[3] == f"R: {firms} firms (target 24)"
    if leading < 30:
        assert step.next_action == "List 1 more company."
    elif firms < 24:
        assert step.next_action == "List 1 more firm in R."
