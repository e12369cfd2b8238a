"""The week's work: batch, follow-ups, pending invitations, coming up, silent targets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.metrics import outreach
from generator.metrics.budget import linkedin_budget
from generator.metrics.checklist import checklist
from generator.model.vocabulary import MessageKind
from tests.conftest import TODAY
from tests.helpers import replace_in
from tests.metric_plans import names, plan_with, small_on
from tests.outreach_plans import on, person, touch, who, write_plan


def test_follow_ups_due_after_keep_alive_days() -> None:
    assert names(outreach.follow_ups_due(small_on(TODAY))) == ["Piotr Żółć (Talent Bridge)"]
    # Piotr's last contact is 2026-05-20: due from 90 days later, 2026-08-18.
    assert outreach.follow_ups_due(small_on(dt.date(2026, 8, 17))) == []
    assert names(outreach.follow_ups_due(small_on(dt.date(2026, 8, 18)))) == [
        "Piotr Żółć (Talent Bridge)"
    ]


def test_a_cold_email_nobody_answered_gets_reminders_not_the_keep_alive(
    small_plan: Path,
) -> None:
    replace_in(
        small_plan / "companies" / "nordic-robotics.yaml",
        "    country: Poland\n",
        "    country: Poland\n    touches:\n      - {date: 2026-06-01, action: messaged, channel: email}\n",
    )
    plan = load_plan(small_plan, TODAY)
    assert "Anna Nowak (Nordic Robotics)" not in names(outreach.follow_ups_due(plan))
    assert [(r.person.name, r.number, r.kind) for r in plan.reminders_due] == [
        ("Anna Nowak", 1, "reminder")
    ]


def test_pending_invitations_get_a_nudge_after_three_weeks(small_plan: Path) -> None:
    """Anna (Volta Cells) was invited on LinkedIn on 2026-11-02 and has not connected."""
    assert outreach.pending_invitations(small_on(dt.date(2026, 11, 22))) == []
    nudges = outreach.pending_invitations(small_on(TODAY))
    assert [(n.person.name, n.person.company.name, n.days, n.advice) for n in nudges] == [
        (
            "Anna Nowak",
            "Volta Cells",
            24,
            "withdraw it; LinkedIn lets you invite again three weeks later",
        )
    ]
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "    role: HR Business Partner\n",
        "    role: HR Business Partner\n    email: anna@volta.example\n",
    )
    assert outreach.pending_invitations(load_plan(small_plan, TODAY))[0].advice == "try e-mail"


def test_coming_up_lists_touches_after_today() -> None:
    planned = outreach.coming_up(small_on(dt.date(2026, 10, 10)))
    assert [(p.person.name, p.touch.date, p.touch.action) for p in planned] == [
        ("Jan Nowak", dt.date(2026, 10, 20), "met"),
        ("Anna Nowak", dt.date(2026, 11, 2), "invited"),
    ]
    assert outreach.coming_up(small_on(TODAY)) == []


QUIET = (
    "name: Quiet Works\nsector: Automation\npeople:\n"
    "  - name: Q One\n    email: q.one@quiet.example\n    touches:\n"
    "      - {date: 2026-10-01, action: messaged, channel: email}\n"
    "      - {date: 2026-10-12, action: followed_up, channel: email}\n"
    "      - {date: 2026-11-02, action: followed_up, channel: email}\n"
    "  - name: Q Two\n    touches: [{date: 2026-11-16, action: invited, channel: linkedin}]\n"
)


def silent_on(plans: Path, day: dt.date) -> list[str]:
    return [c.name for c in outreach.silent_companies(load_plan(plans, day))]


def test_silent_companies_follow_the_no_answer_cycle(small_plan: Path) -> None:
    assert silent_on(small_plan, TODAY) == []
    quiet = small_plan / "companies" / "quiet.yaml"
    quiet.write_text(QUIET, encoding="utf-8")
    # Q One: an e-mail and two reminders, the last on Monday 2026-11-02: the cycle is
    # over 7 business days later, Wednesday 2026-11-11. Q Two: a LinkedIn invitation and
    # no address, so no reminder can go: over 7 business days after Monday 2026-11-16,
    # on Wednesday 2026-11-25. The company is silent once both are.
    assert silent_on(small_plan, dt.date(2026, 11, 24)) == []
    assert silent_on(small_plan, dt.date(2026, 11, 25)) == ["Quiet Works"]
    assert silent_on(small_plan, dt.date(2026, 11, 26)) == ["Quiet Works"]
    replace_in(quiet, "2026-11-16", "2026-09-01")
    assert silent_on(small_plan, dt.date(2026, 11, 10)) == []
    assert silent_on(small_plan, dt.date(2026, 11, 11)) == ["Quiet Works"]
    assert silent_on(small_plan, dt.date(2026, 11, 12)) == ["Quiet Works"]


def test_a_reminder_still_to_send_is_not_silence_yet(small_plan: Path) -> None:
    quiet = small_plan / "companies" / "quiet.yaml"
    quiet.write_text(QUIET, encoding="utf-8")
    replace_in(quiet, "      - {date: 2026-11-02, action: followed_up, channel: email}\n", "")
    plan = load_plan(small_plan, TODAY)
    assert [r.person.name for r in plan.reminders_due] == ["Q One"]
    assert silent_on(small_plan, TODAY) == []


def test_any_answer_breaks_the_silence(small_plan: Path) -> None:
    quiet = small_plan / "companies" / "quiet.yaml"
    quiet.write_text(
        "name: Quiet Works\nsector: Automation\npeople:\n"
        "  - name: Q One\n    touches: [{date: 2026-09-01, action: invited}, {date: 2026-09-09, action: declined}]\n",
        encoding="utf-8",
    )
    assert silent_on(small_plan, TODAY) == []
    # Accepting the invitation is an answer too: it ends the reminders, so the silence.
    replace_in(quiet, "declined", "connected")
    assert silent_on(small_plan, TODAY) == []
    replace_in(quiet, ", {date: 2026-09-09, action: connected}", "")
    assert silent_on(small_plan, TODAY) == ["Quiet Works"]
    with (small_plan / "inbound.yaml").open("a", encoding="utf-8") as log:
        log.write("- {date: 2026-12-01, who: Q One, company: Quiet Works}\n")
    assert silent_on(small_plan, TODAY) == ["Quiet Works"], "not yet"
    assert silent_on(small_plan, dt.date(2026, 12, 1)) == []


def test_missing_roles() -> None:
    assert [outreach.missing_roles(c) for c in small_on(TODAY).plan.companies] == [[], [], []]


def test_next_batch_priority_spread_and_quota(tmp_path: Path) -> None:
    plans = plan_with(
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
    # Priority 1 first, sectors interleaved (A, B, then A again), one person per company,
    # operations, then HR, then others; then priority 2. Quota: 4 a week.
    assert [p.name for p in outreach.next_batch(plan)] == ["A1 1", "B1 1", "A2 0", "R1 0"]
    again = load_plan(plans, TODAY)
    assert [p.name for p in outreach.next_batch(again)] == ["A1 1", "B1 1", "A2 0", "R1 0"]


def test_next_batch_subtracts_this_weeks_invitations(tmp_path: Path) -> None:
    plans = plan_with(
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
    assert [p.name for p in outreach.next_batch(plan)] == ["B1 0"]
    assert checklist(plan)[3].next_action == "Invite 1 more person this week (see This week)."
    # A week later the quota is whole again, and the batch takes one per company.
    later = load_plan(plans, dt.date(2026, 11, 30))
    assert [p.name for p in outreach.next_batch(later)] == ["A1 0", "B1 0", "B2 0"]


def test_follow_ups_this_week_are_the_longest_silent_twenty(tmp_path: Path) -> None:
    from tests.bench import write_plan

    plan = load_plan(write_plan(tmp_path, 300), TODAY)
    due = outreach.follow_ups_due(plan)
    assert len(due) > outreach.FOLLOW_UPS_PER_WEEK
    assert plan.follow_ups_this_week == due[: outreach.FOLLOW_UPS_PER_WEEK]
    dates = [plan[p].last_contact for p in due]
    assert dates == sorted(dates)  # type: ignore[type-var]


def test_a_company_is_never_invited_whole_in_one_week(tmp_path: Path) -> None:
    plans = plan_with(tmp_path, {"a1": ("A", 1, ["hr", "hr", "hr", "hr"])})
    company = plans / "companies" / "a1.yaml"
    text = company.read_text(encoding="utf-8")
    for number, day in ((0, 23), (1, 24), (2, 25)):
        text = text.replace(
            f"  - name: A1 {number}\n    focus: hr\n    email: p{number}@a1.example\n",
            f"  - name: A1 {number}\n    focus: hr\n    email: p{number}@a1.example\n"
            f"    touches: [{{date: 2026-11-{day}, action: invited}}]\n",
        )
    company.write_text(text, encoding="utf-8")
    assert outreach.next_batch(load_plan(plans, TODAY)) == []
    later = load_plan(plans, dt.date(2026, 11, 30))
    assert [p.name for p in outreach.next_batch(later)] == ["A1 3"]


def test_unreachable_people_are_not_in_the_batch(tmp_path: Path) -> None:
    plans = plan_with(tmp_path, {"a1": ("A", 1, ["operations", "hr"])})
    replace_in(plans / "companies" / "a1.yaml", "    email: p0@a1.example\n", "")
    assert [p.name for p in outreach.next_batch(load_plan(plans, TODAY))] == ["A1 1"]


@pytest.mark.parametrize(
    ("today", "days"),
    [("2026-11-22", None), ("2026-11-23", 21), ("2026-11-24", 22)],
    ids=["20 days", "21", "22"],
)
def test_a_pending_invitation_is_nudged_from_its_21st_day(
    tmp_path: Path, today: str, days: int | None
) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Ada Kral", touch("2026-11-02", "invited", "linkedin"))]}
    )
    situation = on(plans, today)
    nudges = situation.pending_invitations
    expected = [("Ada Kral", dt.date(2026, 11, 2), days)] if days else []
    assert [(n.person.name, n.since, n.days) for n in nudges] == expected
    budget = linkedin_budget(situation)
    assert (budget.pending_in_plan, budget.pending_in_plan_long) == (1, 1 if days else 0)
    ada = who(situation, "Ada Kral")
    assert (situation.nudge_for(ada) is not None) is bool(days)


@pytest.mark.parametrize(
    ("last_contact", "due"),
    [("2026-08-28", True), ("2026-08-29", False), ("2026-08-27", True), ("2026-08-30", False)],
    ids=["90 days", "89", "91", "88"],
)
def test_a_follow_up_is_due_after_keep_alive_days(
    tmp_path: Path, last_contact: str, due: bool
) -> None:
    """keep_alive_days 90: a connection untouched since 90 days before today is due."""
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person(
                    "Ada Kral",
                    touch("2026-08-01", "invited", "linkedin"),
                    touch(last_contact, "connected"),
                )
            ]
        },
        "invites_per_week: 5, keep_alive_days: 90",
    )
    situation = on(plans, "2026-11-26")
    assert [p.name for p in situation.follow_ups_due] == (["Ada Kral"] if due else [])


@pytest.mark.parametrize(
    ("today", "silent"),
    [("2026-11-16", False), ("2026-11-17", True), ("2026-11-18", True)],
    ids=["6 business days", "7", "8"],
)
def test_a_company_is_silent_once_everyone_there_is_past_the_last_reminder(
    tmp_path: Path, today: str, silent: bool
) -> None:
    """Friday 2026-11-06: Ada's LinkedIn invitation (no e-mail address, so no reminder can
    go) and Bo's second reminder; seven business days later is Tuesday 2026-11-17."""
    bo_touches = [touch(day, "messaged", "email") for day in ("2026-10-01", "2026-10-20")]
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Ada Kral", touch("2026-11-06", "invited", "linkedin"), email=False),
                person("Bo Lind", *bo_touches, touch("2026-11-06", "followed_up", "email")),
            ]
        },
    )
    silent_names = [c.name for c in on(plans, today).silent_companies]
    assert silent_names == (["Kessel"] if silent else [])


def test_a_week_over_its_target_gets_no_batch(tmp_path: Path) -> None:
    """Two invitations this week against a target of one: nobody more this week."""
    sent = [person(f"Sent {n}", touch("2026-11-24", "invited")) for n in range(2)]
    plans = write_plan(
        tmp_path, {"Kessel": sent, "Lumo": [person("Ada Kral")]}, "invites_per_week: 1"
    )
    situation = on(plans, "2026-11-26")
    assert situation.next_batch == []
    assert outreach.why_no_batch(situation) == (
        "This week's invitations are sent: spend the time on follow-ups."
    )


@pytest.mark.parametrize(
    ("sent", "batch"),
    [("2026-11-22", ["Ada Kral"]), ("2026-11-23", []), ("2026-11-24", [])],
    ids=["Sunday before", "Monday", "Tuesday"],
)
def test_a_company_invited_since_monday_waits_for_next_week(
    tmp_path: Path, sent: str, batch: list[str]
) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Bo Lind", touch(sent, "invited")), person("Ada Kral")]}
    )
    assert [p.name for p in on(plans, "2026-11-26").next_batch] == batch


@pytest.mark.parametrize(
    ("people", "why"),
    [
        ([], "Nobody in the plan yet: add companies and the people to contact there."),
        (
            [person("Bo Lind", touch("2026-11-02", "invited"))],
            "Everyone in the plan has been contacted: add companies or people, "
            "and keep the connections alive.",
        ),
        (
            [person("Ada Kral", linkedin=False, email=False)],
            "Add a linkedin or email to the 1 person still to contact without one.",
        ),
        (
            [
                person("Ada Kral", linkedin=False, email=False),
                person("Cy Nil", linkedin=False, email=False),
            ],
            "Add a linkedin or email to the 2 people still to contact without one.",
        ),
        (
            [person("Bo Lind", touch("2026-11-24", "invited")), person("Ada Kral")],
            "Everyone else still to contact works at a company invited this week, "
            "so list more companies.",
        ),
        (
            [
                person("Bo Lind", touch("2026-11-24", "invited")),
                person("Ada Kral"),
                person("Cy Nil", linkedin=False, email=False),
            ],
            "Everyone else still to contact works at a company invited this week, "
            "so list more companies; add a linkedin or email to the 1 person still to "
            "contact without one.",
        ),
    ],
    ids=["nobody", "everyone contacted", "one unreachable", "two", "company waits", "both"],
)
def test_why_there_is_no_batch(tmp_path: Path, people: list[str], why: str) -> None:
    plans = write_plan(tmp_path, {"Kessel": people} if people else {})
    situation = on(plans, "2026-11-26")
    assert situation.next_batch == []
    assert outreach.why_no_batch(situation) == why


def test_nudges_oldest_first_then_by_name(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Cy Nil", touch("2026-10-20", "invited")),
                person("Bo Lind", touch("2026-10-01", "invited")),
                person("Ada Kral", touch("2026-10-20", "invited")),
            ]
        },
    )
    nudges = on(plans, "2026-11-26").pending_invitations
    assert [(n.person.name, n.days) for n in nudges] == [
        ("Bo Lind", 56),
        ("Ada Kral", 37),
        ("Cy Nil", 37),
    ]


def test_a_week_at_its_target_gets_no_batch(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {"Kessel": [person("Sent", touch("2026-11-24", "invited"))], "Lumo": [person("Ada Kral")]},
        "invites_per_week: 1",
    )
    situation = on(plans, "2026-11-26")
    assert situation.next_batch == []
    assert outreach.why_no_batch(situation) == (
        "This week's invitations are sent: spend the time on follow-ups."
    )


def test_those_who_wrote_first_are_answered_longest_waiting_first(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Cy Nil"), person("Bo Lind"), person("Ada Kral")]}
    )
    (plans / "inbound.yaml").write_text(
        "- {date: 2026-11-20, who: Cy Nil, channel: phone}\n"
        "- {date: 2026-11-10, who: Bo Lind, channel: phone}\n"
        "- {date: 2026-11-20, who: Ada Kral, channel: phone}\n",
        encoding="utf-8",
    )
    situation = on(plans, "2026-11-26")
    assert [p.person.name for p in outreach.answer_them(situation)] == [
        "Bo Lind",
        "Ada Kral",
        "Cy Nil",
    ]
    ada = situation[who(situation, "Ada Kral")]
    assert outreach.opened_draft(ada, None) == "email"
    assert outreach.opened_draft(ada, MessageKind.REMINDER) == "reminder"


@pytest.mark.parametrize(
    ("touches", "opened"),
    [
        ([touch("2026-11-01", "invited"), touch("2026-11-02", "connected")], "follow_up"),
        ([touch("2026-11-01", "invited")], None),
        ([], None),
    ],
    ids=["answered", "waiting", "new"],
)
def test_the_draft_a_page_opens_without_a_next_step(
    tmp_path: Path, touches: list[str], opened: str | None
) -> None:
    situation = on(write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches)]}), "2026-11-26")
    assert outreach.opened_draft(situation[who(situation, "Ada Kral")], None) == opened
