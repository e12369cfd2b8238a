"""Which draft a person page shows first (the next step) and how drafts are named."""

from __future__ import annotations

import datetime as dt
import html
import re
from enum import StrEnum
from pathlib import Path

from generator.checking import load_plan
from generator.drafts.order import draft_label, draft_noun, shown_kinds
from generator.metrics.outreach import next_draft, opened_draft
from generator.metrics.situation import Situation
from generator.model.facts import PersonFacts
from generator.model.vocabulary import MessageKind
from generator.render.pages import person_page
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import replace_in

VOLTA = "companies/volta-cells.yaml"
NORDIC = "companies/nordic-robotics.yaml"


def person(plan: Situation, name: str, company: str) -> PersonFacts:
    """Someone's facts, by name and company."""
    found = (p for p in plan.plan.people if p.name == name and p.company.name == company)
    return plan[next(found)]


def next_of(plan: Situation, known: PersonFacts) -> MessageKind | None:
    return next_draft(known, plan.is_follow_up_due(known.person))


def kind_for(plans: Path, name: str, company: str, today: dt.date = TODAY) -> MessageKind | None:
    plan = load_plan(plans, today)
    return next_of(plan, person(plan, name, company))


def test_nobody_contacted_gets_the_first_message_for_their_channel(small_plan: Path) -> None:
    assert kind_for(small_plan, "Anna Nowak", "Nordic Robotics") is MessageKind.EMAIL
    replace_in(
        small_plan / NORDIC,
        "    email: anna.nowak@nordic-robotics.example\n",
        "    email: anna.nowak@nordic-robotics.example\n"
        "    linkedin: https://www.linkedin.com/in/anna-nowak-example\n",
    )
    assert kind_for(small_plan, "Anna Nowak", "Nordic Robotics") is MessageKind.INVITE


def test_someone_who_called_first_waits_for_an_answer_not_a_draft(small_plan: Path) -> None:
    path = small_plan / "inbound.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "- date: 2026-11-20\n  who: Anna Nowak\n  company: Nordic Robotics\n  channel: phone\n",
        encoding="utf-8",
    )
    assert kind_for(small_plan, "Anna Nowak", "Nordic Robotics") is None
    plan = load_plan(small_plan, TODAY)
    anna = person(plan, "Anna Nowak", "Nordic Robotics")
    assert shown_kinds(anna, plan.drafts[anna.person]) == [MessageKind.EMAIL, MessageKind.FOLLOW_UP]
    page = person_page(plan, anna.person)
    # The e-mail says who I am and what I want: the answer to send.
    assert '<input type="radio" name="pb-drafts" id="pb-draft-email" checked>' in page
    assert "next step" not in page


INVITED = "      - {date: 2026-11-02, action: invited, channel: linkedin}\n"


def give_anna_an_address(plans: Path) -> None:
    replace_in(plans / VOLTA, "    focus: hr\n", "    focus: hr\n    email: anna@volta.example\n")


def after_her_invitation(plans: Path, touch: str) -> None:
    replace_in(plans / VOLTA, INVITED, INVITED + f"      - {touch}\n")


def test_a_pending_invitation_with_an_address_not_yet_written_to_gets_the_email(
    small_plan: Path,
) -> None:
    # Invited on LinkedIn on 2026-11-02, no answer, no address: nothing can be sent
    # before she accepts, and a keep-alive follow-up is not for someone who never answered.
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells") is None
    give_anna_an_address(small_plan)
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells") is MessageKind.EMAIL
    after_her_invitation(small_plan, "{date: 2026-11-10, action: messaged, channel: email}")
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells") is MessageKind.REMINDER


def test_an_accepted_invitation_is_no_longer_waiting(small_plan: Path) -> None:
    give_anna_an_address(small_plan)
    after_her_invitation(small_plan, "{date: 2026-11-03, action: connected}")
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells") is None
    # 90 days (keep_alive_days) after the connection, the follow-up is the next step.
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells", dt.date(2027, 1, 31)) is None
    due = dt.date(2027, 2, 1)
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells", due) is MessageKind.FOLLOW_UP


def test_everyone_who_answered_opens_on_the_follow_up_marked_only_when_due() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    for name, company, expected in [
        ("Jan Nowak", "Volta Cells", None),  # met
        ("Ewa Kot", "Talent Bridge", None),  # replied
        ("Piotr Żółć", "Talent Bridge", MessageKind.FOLLOW_UP),  # connected in May: due
        ("Åsa Lindqvist", "Nordic Robotics", None),  # declined
    ]:
        known = person(plan, name, company)
        assert plan.is_follow_up_due(known.person) is (expected is not None), name
        assert next_of(plan, known) is expected, name
        assert opened_draft(known, None) is MessageKind.FOLLOW_UP, name


def test_the_follow_up_is_the_next_step_from_the_day_it_is_due() -> None:
    # Jan met on 2026-10-20: the keep-alive follow-up is due 90 days later, 2027-01-18.
    for today, expected in [
        (dt.date(2027, 1, 17), None),
        (dt.date(2027, 1, 18), MessageKind.FOLLOW_UP),
        (dt.date(2027, 1, 19), MessageKind.FOLLOW_UP),
    ]:
        assert kind_for(SMALL_PLAN, "Jan Nowak", "Volta Cells", today) is expected, today


def test_a_booked_meeting_is_the_next_step_not_a_draft(small_plan: Path) -> None:
    replace_in(
        small_plan / VOLTA,
        "      - {date: 2026-10-20, action: met, note: Coffee in Wrocław}\n",
        "      - {date: 2026-10-20, action: met, note: Coffee in Wrocław}\n"
        "      - {date: 2027-01-20, action: met}\n",
    )
    # Due by the keep-alive clock, but the meeting booked for 2027-01-20 comes first.
    assert kind_for(small_plan, "Jan Nowak", "Volta Cells", dt.date(2027, 1, 19)) is None


def test_the_page_opens_the_follow_up_after_a_meeting_without_calling_it_next() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    jan = person(plan, "Jan Nowak", "Volta Cells")
    page = html.unescape(person_page(plan, jan.person))
    assert '<input type="radio" name="pb-drafts" id="pb-draft-follow-up" checked>' in page
    assert "next step" not in page, "after a meeting, the next step is the thanks"


def test_the_page_selects_the_next_step_and_keeps_the_others_in_order() -> None:
    plan = load_plan(SMALL_PLAN, dt.date(2027, 1, 18))
    jan = person(plan, "Jan Nowak", "Volta Cells")
    page = html.unescape(person_page(plan, jan.person))
    inputs = re.findall(
        r'<input type="radio" name="pb-drafts" id="pb-draft-([a-z-]+)"( checked)?>', page
    )
    assert inputs == [("invite", ""), ("email", ""), ("follow-up", " checked")]
    labels = re.findall(r'<label for="pb-draft-[a-z-]+">([^<]*)', page)
    assert labels == ["LinkedIn note", "E-mail", "Follow-up "]
    assert (
        '<label for="pb-draft-follow-up">Follow-up <span class="pb-next-step">next step</span>'
        in page
    )
    assert page.count("next step") == 1


def test_drafts_show_in_vocabulary_order_with_the_subject_inside_the_email() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    jan = person(plan, "Jan Nowak", "Volta Cells")
    shown = shown_kinds(jan, plan.drafts[jan.person])
    assert shown == [MessageKind.INVITE, MessageKind.EMAIL, MessageKind.FOLLOW_UP]
    assert [kind for kind in MessageKind if kind not in shown] == [
        MessageKind.EMAIL_SUBJECT,
        MessageKind.REMINDER,
    ], "no reminder for someone who answered"


def test_a_kind_without_a_name_of_its_own_is_named_from_its_key() -> None:
    class Later(StrEnum):
        UNANSWERED_FOLLOW_UP = "unanswered_follow_up"

    kind = Later.UNANSWERED_FOLLOW_UP
    assert draft_label(kind) == "Unanswered follow up"  # type: ignore[arg-type]
    assert draft_noun(kind) == "the unanswered follow up"  # type: ignore[arg-type]
    assert draft_noun(MessageKind.INVITE) == "the LinkedIn note"


def test_someone_without_a_profile_gets_no_linkedin_note_and_still_a_selected_tab(
    small_plan: Path,
) -> None:
    replace_in(small_plan / NORDIC, "    email: anna.nowak@nordic-robotics.example\n", "")
    plan = load_plan(small_plan, TODAY)
    anna = person(plan, "Anna Nowak", "Nordic Robotics")
    assert next_of(plan, anna) is MessageKind.INVITE
    assert shown_kinds(anna, plan.drafts[anna.person]) == [MessageKind.EMAIL]
    page = person_page(plan, anna.person)
    assert '<input type="radio" name="pb-drafts" id="pb-draft-email" checked>' in page
    assert page.count(" checked>") == 1
    assert "next step" not in page, "their next step is finding an address, not a draft"


def test_after_the_last_reminder_no_draft_is_the_next_step(small_plan: Path) -> None:
    # The invitation of 2026-11-02 is the first message; the e-mail after it is the
    # first reminder, the next one the second and last.
    give_anna_an_address(small_plan)
    after_her_invitation(small_plan, "{date: 2026-11-03, action: messaged, channel: email}")
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells") is MessageKind.REMINDER
    after_her_invitation(small_plan, "{date: 2026-11-12, action: followed_up, channel: email}")
    assert kind_for(small_plan, "Anna Nowak", "Volta Cells") is None, "two sent: move on"
