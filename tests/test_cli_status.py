from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner

from generator.cli import cli
from tests.conftest import SMALL_PLAN


def run(*args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--plans", str(SMALL_PLAN), "--today", "2026-11-26", *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_status_json_is_exact() -> None:
    mondays = [dt.date(2026, 6, 1) + dt.timedelta(weeks=n) for n in range(26)]
    invited = {"2026-06-01": 1, "2026-08-31": 1, "2026-09-28": 1, "2026-11-02": 1}
    months = ["2025-12"] + [f"2026-{m:02d}" for m in range(1, 12)]
    assert json.loads(run("status", "--json")) == {
        "sectors": 3,
        "companies": 3,
        "people": 6,
        "stages": {
            "identified": 1,
            "invited": 1,
            "connected": 1,
            "replied": 1,
            "met": 1,
            "declined": 1,
        },
        "inbound_last_12_months": 2,
        "follow_ups_due": 1,
        "invited_this_week": 0,
        "today": "2026-11-26",
        "contacted": 5,
        "invites_per_week_target": 3,
        "weeks_on_target": 0,
        "average_relevance": 3.0,
        "silent_targets": [],
        "pending_invitations": 1,
        "coming_up": 0,
        "conversions": {
            "invited→connected": 0.8,
            "connected→replied": 0.75,
            "replied→met": 0.333,
        },
        "reached": {"invited": 5, "connected": 4, "replied": 3, "met": 1},
        "already_connected": 0,
        "reminders_due": 0,
        "try_someone_else": [],
        "answer_them": [],
        "withdrawn_invitations": 0,
        "checklist": [
            {
                "step": 1,
                "title": "Choose 2–3 sectors",
                "done": True,
                "progress": ["3 sectors (2–3)", "recruiters sector: yes"],
                "next_action": "Keep the sectors under review as your goal sharpens.",
            },
            {
                "step": 2,
                "title": "List the companies",
                "done": False,
                "progress": [
                    "2 leading companies, recruitment firms apart (target 4)",
                    "Battery cells: 1 (target 2)",
                    "Automation: 1 (target 2)",
                    "Recruitment: 1 firm (target 4)",
                ],
                "next_action": "List 1 more company in Battery cells.",
            },
            {
                "step": 3,
                "title": "Name the key people",
                "done": True,
                "progress": [
                    "6 people (target 6)",
                    "3 of 3 companies with 2+ people",
                    "3 of 3 companies with operations and HR",
                    "5 at home, 1 abroad",
                ],
                "next_action": "Keep names current when people change jobs.",
            },
            {
                "step": 4,
                "title": "Reach out, steadily",
                "done": False,
                "progress": [
                    "5 of 6 people contacted (83%)",
                    "0 invitations this week (target 3)",
                    "0 weeks in a row on target",
                ],
                "next_action": "Invite 1 more person this week (see This week).",
            },
        ],
        "invitations_per_week": [
            {"week": m.isoformat(), "invited": invited.get(m.isoformat(), 0)} for m in mondays
        ],
        "inbound_per_month": [
            {"month": m, "inbound": 1 if m in ("2026-02", "2026-11") else 0} for m in months
        ],
        "inbound_by_sector": {"Recruitment": 1, "outside the plan": 1},
        "linkedin_budget": {
            "invitations_this_week": 0,
            "invitations_per_week_limit": 100,
            "notes_this_month": 1,
            "notes_per_month_limit": None,
            "notes_left": None,
            "pending": 1,
            "pending_3_weeks": 1,
            "pending_outside_plan": 0,
            "pending_outside_plan_3_weeks": 0,
            "export_date": None,
        },
    }


def test_status_text_is_aligned_and_plain_when_piped() -> None:
    output = run("status")
    assert "\x1b[" not in output
    lines = output.splitlines()
    assert lines[:3] == ["Łucja Test, as of 2026-11-26", "Goal: Plant quality director by 2029", ""]
    assert (
        "  [ ] 2. List the companies     2 leading companies, recruitment firms apart (target 4) · "
        "Battery cells: 1 (target 2) · Automation: 1 (target 2) · Recruitment: 1 firm (target 4)"
        in lines
    )
    assert "         next: List 1 more company in Battery cells." in lines
    heading = "Funnel                          now   reached so far"
    funnel = lines[lines.index(heading) + 1 : lines.index(heading) + 8]
    assert funnel == [
        "  identified                      1",
        "  invited                         1                5",
        "  connected                       1                4",
        "  replied                         1                3",
        "  met                             1                1",
        "  declined                        1",
        "  now: each person once, at their current stage; "
        "reached so far: everyone who got at least this far",
    ]
    assert (
        "  invited→connected 80% · connected→replied 75% · replied→met 33% "
        "(of those reached so far)"
    ) in lines
    assert "  inbound (12 months)             2   average relevance 3.0" in lines
    assert "  invited this week           0 / 3   0 weeks in a row on target" in lines
    assert "  pending invitations             1   3+ weeks without an answer" in lines
    assert "  reminders due                   0   no answer for 7 business days" in lines
    assert "  follow-ups due                  1   no contact for 90+ days" in lines


def test_status_is_coloured_on_a_terminal() -> None:
    result = CliRunner().invoke(
        cli,
        ["--plans", str(SMALL_PLAN), "--today", "2026-11-26", "status"],
        color=True,
        catch_exceptions=False,
    )
    assert "\x1b[32m[x]\x1b[0m" in result.output
