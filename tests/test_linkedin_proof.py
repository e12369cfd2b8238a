"""What the export proves about one person: the touches and inbound entries the plan lacks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.importing.export import Export
from generator.importing.invitations import parse_invitations
from generator.importing.linkedin import parse_connections
from generator.importing.matching import match_export
from generator.importing.messages import parse_messages
from generator.importing.proof import Proof, prove
from tests.conftest import TODAY
from tests.helpers import append_to, replace_in, time_zone

ME = ("Łucja Test", "https://www.linkedin.com/in/lucja-test-example")
OLA = ("Ola Kruk", "https://www.linkedin.com/in/ola-kruk-example")
JAN = ("Jan Nowak", "https://www.linkedin.com/in/jan-nowak-example")
MESSAGES = (
    '"CONVERSATION ID","CONVERSATION TITLE","FROM","SENDER PROFILE URL","TO",'
    '"RECIPIENT PROFILE URLS","DATE","SUBJECT","CONTENT","FOLDER","ATTACHMENTS",'
    '"IS MESSAGE DRAFT","IS CONVERSATION DRAFT"\n'
)
INVITATIONS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    yield from time_zone("UTC")


@pytest.fixture
def plans(small_plan: Path) -> Path:
    """The small plan with Ola Kruk of Volta Cells, whom nobody has contacted yet."""
    volta = small_plan / "companies" / "volta-cells.yaml"
    append_to(volta, f"  - name: Ola Kruk\n    focus: hr\n    linkedin: {OLA[1]}\n")
    return small_plan


def message(
    when: str,
    sender: tuple[str, str],
    *to: tuple[str, str],
    text: str = "Hello",
    conversation: str = "c1",
) -> str:
    names = ",".join(n for n, _ in to)
    urls = ",".join(u for _, u in to)
    return (
        f'{conversation},,{sender[0]},{sender[1]},"{names}","{urls}",{when} UTC,,'
        f'"{text}",INBOX,,No,No\n'
    )


def proofs(
    plans: Path, *, messages: str = "", invitations: str = "", connections: str = ""
) -> dict[str, Proof]:
    export = Export()
    if messages:
        export.messages.append(parse_messages(MESSAGES + messages))
    if invitations:
        export.invitations.append((parse_invitations(INVITATIONS + invitations), None))
    if connections:
        export.connections.append(parse_connections(CONNECTIONS + connections))
    plan = load_plan(plans, TODAY)
    matching = match_export(plan.plan, export)
    return {m.person.name: prove(plan, m) for m in matching.certain() if m.person}


def touches(proof: Proof) -> list[tuple[str, str]]:
    return [(t.day.isoformat(), t.action.value) for t in proof.touches]


def inbound(proof: Proof) -> list[tuple[str, str]]:
    return [(i.day.isoformat(), i.about) for i in proof.inbound]


def test_my_messages_and_their_answers(plans: Path) -> None:
    found = proofs(
        plans,
        messages=(
            message("2026-11-02 09:00:00", ME, OLA)
            + message("2026-11-04 09:00:00", ME, OLA)  # unanswered: a follow-up
            + message("2026-11-04 17:00:00", ME, OLA)  # the same day: the same touch
            + message("2026-11-05 08:00:00", OLA, ME)
            + message("2026-11-05 09:00:00", OLA, ME)
            + message("2026-11-06 10:00:00", ME, OLA)  # after an answer: a message again
            + message("2026-11-08 10:00:00", ME, OLA)
        ),
    )
    assert touches(found["Ola Kruk"]) == [
        ("2026-11-02", "messaged"),
        ("2026-11-04", "followed_up"),
        ("2026-11-05", "replied"),
        ("2026-11-06", "messaged"),
        ("2026-11-08", "followed_up"),
    ]
    assert inbound(found["Ola Kruk"]) == []


def test_their_message_when_i_never_wrote_is_inbound(plans: Path) -> None:
    long = "We have an opening for a plant quality director in Gliwice; " * 4
    found = proofs(
        plans,
        messages=(
            message("2026-11-02 08:00:00", OLA, ME, text=long)
            + message("2026-11-02 09:00:00", OLA, ME, text="And another thing")
            + message("2026-11-03 10:00:00", ME, OLA)
            + message("2026-11-04 10:00:00", OLA, ME)
        ),
    )
    assert touches(found["Ola Kruk"]) == [("2026-11-03", "messaged"), ("2026-11-04", "replied")]
    [(day, about)] = inbound(found["Ola Kruk"])
    assert day == "2026-11-02"
    assert about.startswith("Message on LinkedIn: We have an opening for a plant quality director")
    assert len(about) == 120 and about.endswith("…")


def test_a_group_conversation_gives_each_of_them_their_touch(plans: Path) -> None:
    found = proofs(
        plans,
        messages=(
            message("2026-11-09 10:00:00", OLA, ME, JAN, text="Hi all")
            + message("2026-11-10 10:00:00", ME, OLA, JAN)
            + message("2026-11-11 10:00:00", JAN, ME, OLA)
        ),
    )
    assert touches(found["Ola Kruk"]) == [("2026-11-10", "messaged")]
    # Ola wrote to the group before I ever wrote to her: not an inbound contact, listed.
    assert (inbound(found["Ola Kruk"]), found["Ola Kruk"].group_only) == (
        [],
        [TODAY.replace(day=9)],
    )
    assert touches(found["Jan Nowak"]) == [("2026-11-10", "messaged"), ("2026-11-11", "replied")]


def test_an_invitation_is_outreach_their_message_answers(plans: Path) -> None:
    found = proofs(
        plans,
        invitations=f'{ME[0]},{OLA[0]},"11/1/26, 9:15 PM",Hi Ola,OUTGOING,{ME[1]},{OLA[1]}\n',
        messages=message("2026-11-03 10:00:00", OLA, ME),
    )
    assert touches(found["Ola Kruk"]) == [("2026-11-01", "invited"), ("2026-11-03", "replied")]


def test_their_invitation_is_inbound(plans: Path) -> None:
    found = proofs(
        plans,
        invitations=(
            f'{OLA[0]},{ME[0]},"11/1/26, 9:15 PM",Hello Łucja: a role for you,INCOMING,{OLA[1]},{ME[1]}\n'
            f'{OLA[0]},{ME[0]},"11/1/26, 10:15 PM",,INCOMING,{OLA[1]},{ME[1]}\n'
        ),
    )
    assert touches(found["Ola Kruk"]) == []
    assert inbound(found["Ola Kruk"]) == [
        ("2026-11-01", "Invited you on LinkedIn: Hello Łucja: a role for you")
    ]


@pytest.mark.parametrize(
    ("touch", "replied"),
    [
        # Outreach on another channel counts up to the day of their message…
        ("{date: 2026-11-10, action: messaged, channel: email}", True),
        ("{date: 2026-11-11, action: messaged, channel: email}", False),
        # …on LinkedIn, from two days before: a day either side may be this very message.
        ("{date: 2026-11-08, action: messaged, channel: linkedin}", True),
        ("{date: 2026-11-09, action: invited}", False),
    ],
)
def test_outreach_the_plan_holds_makes_their_message_a_reply(
    plans: Path, touch: str, replied: bool
) -> None:
    volta = plans / "companies" / "volta-cells.yaml"
    append_to(volta, f"    touches:\n      - {touch}\n")
    found = proofs(plans, messages=message("2026-11-10 10:00:00", OLA, ME))
    assert (touches(found["Ola Kruk"]) == [("2026-11-10", "replied")]) is replied
    assert (inbound(found["Ola Kruk"]) == []) is replied


@pytest.mark.parametrize(
    ("have", "new"),
    [
        ("2026-11-10, action: messaged", []),
        ("2026-11-09, action: messaged", []),  # a day before: the same message
        ("2026-11-11, action: messaged, channel: linkedin", []),  # a day after
        ("2026-11-10, action: followed_up", []),  # a follow-up is a message
        ("2026-11-08, action: messaged", [("2026-11-10", "messaged")]),  # two days: another
        ("2026-11-12, action: messaged", [("2026-11-10", "messaged")]),
        ("2026-11-10, action: messaged, channel: email", [("2026-11-10", "messaged")]),
        ("2026-11-10, action: replied", [("2026-11-10", "messaged")]),
    ],
)
def test_a_touch_within_a_day_is_the_same_touch(
    plans: Path, have: str, new: list[tuple[str, str]]
) -> None:
    volta = plans / "companies" / "volta-cells.yaml"
    append_to(volta, f"    touches:\n      - {{date: {have}}}\n")
    found = proofs(plans, messages=message("2026-11-10 10:00:00", ME, OLA))
    assert touches(found["Ola Kruk"]) == new


def test_each_touch_of_the_plan_stands_for_one_day_its_own_first(plans: Path) -> None:
    volta = plans / "companies" / "volta-cells.yaml"
    append_to(volta, "    touches:\n      - {date: 2026-11-10, action: messaged}\n")
    found = proofs(
        plans,
        messages=message("2026-11-09 10:00:00", ME, OLA) + message("2026-11-10 10:00:00", ME, OLA),
    )
    assert touches(found["Ola Kruk"]) == [("2026-11-09", "messaged")]


def test_connected_once_ever(plans: Path) -> None:
    rows = (
        f"Ola,Kruk,{OLA[1]},,Volta Cells,HR,03 Mar 2024\n"
        f"Jan,Nowak,{JAN[1]},,Volta Cells,COO,04 Oct 2026\n"
    )
    found = proofs(plans, connections=rows)
    assert touches(found["Ola Kruk"]) == [("2024-03-03", "connected")]
    assert touches(found["Jan Nowak"]) == []  # connected on 2026-10-05 in the plan


@pytest.mark.parametrize(("day", "logged"), [("2026-11-26", True), ("2026-11-27", False)])
def test_nothing_after_today_is_logged(plans: Path, day: str, logged: bool) -> None:
    found = proofs(plans, messages=message(f"{day} 08:00:00", ME, OLA))
    assert (touches(found["Ola Kruk"]) == [(day, "messaged")]) is logged
    assert found["Ola Kruk"].later == (0 if logged else 1)


def test_a_message_late_in_the_evening_utc_is_the_next_day_in_warsaw(plans: Path) -> None:
    for _ in time_zone("Europe/Warsaw"):
        found = proofs(plans, messages=message("2026-11-10 23:30:00", ME, OLA))
    assert touches(found["Ola Kruk"]) == [("2026-11-11", "messaged")]


@pytest.mark.parametrize(
    ("entry", "added"),
    [
        ("{date: 2026-11-02, who: Ola Kruk, channel: linkedin}", False),
        ("{date: 2026-11-03, who: Ola Kruk, channel: linkedin}", False),
        ("{date: 2026-11-04, who: Ola Kruk, channel: linkedin}", True),
        ("{date: 2026-11-02, who: Ola Kruk, channel: phone}", True),
    ],
)
def test_an_inbound_entry_within_a_day_is_the_same(plans: Path, entry: str, added: bool) -> None:
    inbound_file = plans / "inbound.yaml"
    append_to(inbound_file, f"- {entry}\n")
    found = proofs(plans, messages=message("2026-11-02 10:00:00", OLA, ME))
    assert (len(found["Ola Kruk"].inbound) == 1) is added


def test_fields_the_plan_lacks(plans: Path) -> None:
    replace_in(plans / "companies" / "volta-cells.yaml", f"    linkedin: {OLA[1]}\n", "")
    found = proofs(
        plans,
        connections="Ola,Kruk,https://pl.linkedin.com/in/ola-kruk-example/,ola@x.example,Volta Cells,HR,\n",
    )
    assert found["Ola Kruk"].fields == {"linkedin": OLA[1], "email": "ola@x.example"}
