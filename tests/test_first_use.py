"""A fresh playbook reads well: Home says what to do first (no "0 of 0"), and the
withdrawn invitations say when each may be sent again."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.metrics.checklist import checklist, first_steps, headline_numbers
from generator.render.pages import home_checklist, home_numbers, home_week, this_week_page
from tests.outreach_plans import on, person, touch, write_plan

TODAY = "2026-11-26"


def run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """The plans folder of `playbook init`, untouched."""
    run("init", str(tmp_path / "mine"), "--no-commit")
    return tmp_path / "mine" / "plans"


def test_a_fresh_plan_says_what_to_do_first(fresh: Path) -> None:
    situation = on(fresh, TODAY)
    assert [(s.what, s.command) for s in first_steps(situation.plan)] == [
        (
            "Say who you are and what you want",
            "playbook me --name 'First Last' --headline 'Who you are' --goal 'What you want'",
        ),
        ("Name your sectors", "playbook rename sector 'Your first sector' 'Your real sector'"),
        (
            "List a company you would like to work for",
            "playbook add company 'Company name' --sector 'Your real sector'",
        ),
        (
            "Name two or three people there, the future boss and HR",
            "playbook add person 'First Last' --company 'Company name' --focus operations",
        ),
    ]
    home = home_checklist(situation)
    assert home.startswith('<div class="admonition tip pb-first-steps">\n')
    assert '<p class="admonition-title">Start here</p>' in home
    assert " of 0" not in home + home_numbers(situation)
    steps = checklist(situation)
    assert steps[2].progress == ["0 people (target 80)", "no companies listed yet"]
    assert (
        steps[2].next_action == "List companies first (step 2): people are named at their company."
    )
    assert steps[3].progress[0] == "nobody to contact yet"
    people = next(n for n in headline_numbers(situation) if n.topic == "funnel")
    assert (people.value, people.of) == (0, None)
    assert home_week(situation).startswith("Nobody in the plan yet&#58; add companies")


def test_the_first_steps_follow_what_is_filled_in(fresh: Path) -> None:
    plans = ["--plans", str(fresh), "--today", TODAY]
    run(*plans, "me", "--name", "Mia Test", "--headline", "Analyst", "--goal", "Lead")
    run(*plans, "rename", "sector", "Your first sector", "Cold chain")
    steps = first_steps(on(fresh, TODAY).plan)
    assert [s.what for s in steps] == [
        "Name your sectors",  # the second one is still a placeholder
        "List a company you would like to work for",
        "Name two or three people there, the future boss and HR",
    ]
    assert steps[1].command == "playbook add company 'Company name' --sector 'Cold chain'"


def test_the_first_company_ends_the_first_steps(fresh: Path) -> None:
    plans = ["--plans", str(fresh), "--today", TODAY]
    run(*plans, "add", "company", "Vistula Freight", "--sector", "Your first sector")
    situation = on(fresh, TODAY)
    assert first_steps(situation.plan) == []
    assert "Start here" not in home_checklist(situation)
    steps = checklist(situation)
    assert steps[2].progress[1:] == [
        "0 of 1 companies with 2+ people",
        "0 of 1 companies with operations and HR",
    ]
    run(*plans, "add", "person", "Jan Nowak", "--company", "Vistula Freight")
    steps = checklist(on(fresh, TODAY))
    assert steps[2].progress[-1] == "0 at home, 0 abroad, 1 country unknown"
    assert steps[3].progress[0] == "0 of 1 people contacted (0%)"


def withdrawn_table(tmp_path: Path, today: str) -> list[str]:
    touches = [touch("2026-10-01", "invited", "linkedin"), touch("2026-11-02", "withdrawn")]
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches, email=False)]})
    page = this_week_page(on(plans, today))
    table = page.split("## Withdrawn invitations", 1)[1]
    return [line for line in table.splitlines() if line.startswith("| ")][:2]


# LinkedIn allows a new invitation 21 days after a withdrawal: 2026-11-23 here.
@pytest.mark.parametrize(
    ("today", "cell"),
    [
        ("2026-11-22", "from 2026-11-23"),
        ("2026-11-23", "**now** (since 2026-11-23)"),
        ("2026-11-24", "**now** (since 2026-11-23)"),
    ],
    ids=["20 days", "21", "22"],
)
def test_the_withdrawn_table_says_when_to_invite_again(
    tmp_path: Path, today: str, cell: str
) -> None:
    header, row = withdrawn_table(tmp_path, today)
    assert header == "| Person | Company | Withdrawn on | May invite again |"
    assert row.endswith(f"| 2026-11-02 | {cell} |"), row
