"""The LinkedIn budget: LinkedIn's weekly invitations, this month's notes, what is pending;
from plans/linkedin.yaml (written by the import) and the plan's own touches since."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.checking import load_plan
from generator.cli import cli
from generator.importing.counts import counts_update
from generator.importing.export import Export
from generator.importing.invitations import parse_invitations
from generator.importing.matching import Matching
from generator.metrics.budget import LinkedInBudget, budget_lines, linkedin_budget
from generator.render.pages import this_week_page
from tests.helpers import append_to, replace_in

TODAY = dt.date(2026, 11, 26)  # a Thursday; the week began on Monday the 23rd


def counts_file(
    plans: Path, exported_on: str, invitations: str = "[]", pending: str = "[]"
) -> None:
    (plans / "linkedin.yaml").write_text(
        f"exported_on: {exported_on}\ninvitations: {invitations}\npending: {pending}\n",
        encoding="utf-8",
    )


def touch(plans: Path, line: str) -> None:
    """Another touch for Volta's Anna Nowak (invited 2026-11-02, on LinkedIn)."""
    replace_in(
        plans / "companies" / "volta-cells.yaml",
        "      - {date: 2026-11-02, action: invited, channel: linkedin}\n",
        f"      - {{date: 2026-11-02, action: invited, channel: linkedin}}\n      - {line}\n",
    )


@pytest.mark.parametrize(
    ("day", "counted"), [("2026-11-22", 0), ("2026-11-23", 1), ("2026-11-26", 1)]
)
def test_the_plan_alone_counts_its_invitations_from_monday(
    small_plan: Path, day: str, counted: int
) -> None:
    touch(small_plan, f"{{date: {day}, action: invited}}")
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert (budget.invitations_this_week, budget.exported_on) == (counted, None)


def test_an_email_is_no_linkedin_invitation(small_plan: Path) -> None:
    touch(small_plan, "{date: 2026-11-24, action: invited, channel: email}")
    assert linkedin_budget(load_plan(small_plan, TODAY)).invitations_this_week == 0


def test_the_export_counts_its_days_and_the_plan_the_days_after(small_plan: Path) -> None:
    counts_file(
        small_plan,
        "2026-11-24",
        "[{date: 2026-11-22, sent: 50, notes: 5}, {date: 2026-11-23, sent: 7, notes: 2},"
        " {date: 2026-11-24, sent: 3, notes: 1}]",
    )
    touch(small_plan, "{date: 2026-11-24, action: invited}")  # in the export's 3 already
    touch(small_plan, "{date: 2026-11-25, action: invited}")  # after it: the plan's
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert budget.invitations_this_week == 7 + 3 + 1
    # November: 5 + 2 + 1 with a note, and the plan's own invitation counted as one.
    assert budget.notes_this_month == 5 + 2 + 1 + 1
    assert budget.exported_on == dt.date(2026, 11, 24)
    assert budget.source == "from LinkedIn's export of 2026-11-24 and the plan since"


@pytest.mark.parametrize(("day", "counted"), [("2026-10-31", 0), ("2026-11-01", 1)])
def test_notes_count_from_the_first_of_the_month(small_plan: Path, day: str, counted: int) -> None:
    counts_file(small_plan, "2026-11-25", f"[{{date: {day}, sent: 1, notes: 1}}]")
    assert linkedin_budget(load_plan(small_plan, TODAY)).notes_this_month == counted


@pytest.mark.parametrize(("limit", "used_up"), [(2, False), (1, True), (0, True)])
def test_notes_used_up(small_plan: Path, limit: int, used_up: bool) -> None:
    replace_in(
        small_plan / "plan.yaml",
        "  invites_per_week: 3\n",
        f"  invites_per_week: 3\n  notes_per_month: {limit}\n",
    )
    counts_file(small_plan, "2026-11-25", "[{date: 2026-11-20, sent: 1, notes: 1}]")
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert (budget.notes_this_month, budget.notes_limit, budget.notes_used_up) == (
        1,
        limit,
        used_up,
    )
    assert budget.notes_left == max(0, limit - 1)


@pytest.mark.parametrize(
    ("sent", "long"), [("2026-11-06", 0), ("2026-11-05", 1), ("2026-11-04", 1)]
)
def test_pending_outside_the_plan_nudged_after_21_days(
    small_plan: Path, sent: str, long: int
) -> None:
    counts_file(
        small_plan,
        "2026-11-25",
        pending=f"[{{date: {sent}, count: 1}}, {{date: 2026-11-20, count: 2}}]",
    )
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert (budget.pending_outside, budget.pending_outside_long) == (3, long)
    assert bool(budget.outside_advice) is bool(long)
    # Volta's Anna Nowak, invited 24 days ago, is pending in the plan.
    assert (budget.pending_in_plan, budget.pending_in_plan_long) == (1, 1)
    assert budget.pending == 4


def test_counts_of_an_export_after_today_are_not_used(small_plan: Path) -> None:
    counts_file(small_plan, "2026-11-27", "[{date: 2026-11-24, sent: 9, notes: 9}]")
    assert linkedin_budget(load_plan(small_plan, TODAY)).exported_on is None


@pytest.mark.parametrize(("sent", "left"), [(99, 1), (100, 0), (101, 0)])
def test_the_weekly_limit(small_plan: Path, sent: int, left: int) -> None:
    counts_file(small_plan, "2026-11-25", f"[{{date: 2026-11-24, sent: {sent}, notes: 0}}]")
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert budget.invitations_left == left
    next_text = run(small_plan, "next")
    assert ("LinkedIn's weekly limit is reached" in next_text) is (left == 0)


def run(plans: Path, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", TODAY.isoformat(), *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_with_no_notes_left_the_batch_invites_without_one(small_plan: Path) -> None:
    """Jan Nowak's colleague Ola (LinkedIn only) is this week's batch; a note is out."""
    volta = small_plan / "companies" / "volta-cells.yaml"
    append_to(
        volta, "  - name: Ola Kruk\n    linkedin: https://www.linkedin.com/in/ola-kruk-example\n"
    )
    with_notes = run(small_plan, "next")
    assert "LinkedIn note (" in with_notes
    replace_in(
        small_plan / "plan.yaml",
        "  invites_per_week: 3\n",
        "  invites_per_week: 3\n  notes_per_month: 1\n",
    )
    without = run(small_plan, "next")
    assert "LinkedIn note (" not in without
    assert (
        "   Invite without a note (this month's one personalised note is used); once they "
        "accept, send this message:"
    ) in without.splitlines()
    assert (
        "This month's one personalised note is used: invite without a note, and send the "
        "message once they accept"
    ) in without
    page = this_week_page(load_plan(small_plan, TODAY))
    assert (
        "LinkedIn invitation without a note · this month&#39;s one personalised note is used"
        in page
    )
    assert ">Once they accept, send this message</p>" in page


def test_status_json_keeps_the_spec_keys_and_adds_the_budget(small_plan: Path) -> None:
    import json

    counts_file(
        small_plan,
        "2026-11-25",
        "[{date: 2026-11-24, sent: 12, notes: 3}]",
        "[{date: 2026-10-01, count: 2}]",
    )
    data = json.loads(run(small_plan, "status", "--json"))
    assert {
        "sectors",
        "companies",
        "people",
        "stages",
        "inbound_last_12_months",
        "follow_ups_due",
        "invited_this_week",
    } <= set(data)
    assert data["linkedin_budget"] == {
        "invitations_this_week": 12,
        "invitations_per_week_limit": 100,
        "notes_this_month": 3,
        "notes_per_month_limit": None,
        "notes_left": None,
        "pending": 3,
        "pending_3_weeks": 3,
        "pending_outside_plan": 2,
        "pending_outside_plan_3_weeks": 2,
        "export_date": "2026-11-25",
    }


def test_a_broken_counts_file_is_a_located_problem(small_plan: Path) -> None:
    counts_file(small_plan, "2026-11-25", "[{date: 2026-11-24, sent: -1}]")
    result = CliRunner().invoke(
        cli,
        ["--plans", str(small_plan), "--today", TODAY.isoformat(), "check"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1
    assert f"{small_plan / 'linkedin.yaml'}:2:" in result.output
    assert "expected a whole number from 0 to 100000; got -1" in result.output


# --- what the import writes -------------------------------------------------------------

ME = "https://www.linkedin.com/in/lucja-test-example"


def export(*rows: str, named: dt.date | None = None) -> Export:
    header = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    result = Export()
    result.invitations.append((parse_invitations(header + "".join(rows)), named))
    return result


def sent(day: str, who: str, note: str = "") -> str:
    return f'Łucja Test,{who},"{day}, 10:00 AM",{note},OUTGOING,{ME},https://www.linkedin.com/in/{who}\n'


def test_counts_by_utc_day_with_notes(small_plan: Path) -> None:
    update = counts_update(
        export(sent("11/23/26", "a", "Hi"), sent("11/23/26", "b"), sent("11/24/26", "c", "Hey")),
        Matching([], set(), set()),
        None,
    )
    assert update.text is not None
    assert update.text.startswith("# LinkedIn's own counts")
    assert update.text.splitlines()[4:] == [
        "exported_on: 2026-11-24",
        "invitations:  # sent per day, to anyone, and how many with a note",
        "  - {date: 2026-11-23, sent: 2, notes: 1}",
        "  - {date: 2026-11-24, sent: 1, notes: 1}",
        "pending: []",
    ]


def test_an_older_export_leaves_the_counts_and_a_newer_keeps_each_days_larger_count(
    small_plan: Path,
) -> None:
    counts_file(
        small_plan,
        "2026-11-20",
        "[{date: 2026-11-02, sent: 5, notes: 1}]",
        "[{date: 2026-11-02, count: 4}]",
    )
    current = load_plan(small_plan, TODAY).plan.linkedin
    older = counts_update(
        export(sent("11/02/26", "a"), named=dt.date(2026, 11, 19)),
        Matching([], set(), set()),
        current,
    )
    assert older.text is None
    assert older.note == (
        "the export of 2026-11-19 is older than the one counted already (2026-11-20): the counts "
        "stay as they are"
    )
    newer = counts_update(
        export(sent("11/02/26", "a"), sent("11/21/26", "b"), named=dt.date(2026, 11, 21)),
        Matching([], set(), set()),
        current,
    )
    assert newer.text is not None
    lines = newer.text.splitlines()
    assert (
        "  - {date: 2026-11-02, sent: 5, notes: 1}" in lines
    )  # a withdrawn one left LinkedIn's list
    assert "  - {date: 2026-11-21, sent: 1, notes: 0}" in lines
    # Without Connections.csv nothing tells which were accepted: the pending stay as counted.
    assert "  - {date: 2026-11-02, count: 4}" in lines


def test_an_export_made_today_is_counted(small_plan: Path) -> None:
    counts_file(
        small_plan,
        TODAY.isoformat(),
        "[{date: 2026-11-26, sent: 4, notes: 1}]",
        "[{date: 2026-11-26, count: 2}]",
    )
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert budget.exported_on == TODAY
    assert (budget.invitations_this_week, budget.notes_this_month) == (4, 1)
    assert (budget.pending_outside, budget.pending_outside_long) == (2, 0)


def test_the_budget_in_a_terminal(small_plan: Path) -> None:
    """Every line `next` and `status` print: the figures, where they come from, and
    what to do when a limit is reached or invitations wait outside the plan."""
    replace_in(
        small_plan / "plan.yaml",
        "  invites_per_week: 3\n",
        "  invites_per_week: 3\n  notes_per_month: 2\n  linkedin_invites_per_week: 5\n",
    )
    counts_file(
        small_plan,
        "2026-11-25",
        "[{date: 2026-11-24, sent: 5, notes: 2}]",
        "[{date: 2026-10-01, count: 2}, {date: 2026-10-20, count: 1}, {date: 2026-11-20, count: 4}]",
    )
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert budget_lines(budget) == [
        "LinkedIn: 5 / 5 invitations this week · 2 / 2 notes this month · 8 pending, 4 for "
        "3+ weeks (from LinkedIn's export of 2026-11-25 and the plan since)",
        "LinkedIn's weekly limit is reached: e-mail this week's batch or wait for Monday",
        "This month's 2 personalised notes are used: invite without a note, and send the "
        "message once they accept",
        "3 invitations to people outside the plan waiting 3+ weeks (the oldest since "
        "2026-10-01): withdraw them on LinkedIn (My Network → Manage → Sent); pending "
        "invitations count against you",
    ]


def test_the_budget_with_room_left_is_one_line(small_plan: Path) -> None:
    counts_file(small_plan, "2026-11-25", "[{date: 2026-11-24, sent: 1, notes: 1}]")
    budget = linkedin_budget(load_plan(small_plan, TODAY))
    assert budget_lines(budget) == [
        "LinkedIn: 1 / 100 invitations this week · 1 note this month · 1 pending, 1 for 3+ "
        "weeks (from LinkedIn's export of 2026-11-25 and the plan since)"
    ]
    assert budget.notes_left is None and not budget.notes_used_up


@pytest.mark.parametrize(
    ("limit", "gone"),
    [
        (0, "no personalised notes this month (targets.notes_per_month is 0)"),
        (1, "this month's one personalised note is used"),
        (3, "this month's 3 personalised notes are used"),
    ],
)
def test_why_no_note_is_left(small_plan: Path, limit: int, gone: str) -> None:
    replace_in(
        small_plan / "plan.yaml",
        "  invites_per_week: 3\n",
        f"  invites_per_week: 3\n  notes_per_month: {limit}\n",
    )
    assert linkedin_budget(load_plan(small_plan, TODAY)).notes_gone == gone


@pytest.mark.parametrize(
    ("pending_long", "summary"),
    [
        (0, "LinkedIn: 3 / 100 invitations this week · 2 notes this month · 4 pending"),
        (
            1,
            "LinkedIn: 3 / 100 invitations this week · 2 notes this month · 4 pending, 1 for 3+ weeks",
        ),
    ],
)
def test_the_summary_names_the_long_pending_only_when_there_are_some(
    pending_long: int, summary: str
) -> None:
    budget = LinkedInBudget(
        invitations_this_week=3,
        weekly_limit=100,
        notes_this_month=2,
        notes_limit=None,
        pending_in_plan=4,
        pending_in_plan_long=pending_long,
        pending_outside=0,
        pending_outside_long=0,
        oldest_outside=None,
        exported_on=None,
    )
    assert budget.summary() == summary
