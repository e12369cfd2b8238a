from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.render.pages import person_page, this_week_page
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import replace_in
from tests.outreach_plans import person, write_plan


def run(*args: str, plans: Path = SMALL_PLAN, today: str = "2026-11-26") -> str:
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", today, *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


NEXT = """\
Week of 2026-11-23: 0 / 3 invitations sent
LinkedIn: 0 / 100 invitations this week · 1 note this month · 1 pending, 1 for 3+ weeks (from the plan alone; import LinkedIn's export to count every invitation)

1. Anna Nowak: Talent Acquisition Lead, Nordic Robotics (priority 2, Automation)
   e-mail to anna.nowak@nordic-robotics.example
   subject: Łucja Test: Nordic Robotics
     Dear Anna,

     Quality engineer, 8 years in automotive. I'd like to learn how Nordic Robotics builds its teams.

     Łucja Test

Invitations pending for 3+ weeks (1)

- Anna Nowak (Volta Cells): invited 2026-11-02, 24 days ago; withdraw it; LinkedIn lets you invite again three weeks later

Follow-ups due (1): no contact for 90+ days

1. Piotr Żółć: Senior Consultant, Talent Bridge (priority 1, Recruitment)
   last contact 2026-05-20; follow-up:
     Hi Piotr, a short hello from Łucja Test.
"""


def test_next_gives_each_person_the_draft_for_their_channel() -> None:
    """Anna (Nordic) has only an e-mail: she gets the e-mail draft and her address."""
    assert run("next") == NEXT


def test_next_without_follow_ups_leaves_them_out() -> None:
    with_them = run("next")
    without = run("next", "--no-follow-ups")
    assert "Follow-ups due (1)" in with_them
    assert without == with_them[: with_them.index("Follow-ups due")].rstrip("\n") + "\n"


def test_next_lists_linkedin_people_with_their_profile_and_note(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "nordic-robotics.yaml",
        "    email: anna.nowak@nordic-robotics.example\n",
        "    linkedin: https://www.linkedin.com/in/anna-nowak-example\n",
    )
    output = run("next", "--no-follow-ups", plans=small_plan)
    assert (
        "1. Anna Nowak: Talent Acquisition Lead, Nordic Robotics (priority 2, Automation)\n"
        "   https://www.linkedin.com/in/anna-nowak-example\n"
        "   LinkedIn note (107 / 300 characters):\n"
        "     Hi Anna, I'm Łucja Test: Quality engineer, 8 years in automotive. "
        "I aim at: Plant quality director by 2029.\n"
    ) in output


def test_next_shows_what_is_coming_up() -> None:
    output = run("next", today="2026-10-10")
    assert output.endswith(
        "Coming up (2)\n\n"
        "- 2026-10-20: meeting with Jan Nowak (Volta Cells): Coffee in Wrocław\n"
        "- 2026-11-02: invitation (linkedin) with Anna Nowak (Volta Cells)\n"
    )


def test_one_truth_per_person() -> None:
    """Whoever `next` puts in this week's batch, the site says so on every page."""
    plan = load_plan(SMALL_PLAN, TODAY)
    anna = next(p for p in plan.people if p.slug == "anna-nowak")
    assert "1. Anna Nowak: Talent Acquisition Lead, Nordic Robotics" in run("next")
    week = this_week_page(plan)
    assert "### [Anna Nowak](../people/anna-nowak.md)" in week
    page = html.unescape(person_page(plan, anna.person))
    assert "in this week's batch: send the first message now" in page
    assert "future batch" not in page


def test_the_next_week_starts_a_new_batch() -> None:
    output = run("next", today="2026-11-30")
    assert output.startswith("Week of 2026-11-30: 0 / 3 invitations sent\n")
    assert dt.date(2026, 11, 30).weekday() == 0


@pytest.mark.parametrize("people", [9, 10, 12])
def test_next_keeps_entries_aligned_from_ten_on(tmp_path: Path, people: int) -> None:
    companies = {f"Firma {n:02d}": [person(f"Osoba {n:02d}")] for n in range(1, people + 1)}
    plans = write_plan(tmp_path, companies, targets=f"invites_per_week: {people}")
    lines = run("next", plans=plans).splitlines()
    width = len(str(people))
    entries = [i for i, line in enumerate(lines) if line.lstrip()[:1].isdigit()]
    assert len(entries) == people
    for number, index in enumerate(entries, 1):
        assert lines[index].startswith(f"{number:>{width}}. Osoba ")
        column = lines[index].index("Osoba")
        assert column == width + 2
        # The profile, the note's length and the note itself sit under the name.
        profile, label, note = lines[index + 1 : index + 4]
        assert profile == " " * column + f"https://www.linkedin.com/in/osoba-{number:02d}-example"
        assert label.startswith(" " * column + "LinkedIn note (")
        assert note == " " * (column + 2) + "Hi Osoba, an invitation."
