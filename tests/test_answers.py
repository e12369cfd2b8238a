"""Whoever answered, or wrote first: an answer in any way ends a pending invitation; only
my outreach makes someone contacted, and who wrote first waits for my answer; drafts and
their links fit where the person is."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from generator.cli import cli
from generator.metrics import outreach
from generator.metrics.checklist import checklist
from generator.render.pages import home_week, person_page, this_week_page
from tests.outreach_plans import on, person, touch, who, write_plan

TODAY = "2026-11-26"
INVITED = touch("2026-10-01", "invited", "linkedin")


def run(plans: Path, today: str, *args: str) -> str:
    result = CliRunner().invoke(
        cli, ["--plans", str(plans), "--today", today, *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result.output


def inbound(plans: Path, *entries: tuple[str, str, str]) -> None:
    """Log calls or messages from people of the plan: (date, who, channel)."""
    lines = [
        f"- {{date: {day}, who: {name}, company: Kessel, channel: {channel}, about: A role}}\n"
        for day, name, channel in entries
    ]
    (plans / "inbound.yaml").write_text("".join(lines), encoding="utf-8")


def pending_names(plans: Path, today: str = TODAY) -> list[str]:
    return [nudge.person.name for nudge in on(plans, today).pending_invitations]


# Item 2: the pending list and its advice.


@pytest.mark.parametrize(
    ("called_on", "pending"),
    [("2026-09-30", True), ("2026-10-01", False), ("2026-10-02", False)],
    ids=["the day before the invitation", "the same day", "the day after"],
)
@pytest.mark.parametrize("channel", ["phone", "linkedin", "email"])
def test_a_call_or_message_from_them_ends_the_pending_invitation(
    tmp_path: Path, called_on: str, pending: bool, channel: str
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral", INVITED)]})
    assert pending_names(plans) == ["Ada Kral"]
    inbound(plans, (called_on, "Ada Kral", channel))
    assert pending_names(plans) == (["Ada Kral"] if pending else [])
    plan = on(plans, TODAY)
    step = plan.next_step(who(plan, "Ada Kral"))
    assert ("invitation pending" in step) is pending, step


def test_someone_already_emailed_is_not_told_to_try_email(tmp_path: Path) -> None:
    # She called once before anything else, so the no-answer cycle does not follow her
    # (she answered); my e-mail of 2026-09-20 must still count as e-mail tried.
    plans = write_plan(
        tmp_path,
        {"Kessel": [person("Ada Kral", touch("2026-09-20", "messaged", "email"), INVITED)]},
    )
    inbound(plans, ("2026-09-15", "Ada Kral", "phone"))
    plan = on(plans, TODAY)
    [nudge] = plan.pending_invitations
    assert nudge.emailed
    assert nudge.advice.startswith("withdraw it")
    assert "try e-mail" not in run(plans, TODAY, "next")
    assert "try e-mail" not in this_week_page(plan)


def test_a_decline_then_a_new_invitation_remembers_the_email(tmp_path: Path) -> None:
    ada = person(
        "Ada Kral",
        touch("2026-08-03", "messaged", "email"),
        touch("2026-08-05", "declined", "email"),
        INVITED,
    )
    plans = write_plan(tmp_path, {"Kessel": [ada]})
    [nudge] = on(plans, TODAY).pending_invitations
    assert nudge.advice.startswith("withdraw it")
    # The same plan without the e-mail: e-mail is still worth a try.
    plans = write_plan(
        tmp_path / "b",
        {"Kessel": [person("Ada Kral", touch("2026-08-05", "declined", "email"), INVITED)]},
    )
    [nudge] = on(plans, TODAY).pending_invitations
    assert nudge.advice == "try e-mail"


# Item 3: only my outreach makes someone contacted; who wrote first waits for an answer.


@pytest.fixture
def wrote_first(tmp_path: Path) -> Path:
    """Ada wrote to me on LinkedIn; I never contacted her. Ben is a stranger."""
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral"), person("Ben Ost", focus="hr")]})
    inbound(plans, ("2026-11-20", "Ada Kral", "linkedin"))
    return plans


def test_who_wrote_first_is_not_contacted_and_waits_for_an_answer(wrote_first: Path) -> None:
    plan = on(wrote_first, TODAY)
    ada = plan[who(plan, "Ada Kral")]
    assert not ada.contacted
    assert ada.in_touch, "not one for a cold first message"
    assert plan.answer_them == [ada.person]
    assert plan.next_batch == [who(plan, "Ben Ost")]
    assert plan.next_step(ada.person) == "contacted you on 2026-11-20: answer them"
    data = json.loads(run(wrote_first, TODAY, "status", "--json"))
    assert data["contacted"] == 0
    assert data["answer_them"] == ["Ada Kral"]
    assert data["inbound_last_12_months"] == 1, "still an inbound call on the scoreboard"
    step4 = checklist(plan)[3]
    assert step4.progress[0] == "0 of 2 people contacted (0%)"


def test_answer_them_shows_in_next_this_week_and_home(wrote_first: Path) -> None:
    text = run(wrote_first, TODAY, "next")
    assert "Answer them: they reached out first (1)" in text
    assert (
        "- Ada Kral (Kessel): contacted you 2026-11-20 (LinkedIn): A role\n"
        "  once answered, log it: playbook log 'Ada Kral' messaged --channel linkedin\n"
    ) in text
    assert text.index("Answer them") < text.index("Ben Ost"), "before any new outreach"
    plan = on(wrote_first, TODAY)
    page = html.unescape(this_week_page(plan))
    assert "## Answer them" in page
    assert re.search(r"\| \[Ada Kral\]\([^)]*\) \| \[Kessel\]\([^)]*\) \| 2026-11-20 \|", page)
    assert page.index("## Answer them") < page.index("## Reach out")
    assert "1 person reached out to you first and waits for your answer." in home_week(plan)


def test_my_answer_takes_them_off_the_list(wrote_first: Path) -> None:
    company = next((wrote_first / "companies").iterdir())
    text = company.read_text(encoding="utf-8").replace(
        "  - name: Ada Kral\n",
        "  - name: Ada Kral\n    touches: [{date: 2026-11-20, action: messaged, channel: linkedin}]\n",
    )
    company.write_text(text, encoding="utf-8")
    plan = on(wrote_first, TODAY)
    assert plan.answer_them == []
    assert plan[who(plan, "Ada Kral")].contacted
    assert "Answer them" not in run(wrote_first, TODAY, "next")
    assert "## Answer them" not in this_week_page(plan)


def test_with_only_people_who_wrote_first_left_the_batch_says_answer_them(
    wrote_first: Path,
) -> None:
    company = next((wrote_first / "companies").iterdir())
    text = company.read_text(encoding="utf-8").replace(
        "  - name: Ben Ost\n",
        "  - name: Ben Ost\n    touches: [{date: 2026-11-02, action: invited, channel: linkedin}]\n",
    )
    company.write_text(text, encoding="utf-8")
    plan = on(wrote_first, TODAY)
    assert plan.next_batch == []
    assert outreach.why_no_batch(plan).startswith(
        "Everyone else in the plan has been contacted: answer those who wrote to you first"
    )


def test_who_wrote_first_long_ago_is_to_answer_not_to_follow_up(tmp_path: Path) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral")]})
    inbound(plans, ("2026-01-05", "Ada Kral", "phone"))
    plan = on(plans, TODAY)
    assert plan.follow_ups_due == []
    assert plan.answer_them == [who(plan, "Ada Kral")]


# Item 6: what the person page offers to send.


def reminder_block(page: str) -> str:
    start = page.index('<pre class="pb-draft" data-pb-copy="Copy the reminder')
    return page[page.rindex("<div", 0, start) : start]


def test_the_reminder_link_carries_the_reply_subject_and_no_linkedin_message(
    tmp_path: Path,
) -> None:
    ada = person("Ada Kral", INVITED, touch("2026-10-13", "messaged", "email"))
    plans = write_plan(tmp_path, {"Kessel": [ada]})
    plan = on(plans, TODAY)
    block = html.unescape(reminder_block(person_page(plan, who(plan, "Ada Kral"))))
    [link] = re.findall(r'href="(mailto:[^"]*)"', block)
    assert unquote(link).startswith("mailto:ada-kral@example.com?subject=Re: Hello from Mia Test&")
    assert "LinkedIn message" not in block, "the invitation is still pending"


def test_a_connection_can_be_messaged_on_linkedin(tmp_path: Path) -> None:
    ada = person("Ada Kral", INVITED, touch("2026-10-02", "connected"))
    plans = write_plan(tmp_path, {"Kessel": [ada]})
    plan = on(plans, TODAY)
    page = html.unescape(person_page(plan, who(plan, "Ada Kral")))
    assert "Send it as a LinkedIn message (" in page


def test_no_address_and_no_connection_says_when_a_message_is_possible(tmp_path: Path) -> None:
    ada = person("Ada Kral", INVITED, email=False)
    plans = write_plan(tmp_path, {"Kessel": [ada]})
    plan = on(plans, TODAY)
    block = html.unescape(reminder_block(person_page(plan, who(plan, "Ada Kral"))))
    assert "not a LinkedIn connection yet" in block
    assert "as a LinkedIn message" not in block


# Item 11b: an existing connection in the batch gets a message, not an invitation.


@pytest.mark.parametrize(
    ("connections", "strangers", "action"),
    [
        (0, 1, "Invite 1 more person this week (see This week)."),
        (1, 0, "Message 1 existing connection this week (see This week)."),
        (1, 1, "Invite 1 more person and message 1 existing connection this week (see This week)."),
        (
            2,
            1,
            "Invite 1 more person and message 2 existing connections this week (see This week).",
        ),
    ],
)
def test_the_checklist_counts_connections_apart(
    tmp_path: Path, connections: int, strangers: int, action: str
) -> None:
    old = touch("2019-05-01", "connected", "linkedin")
    companies = {f"Old {n}": [person(f"Oda Nr{n}", old)] for n in range(connections)}
    companies |= {f"New {n}": [person(f"Ned Nr{n}")] for n in range(strangers)}
    # Someone's outreach must have begun for a 2019 connection to predate the plan.
    companies["Started"] = [person("Sam Start", touch("2026-01-05", "invited", "linkedin"))]
    plans = write_plan(tmp_path, companies, targets="invites_per_week: 10")
    assert checklist(on(plans, TODAY))[3].next_action == action


def test_who_wrote_first_is_in_the_calendar_until_answered(wrote_first: Path) -> None:
    def events(today: str = TODAY) -> list[tuple[str, str]]:
        calendar = Calendar.from_ical(run(wrote_first, today, "export", "ics"))
        found = calendar.walk("VEVENT")
        return [(str(e["SUMMARY"]), str(e.get("DESCRIPTION", ""))) for e in found]

    (answer, reach_out) = events()
    assert answer == (
        "Answer Ada Kral (Kessel): they contacted you first",
        "Contacted you on 2026-11-20 (LinkedIn): A role\n\n"
        "Once answered, log it: playbook log 'Ada Kral' messaged --channel linkedin",
    )
    assert reach_out[0] == "Reach out to Ben Ost (Kessel)"
    company = next((wrote_first / "companies").iterdir())
    text = company.read_text(encoding="utf-8").replace(
        "  - name: Ada Kral\n",
        "  - name: Ada Kral\n    touches: [{date: 2026-11-21, action: messaged, channel: linkedin}]\n",
    )
    company.write_text(text, encoding="utf-8")
    assert [summary for summary, _ in events()] == ["Reach out to Ben Ost (Kessel)"]


@pytest.mark.parametrize(
    ("name", "channel", "command"),
    [
        ("Ada Kral", "linkedin", "playbook log 'Ada Kral' messaged --channel linkedin"),
        ("Jo O'Neil", "phone", "playbook log 'Jo O'\"'\"'Neil' messaged --channel phone"),
    ],
)
def test_the_command_that_logs_my_answer_is_ready_to_paste(
    tmp_path: Path, name: str, channel: str, command: str
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person(name)]})
    (plans / "inbound.yaml").write_text(
        f'- {{date: 2026-11-20, who: "{name}", company: Kessel, channel: {channel}}}\n',
        encoding="utf-8",
    )
    plan = on(plans, "2026-11-26")
    someone = who(plan, name)
    entry = plan[someone].waiting_for_me
    assert entry is not None
    assert outreach.answered_command(plan.plan, someone, entry) == command


def test_the_command_that_logs_my_answer_names_the_company_of_a_namesake(
    tmp_path: Path,
) -> None:
    twins = [person("Ada Kral", linkedin=False, email=False)]
    plans = write_plan(tmp_path, {"Kessel": twins, "Lumo": twins})
    (plans / "inbound.yaml").write_text(
        "- {date: 2026-11-20, who: Ada Kral, company: Lumo, channel: email}\n", encoding="utf-8"
    )
    plan = on(plans, "2026-11-26")
    ada = next(p for p in plan.plan.people if p.company.name == "Lumo")
    entry = plan[ada].waiting_for_me
    assert entry is not None
    assert outreach.answered_command(plan.plan, ada, entry) == (
        "playbook log 'Ada Kral' messaged --company Lumo --channel email"
    )
