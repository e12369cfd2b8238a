"""Every metric against numbers worked out by hand from the small fixture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import metrics
from generator.config.load import load_plan
from generator.structure.model import Plan
from tests.conftest import SMALL_PLAN, TODAY


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan(SMALL_PLAN, TODAY)


def names(people: list) -> list[str]:  # type: ignore[type-arg]
    return [f"{p.name} ({p.company.name})" for p in people]


def test_stages_and_reach(plan: Plan) -> None:
    assert metrics.stage_counts(plan.people) == dict.fromkeys(
        ("identified", "invited", "connected", "replied", "met", "declined"), 1
    )
    assert metrics.reached_counts(plan.people) == {
        "identified": 6,
        "invited": 5,
        "connected": 4,
        "replied": 3,
        "met": 1,
    }
    assert metrics.conversions(plan.people) == {
        "invited→connected": 0.8,
        "connected→replied": 0.75,
        "replied→met": 1 / 3,
    }


def test_funnel_by_channel_uses_the_invitation_channel(plan: Plan) -> None:
    by_channel = metrics.funnel_by_channel(plan)
    assert sorted(by_channel) == ["linkedin", "unknown"]
    assert by_channel["linkedin"]["invited"] == 2
    assert by_channel["unknown"]["invited"] == 3


def test_follow_ups_due_after_keep_alive_days(plan: Plan) -> None:
    assert names(metrics.follow_ups_due(plan, TODAY)) == ["Piotr Żółć (Talent Bridge)"]
    # Piotr's last contact is 2026-05-20: due from 90 days later, 2026-08-18.
    assert metrics.follow_ups_due(plan, dt.date(2026, 8, 17)) == []
    assert names(metrics.follow_ups_due(plan, dt.date(2026, 8, 18))) == [
        "Piotr Żółć (Talent Bridge)"
    ]


def test_inbound_window_edges(plan: Plan) -> None:
    assert len(metrics.inbound_last_12_months(plan, TODAY)) == 2
    assert len(metrics.inbound_last_12_months(plan, dt.date(2026, 11, 25))) == 3
    assert len(metrics.inbound_last_12_months(plan, dt.date(2026, 11, 2))) == 2
    assert len(metrics.inbound_last_12_months(plan, dt.date(2026, 11, 3))) == 3
    assert metrics.average_relevance(plan, TODAY) == 3.0
    assert metrics.inbound_by_sector(plan, TODAY) == {"Recruitment": 1, "outside the plan": 1}
    assert metrics.inbound_by_company(plan, TODAY) == [("Talent Bridge", 1), ("Unlisted Search", 1)]


def test_inbound_per_month(plan: Plan) -> None:
    months = metrics.inbound_per_month(plan, TODAY)
    assert months[0] == (dt.date(2025, 12, 1), 0)
    assert months[-1] == (dt.date(2026, 11, 1), 1)
    assert sum(count for _, count in months) == 2
    assert dict(months)[dt.date(2026, 2, 1)] == 1


def test_weekly_invitations_and_iso_week_boundaries(plan: Plan) -> None:
    weeks = metrics.invites_per_week(plan, TODAY)
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
    assert metrics.invited_this_week(plan, dt.date(2026, 11, 2)) == 1
    assert metrics.invited_this_week(plan, dt.date(2026, 11, 8)) == 1
    assert metrics.invited_this_week(plan, dt.date(2026, 11, 1)) == 0
    assert metrics.invited_this_week(plan, dt.date(2026, 11, 9)) == 0


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
    plan = load_plan(small_plan, TODAY)
    # Target 3 a week: weeks of 11-09, 11-16 and (already) 11-23 are on target.
    assert metrics.streak(plan, TODAY) == 3
    assert metrics.streak(plan, dt.date(2026, 11, 23)) == 2


def test_silent_companies(small_plan: Path) -> None:
    plan = load_plan(small_plan, TODAY)
    assert metrics.silent_companies(plan, TODAY) == []
    (small_plan / "companies" / "quiet.yaml").write_text(
        "name: Quiet Works\nsector: Automation\npeople:\n"
        "  - name: Q One\n    touches: [{date: 2026-10-20, action: invited}, {date: 2026-10-21, action: connected}]\n"
        "  - name: Q Two\n    touches: [{date: 2026-10-27, action: invited}]\n",
        encoding="utf-8",
    )
    plan = load_plan(small_plan, TODAY)
    # Q Two was invited on 2026-10-27: 30 days later, on TODAY, the company counts as
    # silent. Q One connected, but connecting is not a reply.
    assert metrics.silent_companies(plan, dt.date(2026, 11, 25)) == []
    assert [c.name for c in metrics.silent_companies(plan, TODAY)] == ["Quiet Works"]


def test_a_decline_or_an_inbound_call_breaks_the_silence(small_plan: Path) -> None:
    quiet = small_plan / "companies" / "quiet.yaml"
    quiet.write_text(
        "name: Quiet Works\nsector: Automation\npeople:\n"
        "  - name: Q One\n    touches: [{date: 2026-09-01, action: invited}, {date: 2026-09-09, action: declined}]\n",
        encoding="utf-8",
    )
    assert metrics.silent_companies(load_plan(small_plan, TODAY), TODAY) == []
    quiet.write_text(
        quiet.read_text(encoding="utf-8").replace("declined", "connected"), encoding="utf-8"
    )
    assert len(metrics.silent_companies(load_plan(small_plan, TODAY), TODAY)) == 1
    with (small_plan / "inbound.yaml").open("a", encoding="utf-8") as log:
        log.write("- {date: 2026-12-01, who: Q One, company: Quiet Works}\n")
    assert len(metrics.silent_companies(load_plan(small_plan, TODAY), TODAY)) == 1, "not yet"
    assert metrics.silent_companies(load_plan(small_plan, TODAY), dt.date(2026, 12, 1)) == []


def test_checklist(plan: Plan) -> None:
    steps = metrics.checklist(plan, TODAY)
    assert [(s.number, s.done) for s in steps] == [(1, True), (2, False), (3, True), (4, False)]
    assert steps[1].progress == [
        "3 / 4 companies",
        "Battery cells: 1 / 2",
        "Automation: 1 / 2",
        "Recruitment: 1 / 4",
    ]
    assert steps[1].next_action == "List 1 more company in Battery cells."
    assert steps[2].progress == [
        "6 / 6 people",
        "3 / 3 companies with 2+ people",
        "3 / 3 companies with operations and HR",
        "5 at home, 1 abroad",
    ]
    assert steps[3].progress == [
        "5 / 6 people contacted (83%)",
        "0 / 3 invitations this week",
        "0 weeks in a row on target",
    ]
    assert steps[3].next_action == "Invite 1 more person this week (see This week)."


def test_missing_roles(plan: Plan) -> None:
    assert [metrics.missing_roles(c) for c in plan.companies] == [[], [], []]


def _plan_with(tmp_path: Path, companies: dict[str, tuple[str, int, list[str]]]) -> Path:
    """A plan whose companies are {file: (sector, priority, [focus of each uncontacted person])}."""
    plans = tmp_path / "plans"
    (plans / "companies").mkdir(parents=True)
    (plans / "plan.yaml").write_text(
        "me: {name: Me, headline: H, goal: G, location: 'Oslo, Norway'}\n"
        "targets: {invites_per_week: 4}\n"
        "sectors:\n  - name: A\n  - name: B\n  - name: R\n    recruiters: true\n",
        encoding="utf-8",
    )
    for slug, (sector, priority, focuses) in companies.items():
        people = "".join(
            f"  - name: {slug.upper()} {i}\n    focus: {focus}\n    email: p{i}@{slug}.example\n"
            for i, focus in enumerate(focuses)
        )
        (plans / "companies" / f"{slug}.yaml").write_text(
            f"name: {slug.upper()}\nsector: {sector}\npriority: {priority}\npeople:\n{people}",
            encoding="utf-8",
        )
    return plans


def test_next_batch_priority_spread_and_quota(tmp_path: Path) -> None:
    plans = _plan_with(
        tmp_path,
        {
            "a1": ("A", 1, ["hr", "operations", "other"]),
            "a2": ("A", 1, ["hr"]),
            "b1": ("B", 1, ["other", "hr"]),
            "r1": ("R", 2, ["recruiter"]),
            "a3": ("A", 3, ["operations"]),
        },
    )
    plan = load_plan(plans, TODAY)
    batch = metrics.next_batch(plan, TODAY)
    # Priority 1 first, sectors interleaved (A, B, then A again), one person per company,
    # operations, then HR, then others; then priority 2. Quota: 4 a week.
    assert [p.name for p in batch] == ["A1 1", "B1 1", "A2 0", "R1 0"]
    assert metrics.next_batch(plan, TODAY) == batch, "deterministic"


def test_next_batch_subtracts_this_weeks_invitations(tmp_path: Path) -> None:
    plans = _plan_with(
        tmp_path, {"a1": ("A", 1, ["hr"]), "b1": ("B", 1, ["hr"]), "b2": ("B", 2, ["hr"])}
    )
    company = plans / "companies" / "a1.yaml"
    company.write_text(
        company.read_text(encoding="utf-8")
        + "  - name: Sent\n    touches:\n"
        + "".join(f"      - {{date: 2026-11-2{d}, action: invited}}\n" for d in (3, 4, 5)),
        encoding="utf-8",
    )
    plan = load_plan(plans, TODAY)
    # One invitation left this week; A1 already had one this week, so B1 gets it.
    assert [p.name for p in metrics.next_batch(plan, TODAY)] == ["B1 0"]
    assert metrics.checklist(plan, TODAY)[3].next_action == (
        "Invite 1 more person this week (see This week)."
    )
    # A week later the quota is whole again, and the batch takes one per company.
    later = dt.date(2026, 11, 30)
    assert [p.name for p in metrics.next_batch(plan, later)] == ["A1 0", "B1 0", "B2 0"]


def test_follow_ups_this_week_are_the_longest_silent_twenty(tmp_path: Path) -> None:
    from tests.bench import write_plan

    plan = load_plan(write_plan(tmp_path, 300), TODAY)
    due = metrics.follow_ups_due(plan, TODAY)
    assert len(due) > metrics.FOLLOW_UPS_PER_WEEK
    assert metrics.follow_ups_this_week(plan, TODAY) == due[: metrics.FOLLOW_UPS_PER_WEEK]
    dates = [p.last_contact for p in due]
    assert dates == sorted(dates)  # type: ignore[type-var]


def test_a_company_is_never_invited_whole_in_one_week(tmp_path: Path) -> None:
    plans = _plan_with(tmp_path, {"a1": ("A", 1, ["hr", "hr", "hr", "hr"])})
    company = plans / "companies" / "a1.yaml"
    text = company.read_text(encoding="utf-8")
    for number, day in ((0, 23), (1, 24), (2, 25)):
        text = text.replace(
            f"  - name: A1 {number}\n    focus: hr\n    email: p{number}@a1.example\n",
            f"  - name: A1 {number}\n    focus: hr\n    email: p{number}@a1.example\n"
            f"    touches: [{{date: 2026-11-{day}, action: invited}}]\n",
        )
    company.write_text(text, encoding="utf-8")
    plan = load_plan(plans, TODAY)
    assert metrics.next_batch(plan, TODAY) == []
    assert [p.name for p in metrics.next_batch(plan, dt.date(2026, 11, 30))] == ["A1 3"]


def test_unreachable_people_are_not_in_the_batch(tmp_path: Path) -> None:
    plans = _plan_with(tmp_path, {"a1": ("A", 1, ["operations", "hr"])})
    company = plans / "companies" / "a1.yaml"
    company.write_text(
        company.read_text(encoding="utf-8").replace("    email: p0@a1.example\n", ""),
        encoding="utf-8",
    )
    assert [p.name for p in metrics.next_batch(load_plan(plans, TODAY), TODAY)] == ["A1 1"]
