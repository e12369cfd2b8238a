"""Counts, funnels and series against numbers worked out by hand from the small fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.checking import load_plan
from generator.metrics import counts
from tests.conftest import TODAY
from tests.helpers import replace_in
from tests.metric_plans import small_on


def test_stages_and_reach() -> None:
    plan = small_on(TODAY)
    assert counts.stage_counts(plan.people) == dict.fromkeys(
        ("identified", "invited", "connected", "replied", "met", "declined"), 1
    )
    assert counts.reached_counts(plan.people) == {
        "identified": 6,
        "invited": 5,
        "connected": 4,
        "replied": 3,
        "met": 1,
    }
    assert counts.conversions(plan.people) == {
        "invited→connected": 0.8,
        "connected→replied": 0.75,
        "replied→met": 1 / 3,
    }


def test_funnel_by_channel_uses_the_first_outreach_channel() -> None:
    by_channel = counts.funnel_by_channel(small_on(TODAY))
    assert sorted(by_channel) == ["linkedin", "unknown"]
    assert by_channel["linkedin"]["invited"] == 2
    assert by_channel["unknown"]["invited"] == 3


def test_inbound_window_edges() -> None:
    assert len(counts.inbound_last_12_months(small_on(TODAY))) == 2
    assert len(counts.inbound_last_12_months(small_on(dt.date(2026, 11, 25)))) == 3
    assert len(counts.inbound_last_12_months(small_on(dt.date(2026, 11, 2)))) == 2
    assert len(counts.inbound_last_12_months(small_on(dt.date(2026, 11, 3)))) == 3
    plan = small_on(TODAY)
    assert counts.average_relevance(plan) == 3.0
    assert counts.inbound_by_sector(plan) == {"Recruitment": 1, "outside the plan": 1}
    assert counts.inbound_by_company(plan) == [("Talent Bridge", 1), ("Unlisted Search", 1)]


def test_inbound_per_month() -> None:
    months = counts.inbound_per_month(small_on(TODAY))
    assert months[0] == (dt.date(2025, 12, 1), 0)
    assert months[-1] == (dt.date(2026, 11, 1), 1)
    assert sum(count for _, count in months) == 2
    assert dict(months)[dt.date(2026, 2, 1)] == 1


def test_weekly_invitations_and_iso_week_boundaries() -> None:
    weeks = counts.invites_per_week(small_on(TODAY))
    assert len(weeks) == 26
    assert weeks[0][0] == dt.date(2026, 6, 1)
    assert weeks[-1][0] == dt.date(2026, 11, 23)
    assert {monday: count for monday, count in weeks if count} == {
        dt.date(2026, 6, 1): 1,
        dt.date(2026, 8, 31): 1,
        dt.date(2026, 9, 28): 1,
        dt.date(2026, 11, 2): 1,
    }
    # 2026-11-02 is a Monday: that invitation counts in its own week only.
    assert counts.invited_this_week(small_on(dt.date(2026, 11, 2))) == 1
    assert counts.invited_this_week(small_on(dt.date(2026, 11, 8))) == 1
    assert counts.invited_this_week(small_on(dt.date(2026, 11, 1))) == 0
    assert counts.invited_this_week(small_on(dt.date(2026, 11, 9))) == 0


def test_a_cold_email_counts_as_the_invitation(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "nordic-robotics.yaml",
        "    country: Poland\n",
        "    country: Poland\n    touches:\n      - {date: 2026-11-24, action: messaged, channel: email}\n",
    )
    plan = load_plan(small_plan, TODAY)
    anna = next(p for p in plan.people if p.slug == "anna-nowak")
    assert anna.stage == "invited" and anna.reached_out_on == dt.date(2026, 11, 24)
    assert counts.invited_this_week(plan) == 1
    assert counts.funnel_by_channel(plan)["email"]["invited"] == 1


def test_streak_counts_back_from_last_complete_week(small_plan: Path) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    text = volta.read_text(encoding="utf-8")
    extra = "".join(
        f"  - name: Extra {n}\n    focus: other\n    touches:\n"
        f"      - {{date: {day}, action: invited}}\n"
        for n, day in enumerate(
            ["2026-11-09"] * 3 + ["2026-11-16"] * 3 + ["2026-11-24"] * 3, start=1
        )
    )
    volta.write_text(text + extra, encoding="utf-8")
    # Target 3 a week: weeks of 11-09, 11-16 and (already) 11-23 are on target.
    assert counts.streak(load_plan(small_plan, TODAY)) == 3
    assert counts.streak(load_plan(small_plan, dt.date(2026, 11, 23))) == 2
