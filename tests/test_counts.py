"""Counts, funnels and series against numbers worked out by hand from the small fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.metrics import counts
from tests.conftest import TODAY
from tests.helpers import replace_in
from tests.metric_plans import small_on
from tests.outreach_plans import on, person, touch, write_plan


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


def test_the_furthest_stage_puts_a_decline_below_an_invitation(tmp_path: Path) -> None:
    def furthest(*people: str) -> str:
        plans = write_plan(tmp_path / str(len(list(tmp_path.iterdir()))), {"Kessel": list(people)})
        return counts.furthest_stage(on(plans, "2026-11-26").people)

    declined = person("Ada Kral", touch("2026-11-02", "invited"), touch("2026-11-03", "declined"))
    invited = person("Bo Lind", touch("2026-11-02", "invited"))
    assert furthest(person("Cy Nil")) == "identified"
    assert furthest(person("Cy Nil"), declined) == "declined"
    assert furthest(declined, invited) == "invited"
    assert counts.furthest_stage([]) == "identified"


def test_a_cold_message_before_the_invitation_is_the_first_invitation(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person(
                    "Ada Kral",
                    touch("2026-11-02", "messaged", "email"),
                    touch("2026-11-09", "invited", "linkedin"),
                ),
                person("Bo Lind"),
            ]
        },
    )
    situation = on(plans, "2026-11-26")
    ada, bo = situation.people
    assert [(t.date.day, t.action) for t in counts.invitations(ada)] == [
        (2, "messaged"),
        (9, "invited"),
    ]
    assert counts.first_outreach_channel(ada) == "email"
    assert counts.first_outreach_channel(bo) == "not invited"


def test_a_streak_counts_back_two_years_at_most(tmp_path: Path) -> None:
    mondays = [dt.date(2026, 11, 16) - dt.timedelta(weeks=n) for n in range(110)]
    plans = write_plan(
        tmp_path,
        {"Kessel": [person("Ada Kral", *(touch(d.isoformat(), "invited") for d in mondays))]},
        "invites_per_week: 1",
    )
    # The window is 104 weeks (four times the weeks shown) with this one, not yet met.
    assert counts.streak(on(plans, "2026-11-26")) == 4 * counts.WEEKS_SHOWN - 1


@pytest.mark.parametrize(
    ("this_week", "streak"), [(0, 2), (1, 3), (2, 3)], ids=["missed", "met", "over"]
)
def test_this_week_counts_in_the_streak_once_it_is_met(
    tmp_path: Path, this_week: int, streak: int
) -> None:
    days = ["2026-11-09", "2026-11-16", *["2026-11-23"] * this_week]
    people = [person(f"P{n}", touch(day, "invited")) for n, day in enumerate(days)]
    plans = write_plan(tmp_path, {"Kessel": people}, "invites_per_week: 1")
    assert counts.streak(on(plans, "2026-11-26")) == streak


def inbound_plan(tmp_path: Path, entries: str) -> Path:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral")]})
    (plans / "inbound.yaml").write_text(entries, encoding="utf-8")
    return plans


def test_inbound_per_month_counts_from_the_first_day_of_the_oldest_month_to_today(
    tmp_path: Path,
) -> None:
    plans = inbound_plan(
        tmp_path,
        "- {date: 2025-11-30, who: A}\n- {date: 2025-12-01, who: B}\n"
        "- {date: 2026-11-26, who: C}\n- {date: 2026-11-27, who: D}\n",
    )
    months = counts.inbound_per_month(on(plans, "2026-11-26"))
    assert [m for m, _ in months] == [dt.date(2025, 12, 1)] + [
        dt.date(2026, n, 1) for n in range(1, 12)
    ]
    assert (months[0][1], months[-1][1], sum(n for _, n in months)) == (1, 1, 2)


def test_inbound_by_company_most_first_then_by_name(tmp_path: Path) -> None:
    plans = inbound_plan(
        tmp_path,
        "- {date: 2026-11-01, who: A, company: beta}\n- {date: 2026-11-02, who: B, company: Alpha}\n"
        "- {date: 2026-11-03, who: C, company: Gamma}\n- {date: 2026-11-04, who: D, company: Gamma}\n"
        "- {date: 2026-11-05, who: E}\n",
    )
    assert counts.inbound_by_company(on(plans, "2026-11-26")) == [
        ("Gamma", 2),
        ("Alpha", 1),
        ("beta", 1),
        ("unknown", 1),
    ]


def test_average_relevance_to_two_places(tmp_path: Path) -> None:
    plans = inbound_plan(
        tmp_path,
        "- {date: 2026-11-01, who: A, relevance: 1}\n- {date: 2026-11-02, who: B, relevance: 1}\n"
        "- {date: 2026-11-03, who: C, relevance: 2}\n- {date: 2026-11-04, who: D}\n",
    )
    assert counts.average_relevance(on(plans, "2026-11-26")) == 1.33


def test_coverage_by_focus_and_country(tmp_path: Path) -> None:
    """Home is Czechia; a person without a country (nor their company's) is unknown, once."""
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("A", focus="operations"),
                person("B", focus="hr"),
                person("C", focus="hr"),
                person("D", focus="recruiter"),
            ]
        },
    )
    replace_in(
        plans / "companies" / "c000.yaml", "  - name: B\n", "  - name: B\n    country: Austria\n"
    )
    replace_in(
        plans / "companies" / "c000.yaml", "  - name: C\n", "  - name: C\n    country: Austria\n"
    )
    replace_in(
        plans / "companies" / "c000.yaml", "  - name: D\n", "  - name: D\n    country: czechia\n"
    )
    (row, _) = counts.coverage(on(plans, "2026-11-26"))
    assert row.focus == {"operations": 1, "hr": 2, "recruiter": 1, "other": 0}
    assert (row.home, row.abroad, row.unknown) == (1, 2, 1)
