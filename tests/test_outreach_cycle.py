"""Outreach nobody answered: reminders after N business days, at most two, then someone
else at the company; withdrawn invitations and when to invite again; "try e-mail"."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.exporting.calendar import week_calendar
from generator.metrics import outreach
from generator.metrics.outreach import add_business_days
from generator.model.vocabulary import Channel, MessageKind
from generator.render.pages import this_week_page
from tests.outreach_plans import on, person, touch, who, write_plan


def run(plans: Path, today: str, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", today, *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


# 2026-11-06 is a Friday: seven business days later is Tuesday 2026-11-17.
@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        ("2026-11-06", 0, "2026-11-06"),
        ("2026-11-06", 1, "2026-11-09"),  # Friday → Monday
        ("2026-11-06", 5, "2026-11-13"),
        ("2026-11-06", 6, "2026-11-16"),
        ("2026-11-06", 7, "2026-11-17"),
        ("2026-11-06", 8, "2026-11-18"),
        ("2026-11-07", 1, "2026-11-09"),  # sent on a Saturday
        ("2026-11-08", 1, "2026-11-09"),  # on a Sunday
        ("2026-11-09", 7, "2026-11-18"),
    ],
)
def test_business_days_skip_weekends(start: str, count: int, expected: str) -> None:
    assert add_business_days(dt.date.fromisoformat(start), count) == dt.date.fromisoformat(expected)


@pytest.fixture
def cold_email(tmp_path: Path) -> Path:
    """One cold e-mail on Friday 2026-11-06, never answered."""
    return write_plan(
        tmp_path, {"Kessel": [person("Ada Kral", touch("2026-11-06", "messaged", "email"))]}
    )


@pytest.mark.parametrize(
    ("today", "due"),
    [("2026-11-16", False), ("2026-11-17", True), ("2026-11-18", True)],
    ids=["6 business days", "7", "8"],
)
def test_a_reminder_is_due_seven_business_days_after_the_message(
    cold_email: Path, today: str, due: bool
) -> None:
    plan = on(cold_email, today)
    reminders = plan.reminders_due
    assert [(r.person.name, r.number, r.channel, r.kind) for r in reminders] == (
        [("Ada Kral", 1, Channel.EMAIL, MessageKind.REMINDER)] if due else []
    )
    step = plan.next_step(who(plan, "Ada Kral"))
    if due:
        assert step == "no answer for 7 business days: send reminder 1 of 2 by e-mail"
    else:
        assert step == "waiting for an answer: remind them from 2026-11-17 if none comes"


@pytest.mark.parametrize(
    ("today", "due"),
    [("2026-11-10", False), ("2026-11-11", True), ("2026-11-12", True)],
)
def test_the_wait_is_a_target(tmp_path: Path, today: str, due: bool) -> None:
    plans = write_plan(
        tmp_path,
        {"Kessel": [person("Ada Kral", touch("2026-11-06", "messaged", "email"))]},
        targets="follow_up_after_days: 3",
    )
    assert bool(on(plans, today).reminders_due) is due


def test_a_reminder_due_is_in_the_calendar(cold_email: Path) -> None:
    assert "No answer from" not in week_calendar(on(cold_email, "2026-11-16")).decode()
    ics = week_calendar(on(cold_email, "2026-11-17")).decode().replace("\r\n ", "")
    assert "SUMMARY:No answer from Ada Kral (Kessel): send reminder 1 of 2 by e-mail" in ics
    assert "DESCRIPTION:Subject: Re: Hello from Mia Test\\n\\nHi Ada\\, a reminder." in ics


def test_the_reminder_answers_the_first_email(cold_email: Path) -> None:
    output = run(cold_email, "2026-11-17", "next")
    assert (
        "No answer yet: reminders due (1), 7 business days after each message\n\n"
        "1. Ada Kral: Kessel (priority 1, Heat pumps)\n"
        "   e-mailed 2026-11-06, no answer; send reminder 1 of 2 by e-mail:\n"
        "   e-mail to ada-kral@example.com\n"
        "   subject: Re: Hello from Mia Test\n"
        "     Hi Ada, a reminder.\n"
    ) in output
    assert "how are things" not in output


FOLLOW_UPS = ["2026-10-12", "2026-10-23", "2026-11-03"]


@pytest.mark.parametrize("sent", [0, 1, 2, 3])
def test_two_reminders_at_most_then_someone_else(tmp_path: Path, sent: int) -> None:
    ada = person(
        "Ada Kral",
        touch("2026-10-01", "messaged", "email"),
        *(touch(day, "followed_up", "email") for day in FOLLOW_UPS[:sent]),
    )
    colleague = person("Ben Hora", focus="hr")
    plan = on(write_plan(tmp_path, {"Kessel": [ada, colleague]}), "2026-11-26")
    reminders = [(r.person.name, r.number) for r in plan.reminders_due]
    moving_on = [(m.person.name, m.attempts, m.instead) for m in outreach.try_someone_else(plan)]
    if sent < 2:
        assert reminders == [("Ada Kral", sent + 1)]
        assert moving_on == []
    else:
        assert reminders == []
        assert moving_on == [("Ada Kral", sent + 1, who(plan, "Ben Hora"))]
        assert plan.next_step(who(plan, "Ada Kral")) == (
            f"no answer to {sent + 1} messages: try someone else at Kessel"
        )
    data = json.loads(run(plan.plan.plans_dir, "2026-11-26", "status", "--json"))
    assert data["reminders_due"] == len(reminders)
    assert data["try_someone_else"] == [name for name, _, _ in moving_on]


@pytest.mark.parametrize(
    ("today", "moving_on"),
    [("2026-11-11", False), ("2026-11-12", True), ("2026-11-13", True)],
    ids=["6 business days after the second reminder", "7", "8"],
)
def test_moving_on_waits_for_the_last_reminder(tmp_path: Path, today: str, moving_on: bool) -> None:
    """The second reminder went on Tuesday 2026-11-03: it gets its seven business days."""
    ada = person(
        "Ada Kral",
        touch("2026-10-01", "messaged", "email"),
        *(touch(day, "followed_up", "email") for day in FOLLOW_UPS[1:]),
    )
    plan = on(write_plan(tmp_path, {"Kessel": [ada]}), today)
    assert bool(outreach.try_someone_else(plan)) is moving_on
    assert plan.reminders_due == []
    assert plan.next_step(who(plan, "Ada Kral")) == (
        "no answer to 3 messages: try someone else at Kessel"
        if moving_on
        else "waiting for an answer: try someone else from 2026-11-12 if none comes"
    )


def reminded_twice() -> str:
    """Ada: a first e-mail and two reminders, the last on 2026-10-23, all unanswered."""
    return person(
        "Ada Kral",
        touch("2026-10-01", "messaged", "email"),
        touch("2026-10-12", "followed_up", "email"),
        touch("2026-10-23", "followed_up", "email"),
    )


def test_moving_on_ends_once_someone_else_is_written_to(tmp_path: Path) -> None:
    silent = reminded_twice()
    plans = write_plan(tmp_path, {"Kessel": [silent, person("Ben Hora", focus="hr")]})
    output = run(plans, "2026-11-26", "next")
    assert (
        "No answer after two reminders: try someone else (1)\n\n"
        "- Ada Kral (Kessel): 3 messages since 2026-10-01; "
        "next at Kessel: Ben Hora, hr (in this week's batch)\n"
    ) in output
    colleague = person("Ben Hora", touch("2026-11-23", "invited", "linkedin"), focus="hr")
    again = write_plan(tmp_path / "later", {"Kessel": [silent, colleague]})
    assert outreach.try_someone_else(on(again, "2026-11-26")) == []


def test_nobody_else_named_asks_for_a_name(tmp_path: Path) -> None:
    output = run(write_plan(tmp_path, {"Kessel": [reminded_twice()]}), "2026-11-26", "next")
    assert "- Ada Kral (Kessel): 3 messages since 2026-10-01; name someone else at Kessel" in output


def test_an_answer_ends_the_cycle_and_starts_the_keep_alive(tmp_path: Path) -> None:
    answered = person(
        "Ada Kral", touch("2026-06-01", "messaged", "email"), touch("2026-06-05", "replied")
    )
    silent = person("Ben Hora", touch("2026-06-01", "messaged", "email"))
    plan = on(write_plan(tmp_path, {"Kessel": [answered], "Lumo": [silent]}), "2026-11-26")
    assert [p.name for p in outreach.follow_ups_due(plan)] == ["Ada Kral"]
    assert [r.person.name for r in plan.reminders_due] == ["Ben Hora"]
    page = this_week_page(plan)
    assert "Hi Ben, how are things?" not in page, "no keep-alive text for who never answered"
    assert "Hi Ben, a reminder." in page and "Hi Ada, how are things?" in page


def test_a_call_from_them_is_an_answer(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Ada Kral", touch("2026-11-02", "messaged", "email"))]}
    )
    (plans / "inbound.yaml").write_text(
        "- {date: 2026-11-04, who: Ada Kral, channel: phone}\n", encoding="utf-8"
    )
    plan = on(plans, "2026-11-26")
    assert plan[who(plan, "Ada Kral")].unanswered is None
    assert plan.reminders_due == []


@pytest.mark.parametrize(
    ("touches", "email", "route"),
    [
        # A LinkedIn invitation can only be chased by e-mail: the first e-mail, then.
        ([touch("2026-11-02", "invited", "linkedin")], True, ("email", "email")),
        ([touch("2026-11-02", "invited")], True, ("email", "email")),
        ([touch("2026-11-02", "invited", "linkedin")], False, None),
        (
            [touch("2026-11-02", "invited", "linkedin"), touch("2026-11-04", "messaged", "email")],
            True,
            ("email", "reminder"),
        ),
        (
            [touch("2026-11-02", "messaged", "email"), touch("2026-11-04", "invited", "linkedin")],
            True,
            ("email", "reminder"),
        ),
        # An e-mail and an invitation the same day: the e-mail was sent, so a reminder.
        (
            [touch("2026-11-02", "messaged", "email"), touch("2026-11-02", "invited", "linkedin")],
            True,
            ("email", "reminder"),
        ),
        (
            [touch("2026-11-02", "invited", "linkedin"), touch("2026-11-02", "messaged", "email")],
            True,
            ("email", "reminder"),
        ),
        ([touch("2026-11-02", "messaged", "linkedin")], False, ("linkedin", "reminder")),
        ([touch("2026-11-02", "messaged", "phone")], True, ("phone", "reminder")),
    ],
)
def test_the_reminder_goes_where_it_can(
    tmp_path: Path, touches: list[str], email: bool, route: tuple[str, str] | None
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches, email=email)]})
    reminders = on(plans, "2026-11-26").reminders_due
    found = [(str(r.channel), str(r.kind)) for r in reminders]
    assert found == ([route] if route else [])


# "Try e-mail" (issue 18.4): advice for a LinkedIn invitation pending three weeks, until
# e-mail has been tried.
TRY_EMAIL = "try e-mail"
WITHDRAW = "withdraw it; LinkedIn lets you invite again three weeks later"


@pytest.mark.parametrize(
    ("after", "advice"),
    [
        (None, TRY_EMAIL),
        (touch("2026-11-10", "followed_up", "email"), WITHDRAW),
        (touch("2026-11-10", "messaged", "email"), WITHDRAW),
        (touch("2026-11-02", "messaged", "email"), WITHDRAW),  # the same day
        (touch("2026-10-20", "messaged", "email"), WITHDRAW),  # e-mailed before
        (touch("2026-11-10", "followed_up", "phone"), TRY_EMAIL),
        (touch("2026-11-10", "followed_up", "linkedin"), TRY_EMAIL),
    ],
)
def test_try_email_disappears_once_email_was_tried(
    tmp_path: Path, after: str | None, advice: str
) -> None:
    touches = [touch("2026-11-02", "invited", "linkedin")] + ([after] if after else [])
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches)]})
    plan = on(plans, "2026-11-26")
    (nudge,) = outreach.pending_invitations(plan)
    assert nudge.advice == advice
    shown = advice == TRY_EMAIL
    next_text = run(plans, "2026-11-26", "next")
    assert ("24 days ago; try e-mail: ada-kral@example.com" in next_text) is shown
    row = next(
        line for line in this_week_page(plan).splitlines() if line.startswith("| [Ada Kral]")
    )
    assert (">try e&#45;mail</a> |" in row) is shown
    assert ("withdraw it; LinkedIn lets you invite again" in row) is not shown
    ics = week_calendar(plan).decode()
    assert ("pending 24 days: try e-mail" in ics) is shown


# Withdrawn invitations (issue 19.4)


def withdrawn_plan(tmp_path: Path, *extra: str) -> Path:
    touches = [touch("2026-10-01", "invited", "linkedin"), touch("2026-11-02", "withdrawn")]
    return write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches, *extra, email=False)]})


@pytest.mark.parametrize(
    ("today", "when"),
    [
        ("2026-11-22", "invite again from 2026-11-23"),
        ("2026-11-23", "invite again now (allowed since 2026-11-23)"),
        ("2026-11-24", "invite again now (allowed since 2026-11-23)"),
    ],
    ids=["20 days", "21", "22"],
)
def test_a_withdrawn_invitation_says_when_to_invite_again(
    tmp_path: Path, today: str, when: str
) -> None:
    plans = withdrawn_plan(tmp_path)
    plan = on(plans, today)
    assert outreach.pending_invitations(plan) == [], "it leaves the pending list"
    (item,) = outreach.withdrawn_invitations(plan)
    assert item.when(plan.today) == when
    assert f"- Ada Kral (Kessel): withdrawn 2026-11-02; {when}" in run(plans, today, "next")
    assert plan.next_step(who(plan, "Ada Kral")) == (f"invitation withdrawn on 2026-11-02: {when}")
    assert json.loads(run(plans, today, "status", "--json"))["withdrawn_invitations"] == 1
    day = "VALUE=DATE:" + max(today, "2026-11-23").replace("-", "")
    for todo, key in ((False, "DTSTART"), (True, "DUE")):
        ics = week_calendar(plan, todo=todo).decode()
        assert "SUMMARY:Invite Ada Kral (Kessel) again (withdrawn 2026-11-02)" in ics
        assert f"{key};{day}" in ics


def test_an_invitation_sent_again_is_pending_again(tmp_path: Path) -> None:
    plan = on(withdrawn_plan(tmp_path, touch("2026-11-23", "invited", "linkedin")), "2026-12-20")
    assert outreach.withdrawn_invitations(plan) == []
    assert [(n.person.name, n.since) for n in outreach.pending_invitations(plan)] == [
        ("Ada Kral", dt.date(2026, 11, 23))
    ]
    ada = who(plan, "Ada Kral")
    run = plan[ada].unanswered
    assert run is not None and run.follow_ups == 1, "a second attempt"


def test_a_withdrawal_is_no_contact_and_moves_no_stage(tmp_path: Path) -> None:
    plan = on(withdrawn_plan(tmp_path), "2026-11-26")
    ada = who(plan, "Ada Kral")
    assert plan[ada].stage == "invited"
    assert plan[ada].last_contact == dt.date(2026, 10, 1)
    assert plan[ada].withdrawn_on == dt.date(2026, 11, 2)
    assert plan[ada].pending_since is None


def test_a_withdrawal_the_day_of_the_invitation_withdraws_it(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person(
                    "Ada Kral",
                    touch("2026-11-02", "invited", "linkedin"),
                    touch("2026-11-02", "withdrawn", "linkedin"),
                )
            ]
        },
    )
    plan = on(plans, "2026-11-26")
    ada = who(plan, "Ada Kral")
    assert (plan[ada].pending_since, plan[ada].withdrawn_on) == (None, dt.date(2026, 11, 2))


def test_log_records_a_withdrawal(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Ada Kral", touch("2026-10-01", "invited", "linkedin"))]}
    )
    assert outreach.pending_invitations(on(plans, "2026-11-26"))
    output = run(plans, "2026-11-26", "log", "Ada Kral", "withdrawn", "--channel", "linkedin")
    assert (
        output == f"{plans}/companies/c000.yaml:11: Ada Kral: withdrawn on 2026-11-26 (linkedin)\n"
    )
    plan = on(plans, "2026-11-26")
    assert outreach.pending_invitations(plan) == []
    assert [r.allowed_from for r in outreach.withdrawn_invitations(plan)] == [dt.date(2026, 12, 17)]


@pytest.mark.parametrize(
    ("ada", "targets", "step"),
    [
        (person("Ada Kral"), "", "in this week's batch: send the first message now"),
        (
            person("Ada Kral", touch("2026-11-24", "messaged", "email")),
            ", follow_up_after_days: 1",
            "no answer for 1 business day: send reminder 1 of 2 by e-mail",
        ),
        (
            person("Ada Kral", touch("2026-11-02", "invited", "linkedin"), email=False),
            "",
            "invitation pending for 24 days: withdraw it; LinkedIn lets you invite again "
            "three weeks later",
        ),
        (
            person("Ada Kral", touch("2026-06-01", "invited"), touch("2026-06-02", "connected")),
            "",
            "due a follow-up",
        ),
        (
            person("Ada Kral", touch("2026-11-20", "messaged", "email")),
            "",
            "waiting for an answer: remind them from 2026-12-01 if none comes",
        ),
        (
            person("Ada Kral", linkedin=False, email=False),
            "",
            "no linkedin or email yet: add one to reach out",
        ),
        (
            person("Ada Kral", touch("2026-11-20", "invited"), touch("2026-11-21", "connected")),
            "",
            "",
        ),
    ],
    ids=["batch", "reminder", "nudge", "follow-up", "waiting", "unreachable", "nothing due"],
)
def test_next_step_for_one_person(tmp_path: Path, ada: str, targets: str, step: str) -> None:
    plans = write_plan(tmp_path, {"Kessel": [ada]}, f"invites_per_week: 5{targets}")
    plan = on(plans, "2026-11-26")
    assert plan.next_step(who(plan, "Ada Kral")) == step


@pytest.mark.parametrize(
    ("quota", "step"),
    [
        (1, "waiting for a future batch"),
        (2, "in this week's batch: send the first message now"),
    ],
)
def test_next_step_of_someone_a_future_batch_will_take(
    tmp_path: Path, quota: int, step: str
) -> None:
    plans = write_plan(
        tmp_path,
        {"Kessel": [person("Bo Lind")], "Lumo": [person("Ada Kral")]},
        f"invites_per_week: {quota}",
    )
    plan = on(plans, "2026-11-26")
    assert plan.next_step(who(plan, "Ada Kral")) == step


@pytest.mark.parametrize(
    ("today", "waiting"),
    [
        ("2026-11-30", "waiting for an answer: remind them from 2026-12-01 if none comes"),
        ("2026-12-01", ""),
    ],
    ids=["the day before", "the day it is due"],
)
def test_waiting_for_an_answer_ends_the_day_the_reminder_is_due(
    tmp_path: Path, today: str, waiting: str
) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Ada Kral", touch("2026-11-20", "messaged", "email"))]}
    )
    plan = on(plans, today)
    assert outreach.waiting_for_answer(plan, who(plan, "Ada Kral")) == waiting


def test_reminders_oldest_first_with_their_day_and_subject(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Cy Nil", touch("2026-11-02", "messaged", "email")),
                person("Bo Lind", touch("2026-10-30", "messaged", "linkedin")),
                person("Ada Kral", touch("2026-11-02", "invited", "linkedin")),
            ]
        },
    )
    plan = on(plans, "2026-11-26")
    assert [(r.person.name, r.due, r.kind, r.subject) for r in plan.reminders_due] == [
        ("Bo Lind", dt.date(2026, 11, 10), MessageKind.REMINDER, ""),
        ("Ada Kral", dt.date(2026, 11, 11), MessageKind.EMAIL, "Hello from Mia Test"),
        ("Cy Nil", dt.date(2026, 11, 11), MessageKind.REMINDER, "Re: Hello from Mia Test"),
    ]


def test_a_second_reminder_after_an_email_needs_the_address(tmp_path: Path) -> None:
    """E-mail was tried: the reminder goes by e-mail, so without an address there is none."""
    ada = person(
        "Ada Kral",
        touch("2026-10-01", "invited", "linkedin"),
        touch("2026-10-12", "messaged", "email"),
        email=False,
    )
    plan = on(write_plan(tmp_path, {"Kessel": [ada]}), "2026-11-26")
    assert plan.reminders_due == []
    assert outreach.reminder_route(plan[who(plan, "Ada Kral")]) is None


def test_moving_on_lists_the_oldest_first(tmp_path: Path) -> None:
    def silent(name: str, first: str) -> str:
        days = [first, "2026-10-12", "2026-10-23"]
        return person(name, *(touch(day, "messaged", "email") for day in days))

    plans = write_plan(
        tmp_path,
        {"Kessel": [silent("Cy Nil", "2026-10-02")], "Lumo": [silent("Bo Lind", "2026-10-01")]},
    )
    moving_on = outreach.try_someone_else(on(plans, "2026-11-26"))
    assert [(m.person.name, m.since) for m in moving_on] == [
        ("Bo Lind", dt.date(2026, 10, 1)),
        ("Cy Nil", dt.date(2026, 10, 2)),
    ]


@pytest.mark.parametrize(
    ("other", "moving_on"),
    [
        (touch("2026-10-22", "messaged", "email"), True),  # before my last reminder
        (touch("2026-10-23", "messaged", "email"), True),  # the same day
        (touch("2026-10-24", "messaged", "email"), False),  # after it: someone else tried
        (touch("2026-10-24", "connected"), True),  # no outreach of mine
    ],
)
def test_moving_on_ends_with_outreach_to_someone_else_after_the_last_reminder(
    tmp_path: Path, other: str, moving_on: bool
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [reminded_twice(), person("Ben Hora", other)]})
    assert bool(outreach.try_someone_else(on(plans, "2026-11-26"))) is moving_on


def test_moving_on_proposes_a_reachable_colleague_first(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                reminded_twice(),
                person("Ben Hora", focus="operations", linkedin=False, email=False),
                person("Cy Nil", focus="hr"),
            ]
        },
    )
    plan = on(plans, "2026-11-26")
    (move_on,) = outreach.try_someone_else(plan)
    assert move_on.instead is who(plan, "Cy Nil")


def test_a_planned_touch_stops_the_reminders_and_the_moving_on(tmp_path: Path) -> None:
    booked = touch("2026-12-02", "met", "meeting")
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                person("Ada Kral", touch("2026-11-02", "messaged", "email"), booked),
                person(
                    "Bo Lind",
                    *(
                        touch(d, "messaged", "email")
                        for d in ("2026-10-01", "2026-10-12", "2026-10-23")
                    ),
                    booked,
                ),
            ]
        },
    )
    plan = on(plans, "2026-11-26")
    assert plan.reminders_due == []
    assert outreach.try_someone_else(plan) == []


def test_withdrawn_invitations_soonest_first_and_none_after_two_reminders(tmp_path: Path) -> None:
    def withdrawn(name: str, day: str, *more: str) -> str:
        return person(
            name, touch("2026-10-01", "invited", "linkedin"), touch(day, "withdrawn"), *more
        )

    reminded = (
        touch("2026-10-12", "messaged", "email"),
        touch("2026-10-23", "followed_up", "email"),
    )
    once = (touch("2026-10-12", "messaged", "email"),)
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [
                withdrawn("Cy Nil", "2026-11-03"),
                withdrawn("Bo Lind", "2026-11-02", *once),
                withdrawn("Ada Kral", "2026-11-03"),
                withdrawn("Di Ott", "2026-11-01", *reminded),
            ]
        },
    )
    found = outreach.withdrawn_invitations(on(plans, "2026-11-26"))
    assert [(r.person.name, r.allowed_from) for r in found] == [
        ("Bo Lind", dt.date(2026, 11, 23)),
        ("Ada Kral", dt.date(2026, 11, 24)),
        ("Cy Nil", dt.date(2026, 11, 24)),
    ]


@pytest.mark.parametrize(
    ("touches", "inbound", "follow_up_due", "draft"),
    [
        ([], False, False, MessageKind.INVITE),
        ([touch("2026-12-02", "met", "meeting")], False, False, None),  # booked
        ([], True, False, None),  # they wrote first: answer them
        ([touch("2026-11-02", "messaged", "email")], False, False, MessageKind.REMINDER),
        (
            [touch("2026-11-02", "messaged", "email"), touch("2026-11-12", "followed_up", "email")],
            False,
            False,
            MessageKind.REMINDER,
        ),
        (
            [
                touch("2026-10-02", "messaged", "email"),
                touch("2026-10-12", "followed_up", "email"),
                touch("2026-11-02", "followed_up", "email"),
            ],
            False,
            False,
            None,
        ),
        (
            [touch("2026-06-01", "invited"), touch("2026-06-02", "connected")],
            False,
            True,
            MessageKind.FOLLOW_UP,
        ),
        ([touch("2026-11-01", "invited"), touch("2026-11-02", "connected")], False, False, None),
    ],
    ids=[
        "new",
        "booked",
        "wrote first",
        "unanswered",
        "one reminder",
        "two reminders",
        "due",
        "answered",
    ],
)
def test_the_next_draft(
    tmp_path: Path,
    touches: list[str],
    inbound: bool,
    follow_up_due: bool,
    draft: MessageKind | None,
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral", *touches)]})
    if inbound:
        (plans / "inbound.yaml").write_text(
            "- {date: 2026-11-20, who: Ada Kral, channel: phone}\n", encoding="utf-8"
        )
    plan = on(plans, "2026-11-26")
    assert outreach.next_draft(plan[who(plan, "Ada Kral")], follow_up_due) == draft


def test_someone_who_wrote_first_is_to_be_answered(tmp_path: Path) -> None:
    plans = write_plan(
        tmp_path,
        {
            "Kessel": [person("Ada Kral")],
            "Lumo": [person("Bo Lind", touch("2026-11-02", "invited"))],
        },
    )
    (plans / "inbound.yaml").write_text(
        "- {date: 2026-11-20, who: Ada Kral, channel: phone}\n", encoding="utf-8"
    )
    plan = on(plans, "2026-11-26")
    assert plan.next_step(who(plan, "Ada Kral")) == "contacted you on 2026-11-20: answer them"
    assert plan.next_batch == []
    assert outreach.why_no_batch(plan) == (
        "Everyone else in the plan has been contacted: answer those who wrote to you "
        "first, add companies or people, and keep the connections alive."
    )


def test_a_planned_touch_stops_the_moving_on(tmp_path: Path) -> None:
    bo = person(
        "Bo Lind",
        *(touch(d, "messaged", "email") for d in ("2026-10-01", "2026-10-12", "2026-10-23")),
        touch("2026-12-02", "met", "meeting"),
    )
    plan = on(write_plan(tmp_path, {"Lumo": [bo]}), "2026-11-26")
    assert outreach.try_someone_else(plan) == []
    assert outreach.move_on_for(plan, who(plan, "Bo Lind")) is None


def test_no_reminder_is_promised_where_none_can_go(tmp_path: Path) -> None:
    """A LinkedIn invitation and no e-mail address: nothing to send while it waits."""
    ada = person("Ada Kral", touch("2026-11-24", "invited", "linkedin"), email=False)
    plan = on(write_plan(tmp_path, {"Kessel": [ada]}), "2026-11-26")
    assert outreach.waiting_for_answer(plan, who(plan, "Ada Kral")) == (
        "waiting for them to accept the invitation: no way to remind them before "
        "(an e-mail address would give one)"
    )
    assert plan.next_step(who(plan, "Ada Kral")) == outreach.waiting_for_answer(
        plan, who(plan, "Ada Kral")
    )


def test_no_invitation_words_for_someone_only_e_mailed(tmp_path: Path) -> None:
    """E-mailed, and the address since gone from the plan: no reminder can go, and there
    is no invitation to accept either."""
    bo = person("Bo Lind", touch("2026-11-18", "messaged", "email"), linkedin=False, email=False)
    plan = on(write_plan(tmp_path, {"Lumo": [bo]}), "2026-11-20")
    assert outreach.waiting_for_answer(plan, who(plan, "Bo Lind")) == ""


def test_the_next_booked_touch_is_the_earliest_of_its_day(tmp_path: Path) -> None:
    cy = person(
        "Cy Berg",
        "{date: 2026-12-02, time: '16:00', action: met, channel: meeting}",
        "{date: 2026-12-02, time: '09:00', action: messaged, channel: email}",
    )
    plan = on(write_plan(tmp_path, {"Lumo": [cy]}), "2026-11-20")
    assert plan.next_step(who(plan, "Cy Berg")) == "message planned for 2026-12-02 09:00"


@pytest.mark.parametrize(
    ("today", "step"),
    [
        ("2026-12-01", "meeting planned for 2026-12-02"),
        ("2026-12-02", ""),  # met: an answer, and nothing due
    ],
)
def test_a_booked_meeting_is_the_next_step_until_its_day(
    tmp_path: Path, today: str, step: str
) -> None:
    cy = person(
        "Cy Berg",
        touch("2026-11-20", "messaged", "email"),
        touch("2026-12-02", "met", "meeting"),
    )
    plan = on(write_plan(tmp_path, {"Lumo": [cy]}), today)
    assert plan.next_step(who(plan, "Cy Berg")) == step
