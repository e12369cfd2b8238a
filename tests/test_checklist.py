"""The four steps, ticked from the small fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.metrics.checklist import (
    checklist,
    first_steps,
    headline_numbers,
    sector_company_target,
)
from generator.metrics.counts import coverage
from generator.metrics.situation import Situation
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


def plan_of(
    tmp_path: Path,
    sectors: list[tuple[str, bool]],
    companies: dict[str, tuple[str, list[str]]],
    targets: str = "",
) -> Situation:
    """A plan with these sectors (name, recruiters) and companies {name: (sector,
    [person, …])}; a person is written "focus" or "focus/country"."""
    plans = tmp_path / "plans"
    (plans / "companies").mkdir(parents=True)
    sector_list = ", ".join(
        f"{{name: {name}{', recruiters: true' if recruiters else ''}}}"
        for name, recruiters in sectors
    )
    (plans / "plan.yaml").write_text(
        "me: {name: Mia Test, headline: H, goal: G, location: 'Oslo, Norway'}\n"
        f"targets: {{{targets}}}\nsectors: [{sector_list}]\n",
        encoding="utf-8",
    )
    for number, (name, (sector, people)) in enumerate(companies.items()):
        lines = [f"name: {name}", f"sector: {sector}", "people:"]
        for index, spec in enumerate(people):
            focus, _, country = spec.partition("/")
            lines.append(f"  - {{name: P{number}x{index}, focus: {focus}}}")
            if country:
                lines[-1] = lines[-1][:-1] + f", country: {country}}}"
        (plans / "companies" / f"c{number}.yaml").write_text(
            "\n".join(lines if people else lines[:-1]) + "\n", encoding="utf-8"
        )
    return load_plan(plans, TODAY)


@pytest.mark.parametrize(
    ("sectors", "done", "action"),
    [
        ([("R", True)], False, "Add a second sector that matters for the job you want."),
        ([("A", False), ("R", True)], True, "Keep the sectors under review as your goal sharpens."),
        (
            [("A", False), ("B", False), ("R", True)],
            True,
            "Keep the sectors under review as your goal sharpens.",
        ),
        (
            [("A", False), ("B", False), ("C", False), ("R", True)],
            False,
            "Keep 2–3 sectors, the recruitment firms included: those that matter most.",
        ),
        (
            [("A", False), ("B", False)],
            False,
            "Add recruitment firms as a sector (`recruiters: true`).",
        ),
        (
            [("Your first sector", False), ("R", True)],
            False,
            "Name your sectors: 'Your first sector' is a placeholder (playbook rename sector).",
        ),
    ],
    ids=["1", "2", "3", "4", "no recruiters", "placeholder"],
)
def test_step_one_wants_two_or_three_sectors_with_the_recruiters(
    tmp_path: Path, sectors: list[tuple[str, bool]], done: bool, action: str
) -> None:
    step = checklist(plan_of(tmp_path, sectors, {}))[0]
    recruiters = "yes" if any(r for _, r in sectors) else "no"
    assert (step.number, step.title) == (1, "Choose 2–3 sectors")
    assert step.done is done
    assert step.next_action == action
    assert step.progress == [f"{len(sectors)} sectors (2–3)", f"recruiters sector: {recruiters}"]


@pytest.mark.parametrize(
    ("in_a", "done", "line", "action"),
    [
        (2, False, "A: 2 (target 3)", "List 1 more company in A."),
        (3, True, "A: 3 (target 3)", "Add companies as you discover them."),
        (4, True, "A: 4 (target 3)", "Add companies as you discover them."),
        (1, False, "A: 1 (target 3)", "List 2 more companies in A."),
    ],
)
def test_step_two_wants_each_sectors_own_target(
    tmp_path: Path, in_a: int, done: bool, line: str, action: str
) -> None:
    """companies_per_sector 3 and companies 3: sector A alone decides, at 2, 3 and 4."""
    companies = {f"Co {n}": ("A", []) for n in range(in_a)}
    companies |= {f"Firm {n}": ("R", []) for n in range(2)}
    targets = "companies: 1, companies_per_sector: 3, recruitment_firms: 2"
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], companies, targets))[1]
    assert (step.done, step.progress[1], step.next_action) == (done, line, action)
    assert step.progress[2] == "R: 2 firms (target 2)"


@pytest.mark.parametrize(
    ("firms", "done", "line", "action"),
    [
        (1, False, "R: 1 firm (target 2)", "List 1 more firm in R."),
        (2, True, "R: 2 firms (target 2)", "Add companies as you discover them."),
        (3, True, "R: 3 firms (target 2)", "Add companies as you discover them."),
    ],
)
def test_step_two_counts_recruitment_firms_against_their_own_target(
    tmp_path: Path, firms: int, done: bool, line: str, action: str
) -> None:
    companies = {"Co": ("A", [])} | {f"Firm {n}": ("R", []) for n in range(firms)}
    targets = "companies: 1, companies_per_sector: 1, recruitment_firms: 2"
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], companies, targets))[1]
    assert (step.done, step.progress[2], step.next_action) == (done, line, action)
    # Recruitment firms are apart from the leading companies.
    assert step.progress[0] == "1 leading companies, recruitment firms apart (target 1)"


@pytest.mark.parametrize(
    ("leading", "done", "action"),
    [
        (3, False, "List 1 more company."),
        (4, True, "Add companies as you discover them."),
        (5, True, "Add companies as you discover them."),
        (2, False, "List 2 more companies."),
    ],
)
def test_step_two_wants_the_plans_company_target(
    tmp_path: Path, leading: int, done: bool, action: str
) -> None:
    companies = {f"Co {n}": ("A" if n % 2 else "B", []) for n in range(leading)}
    targets = "companies: 4, companies_per_sector: 1, recruitment_firms: 1"
    sectors = [("A", False), ("B", False), ("R", True)]
    step = checklist(plan_of(tmp_path, sectors, companies | {"Firm": ("R", [])}, targets))[1]
    assert (step.done, step.next_action) == (done, action)


def test_the_recruiters_target_is_twice_the_sector_target_when_not_given(tmp_path: Path) -> None:
    situation = plan_of(tmp_path, [("A", False), ("R", True)], {}, "companies_per_sector: 5")
    assert sector_company_target(situation.plan, situation.plan.sectors[0]) == 5
    assert sector_company_target(situation.plan, situation.plan.sectors[1]) == 10


@pytest.mark.parametrize(
    ("people", "done", "first", "action"),
    [
        (3, False, "3 people (target 4)", "Name 1 more decision-maker."),
        (4, True, "4 people (target 4)", "Keep names current when people change jobs."),
        (5, True, "5 people (target 4)", "Keep names current when people change jobs."),
        (2, False, "2 people (target 4)", "Name 2 more decision-makers."),
    ],
)
def test_step_three_wants_the_people_target(
    tmp_path: Path, people: int, done: bool, first: str, action: str
) -> None:
    """Two per company with operations and HR, and `people` 4: the count alone decides."""
    extra = ["other"] * (people - 2)
    companies = {"Co": ("A", ["operations", "hr", *extra])}
    targets = "people: 4, people_per_company: 2"
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], companies, targets))[2]
    assert (step.done, step.progress[0], step.next_action) == (done, first, action)


@pytest.mark.parametrize(
    ("per_company", "done", "line", "action"),
    [
        (2, True, "1 of 1 companies with 2+ people", "Keep names current when people change jobs."),
        (3, False, "0 of 1 companies with 3+ people", "Name 1 more person at Co."),
        (4, False, "0 of 1 companies with 4+ people", "Name 2 more people at Co."),
        (1, True, "1 of 1 companies with 1+ people", "Keep names current when people change jobs."),
    ],
)
def test_step_three_wants_people_per_company(
    tmp_path: Path, per_company: int, done: bool, line: str, action: str
) -> None:
    companies = {"Co": ("A", ["operations", "hr"])}
    targets = f"people: 1, people_per_company: {per_company}"
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], companies, targets))[2]
    assert (step.done, step.progress[1], step.next_action) == (done, line, action)


@pytest.mark.parametrize(
    ("focuses", "sector", "done", "line", "action"),
    [
        (
            ["operations", "hr"],
            "A",
            True,
            "1 of 1 companies with operations and HR",
            "Keep names current when people change jobs.",
        ),
        (
            ["operations", "other"],
            "A",
            False,
            "0 of 1 companies with operations and HR",
            "Find the hr contact at Co.",
        ),
        (
            ["other", "other"],
            "A",
            False,
            "0 of 1 companies with operations and HR",
            "Find the operations and hr contact at Co.",
        ),
        (
            ["recruiter", "other"],
            "R",
            True,
            "1 of 1 companies with operations and HR",
            "Keep names current when people change jobs.",
        ),
        (
            ["operations", "hr"],
            "R",
            False,
            "0 of 1 companies with operations and HR",
            "Find the recruiter contact at Co.",
        ),
    ],
)
def test_step_three_wants_the_decision_makers_each_company_needs(
    tmp_path: Path, focuses: list[str], sector: str, done: bool, line: str, action: str
) -> None:
    targets = "people: 1, people_per_company: 1"
    situation = plan_of(tmp_path, [("A", False), ("R", True)], {"Co": (sector, focuses)}, targets)
    step = checklist(situation)[2]
    assert (step.done, step.progress[2], step.next_action) == (done, line, action)


@pytest.mark.parametrize(
    ("countries", "where"),
    [
        (["Norway", "Norway"], "2 at home, 0 abroad"),
        (["Norway", "Sweden"], "1 at home, 1 abroad"),
        (["Norway", ""], "1 at home, 0 abroad, 1 country unknown"),
        (["", ""], "0 at home, 0 abroad, 2 country unknown"),
        (["NORWAY", "sweden"], "1 at home, 1 abroad"),
    ],
)
def test_a_person_without_a_country_is_counted_once_as_unknown(
    tmp_path: Path, countries: list[str], where: str
) -> None:
    """Home is Norway (from `me.location`); the company gives no country either."""
    people = [f"operations/{countries[0]}", f"hr/{countries[1]}"]
    situation = plan_of(tmp_path, [("A", False), ("R", True)], {"Co": ("A", people)})
    assert checklist(situation)[2].progress[3] == where
    row = coverage(situation)[0]
    assert f"{row.home} at home, {row.abroad} abroad" in where
    assert row.home + row.abroad + row.unknown == 2


def weekly_plan(tmp_path: Path, weeks: int, this_week: int = 0, waiting: bool = True) -> Path:
    """Target one invitation a week: one in each of the `weeks` weeks before this one,
    `this_week` in this one (Monday 2026-11-23), and someone still to contact."""
    days = [dt.date(2026, 11, 16) - dt.timedelta(weeks=n) for n in range(weeks)]
    days += [dt.date(2026, 11, 24)] * this_week
    companies = {
        f"Firma {n}": [person(f"Osoba {n}", touch(day.isoformat(), "invited", "linkedin"))]
        for n, day in enumerate(days)
    }
    if waiting or not companies:
        companies["Czeka"] = [person("Jeszcze Nie")]
    return write_plan(tmp_path, companies, "invites_per_week: 1")


@pytest.mark.parametrize(
    ("weeks", "this_week", "done"),
    [(3, 0, False), (4, 0, True), (5, 0, True), (3, 1, True), (2, 1, False)],
    ids=["3 weeks", "4 weeks", "5 weeks", "3 weeks and this one", "2 weeks and this one"],
)
def test_step_four_is_done_after_four_steady_weeks(
    tmp_path: Path, weeks: int, this_week: int, done: bool
) -> None:
    step = checklist(on(weekly_plan(tmp_path, weeks, this_week), "2026-11-26"))[3]
    assert step.done is done
    assert step.progress[2] == f"{weeks + this_week} weeks in a row on target"


@pytest.mark.parametrize(
    ("weeks", "waiting", "done"),
    [(1, False, True), (1, True, False), (0, True, False), (4, True, True)],
    ids=["everyone, short streak", "not everyone", "nobody contacted", "steady streak"],
)
def test_step_four_is_done_when_everyone_is_contacted_or_the_streak_is_steady(
    tmp_path: Path, weeks: int, waiting: bool, done: bool
) -> None:
    """Either is enough: everyone contacted, or a steady streak."""
    step = checklist(on(weekly_plan(tmp_path, weeks, waiting=waiting), "2026-11-26"))[3]
    assert step.done is done


def test_step_four_with_nobody_in_the_plan_is_not_done(tmp_path: Path) -> None:
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], {}))[3]
    assert (step.done, step.progress[0]) == (False, "nobody to contact yet")
    assert step.next_action == (
        "Nobody in the plan yet: add companies and the people to contact there."
    )


def test_two_firms_short_is_said_in_the_plural(tmp_path: Path) -> None:
    companies = {"Co": ("A", [])}
    targets = "companies: 1, companies_per_sector: 1, recruitment_firms: 2"
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], companies, targets))[1]
    assert step.next_action == "List 2 more firms in R."


def test_step_three_without_companies_asks_for_them_first(tmp_path: Path) -> None:
    step = checklist(plan_of(tmp_path, [("A", False), ("R", True)], {}))[2]
    assert step.done is False
    assert "no companies listed yet" in step.progress
    assert step.next_action == "List companies first (step 2): people are named at their company."


def test_first_steps_with_only_the_recruiters_sector_add_the_sector_aimed_at(
    tmp_path: Path,
) -> None:
    situation = plan_of(tmp_path, [("R", True)], {})
    steps = [(s.what, s.command) for s in first_steps(situation.plan)]
    assert steps[:2] == [
        ("Add the sector you aim at", "playbook add sector 'Your sector'"),
        (
            "List a company you would like to work for",
            "playbook add company 'Company name' --sector 'Your sector'",
        ),
    ]


def test_two_in_the_batch_are_invited_in_the_plural(tmp_path: Path) -> None:
    plans = write_plan(tmp_path, {"Co": [person("Ada Kral")], "Do": [person("Bo Lind")]})
    step = checklist(on(plans, "2026-11-26"))[3]
    assert step.next_action == "Invite 2 more people this week (see This week)."
