from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.errors import Location
from generator.model.derive import (
    first_name_of,
    is_linkedin_invitation,
    old_connections,
    pending_since,
    stage_of,
    unanswered,
    withdrawn_on,
)
from generator.model.model import Targets, Touch
from generator.model.vocabulary import OUTREACH, Action, Channel, Stage
from tests.conftest import SMALL_PLAN, TODAY
from tests.helpers import replace_in
from tests.outreach_plans import on, person, touch, who, write_plan


def touches(*actions: str) -> list[Touch]:
    start = dt.date(2026, 1, 1)
    return [
        Touch(start + dt.timedelta(days=i), Action(action), None, "", None, Location(Path("x")))
        for i, action in enumerate(actions)
    ]


@pytest.mark.parametrize(
    ("actions", "stage"),
    [
        ((), "identified"),
        (("invited",), "invited"),
        (("messaged",), "invited"),
        (("followed_up",), "invited"),
        (("referred",), "identified"),
        (("invited", "messaged"), "invited"),
        (("invited", "connected", "followed_up"), "connected"),
        (("invited", "connected", "replied", "referred"), "replied"),
        (("met",), "met"),
        (("invited", "met", "connected"), "met"),
        (("invited", "declined"), "declined"),
        (("invited", "declined", "messaged"), "invited"),
        (("invited", "connected", "replied", "declined"), "declined"),
    ],
)
def test_stage_rules(actions: tuple[str, ...], stage: str) -> None:
    assert stage_of(touches(*actions)) == stage


def test_latest_touch_is_by_date_not_by_position() -> None:
    declined, invited = touches("declined", "invited")
    out_of_order = [
        Touch(dt.date(2026, 3, 1), Action.DECLINED, None, "", None, declined.location),
        invited,
    ]
    assert stage_of(out_of_order) is Stage.DECLINED


@pytest.mark.parametrize(
    ("actions", "pending"),
    [
        (("invited",), dt.date(2026, 1, 1)),
        (("invited", "connected"), None),
        (("invited", "messaged"), dt.date(2026, 1, 1)),
        (("invited", "declined"), None),
        (("invited", "replied", "invited"), dt.date(2026, 1, 3)),
        (("messaged",), None),
    ],
)
def test_a_pending_invitation_is_the_last_one_nothing_answered(
    actions: tuple[str, ...], pending: dt.date | None
) -> None:
    assert pending_since(touches(*actions)) == pending


def test_model_from_the_small_plan() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    people = {p.slug: p for p in plan.people}
    assert sorted(people) == [
        "anna-nowak",
        "anna-nowak-volta-cells",
        "asa-lindqvist",
        "ewa-kot",
        "jan-nowak",
        "piotr-zolc",
    ]
    jan = people["jan-nowak"]
    assert (jan.stage, jan.last_contact, jan.reached_out_on) == (
        "met",
        dt.date(2026, 10, 20),
        dt.date(2026, 10, 2),
    )
    assert jan.effective_first_name == "Jan" and jan.person.first_name == ""
    assert jan.effective_country == "Poland" and not jan.abroad
    assert jan.person.country == "", "the file gives none: the company's is a fact"
    assert people["asa-lindqvist"].stage == "declined"
    assert people["asa-lindqvist"].abroad
    assert not people["anna-nowak"].abroad, "person country overrides the company's"
    assert people["ewa-kot"].last_contact == dt.date(2026, 11, 3), "her call counts as contact"
    assert [plan[s].slug for s in plan.plan.sectors] == [
        "battery-cells",
        "automation",
        "recruitment",
    ]
    assert [s.recruiters for s in plan.plan.sectors] == [False, False, True]
    assert [plan[c].slug for c in plan.plan.companies] == [
        "nordic-robotics",
        "talent-bridge",
        "volta-cells",
    ]


def test_targets_take_the_schema_defaults(small_plan: Path) -> None:
    plan = load_plan(small_plan, TODAY).plan
    assert plan.targets == Targets(
        companies=4,
        companies_per_sector=2,
        recruitment_firms=None,
        people=6,
        people_per_company=2,
        invites_per_week=3,
        keep_alive_days=90,
        note_limit=300,
        follow_up_after_days=7,
        linkedin_invites_per_week=100,
        notes_per_month=None,
    )
    assert plan.targets.recruiter_companies == 4


def test_inbound_is_matched_to_people_and_companies() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    ewa, stranger, jan = plan.plan.inbound
    assert ewa.person is not None and ewa.person.name == "Ewa Kot"
    assert ewa.source is not None and ewa.sector is not None
    assert ewa.sector.name == "Recruitment"
    assert stranger.person is None and stranger.source is None
    assert stranger.company_shown == "Unlisted Search"
    assert jan.source is not None and jan.source.name == "Volta Cells"
    assert plan[ewa.person].inbound == (ewa,)
    assert ewa in plan[ewa.person].timeline and plan[ewa.source].inbound == (ewa,)


def test_an_inbound_call_resets_the_keep_alive_clock(small_plan: Path) -> None:
    """Piotr's last touch is 2026-05-20: due for a follow-up, until he calls."""
    plan = load_plan(small_plan, TODAY)
    piotr = next(p for p in plan.people if p.person.name == "Piotr Żółć")
    assert piotr.last_contact == dt.date(2026, 5, 20)
    replace_in(
        small_plan / "inbound.yaml",
        "- date: 2026-02-10",
        "- {date: 2026-11-20, who: piotr zolc, channel: phone}\n- date: 2026-02-10",
    )
    piotr = next(p for p in load_plan(small_plan, TODAY).people if p.person.name == "Piotr Żółć")
    assert piotr.last_contact == dt.date(2026, 11, 20)
    assert piotr.stage == "connected", "a call does not move the stage"


def test_touches_after_today_are_planned() -> None:
    plan = load_plan(SMALL_PLAN, dt.date(2026, 10, 10))
    jan = next(p for p in plan.people if p.slug == "jan-nowak")
    assert (jan.stage, jan.last_contact) == ("connected", dt.date(2026, 10, 5))
    assert [t.action for t in jan.planned] == ["met"]
    assert len(jan.person.touches) == 3, "the touches as written stay whole"
    anna = next(p for p in plan.people if p.slug == "anna-nowak-volta-cells")
    assert anna.stage == "identified"


def test_the_plan_stays_as_written_and_cannot_be_changed(small_plan: Path) -> None:
    """Facts are worked out beside the records: nothing read is overwritten, sorted or
    assigned afterwards."""
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        "      - {date: 2026-10-02, action: invited, channel: linkedin}",
        "      - {date: 2026-10-21, action: referred}\n"
        "      - {date: 2026-10-02, action: invited, channel: linkedin}",
    )
    situation = load_plan(small_plan, TODAY)
    jan = next(p for p in situation.plan.people if p.name == "Jan Nowak")
    assert [t.date for t in jan.touches][:2] == [dt.date(2026, 10, 21), dt.date(2026, 10, 2)]
    assert [t.date for t in situation[jan].history] == sorted(t.date for t in jan.touches)
    assert jan.first_name == "" and situation[jan].effective_first_name == "Jan"
    records = [
        situation.plan,
        situation.plan.me,
        situation.plan.targets,
        situation.plan.sectors[0],
        jan.company,
        jan,
        jan.touches[0],
        situation.plan.inbound[0],
        situation[jan],
        situation,
    ]
    for record in records:
        with pytest.raises(dataclasses.FrozenInstanceError):
            record.location = Location(Path("elsewhere"))  # type: ignore[misc]
    assert isinstance(jan.touches, tuple) and isinstance(situation.plan.companies, tuple)


def test_facts_are_worked_out_once_per_plan(small_plan: Path) -> None:
    situation = load_plan(small_plan, TODAY)
    assert situation.next_batch is situation.next_batch
    assert situation.follow_ups_due is situation.follow_ups_due
    assert situation.pending_invitations is situation.pending_invitations
    assert situation.coming_up is situation.coming_up
    assert situation.silent_companies is situation.silent_companies
    assert situation.reminders_due is situation.reminders_due
    assert situation.people is situation.people


def dated(*pairs: tuple[int, str] | tuple[int, str, str]) -> list[Touch]:
    """Touches on days of January 2026: (day, action) or (day, action, channel)."""
    return [
        Touch(
            dt.date(2026, 1, pair[0]),
            Action(pair[1]),
            Channel(pair[2]) if len(pair) == 3 else None,
            "",
            None,
            Location(Path("x")),
        )
        for pair in pairs
    ]


@pytest.mark.parametrize(
    ("answer", "pending"),
    [
        ((4, "connected"), dt.date(2026, 1, 5)),  # the day before: an older answer
        ((5, "connected"), None),  # the same day: answered
        ((6, "connected"), None),
        ((5, "declined"), None),
        ((5, "replied"), None),
        ((5, "met"), None),
        ((5, "withdrawn"), None),
        ((4, "withdrawn"), dt.date(2026, 1, 5)),
        ((5, "messaged"), dt.date(2026, 1, 5)),  # my own message answers nothing
        ((5, "referred"), dt.date(2026, 1, 5)),
    ],
)
def test_an_answer_on_the_day_of_the_invitation_ends_it(
    answer: tuple[int, str], pending: dt.date | None
) -> None:
    assert pending_since(dated((5, "invited"), answer)) == pending


@pytest.mark.parametrize(
    ("channel", "pending"),
    [("linkedin", dt.date(2026, 1, 5)), (None, dt.date(2026, 1, 5)), ("email", None)],
)
def test_only_a_linkedin_invitation_is_pending(
    channel: str | None, pending: dt.date | None
) -> None:
    touch = (5, "invited", channel) if channel else (5, "invited")
    assert pending_since(dated(touch)) == pending
    assert is_linkedin_invitation(dated(touch)[0]) is (pending is not None)


def test_the_latest_invitation_is_the_pending_one_whatever_the_order() -> None:
    assert pending_since(dated((9, "invited"), (2, "invited"))) == dt.date(2026, 1, 9)
    assert pending_since(dated((9, "invited"), (5, "connected"), (2, "invited"))) == (
        dt.date(2026, 1, 9)
    )


@pytest.mark.parametrize(
    ("touches", "withdrawn"),
    [
        ([(5, "invited"), (8, "withdrawn")], 8),
        ([(5, "invited"), (5, "withdrawn")], 5),  # the same day follows the invitation
        ([(5, "invited"), (4, "withdrawn")], None),  # before it: an older one's
        ([(5, "invited"), (8, "withdrawn"), (9, "invited")], None),  # sent again
        ([(5, "invited"), (8, "withdrawn"), (8, "connected")], None),
        ([(5, "invited"), (8, "withdrawn"), (5, "connected")], None),
        ([(5, "invited"), (8, "withdrawn"), (4, "connected")], 8),
        ([(5, "invited"), (7, "withdrawn"), (9, "withdrawn")], 9),  # the latest
        ([(5, "invited"), (9, "withdrawn"), (7, "withdrawn")], 9),
        ([(5, "invited", "email"), (8, "withdrawn")], None),
        ([(8, "withdrawn")], None),
    ],
)
def test_withdrawn_on(touches: list[tuple[int, str]], withdrawn: int | None) -> None:
    expected = dt.date(2026, 1, withdrawn) if withdrawn else None
    assert withdrawn_on(dated(*touches)) == expected


@pytest.mark.parametrize(
    ("touches", "start", "old"),
    [
        ([(5, "connected"), (6, "invited")], None, [5]),
        ([(6, "connected"), (6, "invited")], None, []),  # the same day: the plan's
        ([(7, "connected"), (6, "invited")], None, []),
        # The earliest outreach to them decides, not the latest.
        ([(3, "messaged"), (5, "connected"), (9, "invited")], None, []),
        ([(9, "messaged"), (5, "connected"), (3, "followed_up")], None, []),
        # Never written to: the campaign's start decides.
        ([(5, "connected")], dt.date(2026, 1, 6), [5]),
        ([(6, "connected")], dt.date(2026, 1, 6), []),
        ([(5, "connected")], None, [5]),
        ([(5, "replied")], None, []),
    ],
)
def test_old_connections(
    touches: list[tuple[int, str]], start: dt.date | None, old: list[int]
) -> None:
    assert [t.date.day for t in old_connections(dated(*touches), start)] == old


@pytest.mark.parametrize(
    ("touches", "inbound", "attempts"),
    [
        ([(5, "invited")], [], [5]),
        ([(5, "invited"), (9, "messaged"), (12, "followed_up")], [], [5, 9, 12]),
        # One attempt a day: the day's last.
        ([(5, "invited"), (5, "messaged", "email")], [], [5]),
        ([(5, "invited"), (7, "connected")], [], None),
        ([(5, "invited"), (7, "declined")], [], None),
        ([(5, "invited")], [dt.date(2026, 1, 8)], None),
        ([(5, "referred")], [], None),
        ([], [], None),
    ],
)
def test_unanswered_outreach(
    touches: list[tuple], inbound: list[dt.date], attempts: list[int] | None
) -> None:
    run = unanswered(dated(*touches), inbound)
    if attempts is None:
        assert run is None
        return
    assert run is not None
    assert [t.date.day for t in run.attempts] == attempts
    assert (run.first.date.day, run.last.date.day) == (attempts[0], attempts[-1])
    assert run.follow_ups == len(attempts) - 1


def test_the_days_last_attempt_is_the_one_kept_and_any_email_counts() -> None:
    run = unanswered(dated((5, "invited"), (5, "messaged", "email")), [])
    assert run is not None and run.last.channel is Channel.EMAIL and run.emailed
    run = unanswered(dated((5, "messaged", "email"), (5, "invited")), [])
    assert run is not None and run.last.action is Action.INVITED and run.emailed
    assert len(run.attempts) == 1
    run = unanswered(dated((5, "invited", "linkedin"), (8, "messaged", "linkedin")), [])
    assert run is not None and not run.emailed


@pytest.mark.parametrize(
    ("name", "first"),
    [("Ewa Kot", "Ewa"), ("Ewa", "Ewa"), ("  Ewa   Maria Kot ", "Ewa"), ("", "")],
)
def test_first_name_of(name: str, first: str) -> None:
    assert first_name_of(name) == first


def test_the_campaign_starts_at_the_earliest_outreach_to_anyone(small_plan: Path) -> None:
    """The first outreach is the minimum over everyone's outreach up to today, and each
    person's own first outreach the minimum of theirs."""
    situation = load_plan(small_plan, TODAY)
    dates = [t.date for p in situation.people for t in p.history if t.action in OUTREACH]
    assert situation.first_outreach == min(dates) != max(dates)
    for known in situation.people:
        own = [t.date for t in known.history if t.action in OUTREACH]
        assert known.reached_out_on == (min(own) if own else None)
    early = load_plan(small_plan, min(dates) - dt.timedelta(days=1))
    assert early.first_outreach is None
    assert load_plan(small_plan, min(dates)).first_outreach == min(dates)


def test_an_inbound_entry_after_today_skips_only_itself(tmp_path: Path) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral")]})
    (plans / "inbound.yaml").write_text(
        "- {date: 2026-12-01, who: Ada Kral, company: Kessel}\n"
        "- {date: 2026-11-20, who: Ada Kral, company: Kessel}\n",
        encoding="utf-8",
    )
    situation = on(plans, "2026-11-26")
    ada = situation[who(situation, "Ada Kral")]
    assert [entry.date.day for entry in ada.inbound] == [20]
    assert [entry.date.day for entry in situation[ada.person.company].inbound] == [20]


@pytest.mark.parametrize(
    ("country", "home", "abroad"),
    [
        ("Austria", "Czechia", True),
        ("czechia", "Czechia", False),
        ("", "Czechia", False),  # unknown counts as home
        ("Austria", "", False),  # so does a plan that does not say where home is
        ("", "", False),
    ],
)
def test_abroad_is_another_country_than_mine(
    tmp_path: Path, country: str, home: str, abroad: bool
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral")]})
    location = f", location: 'Brno, {home}'" if home else ""
    replace_in(plans / "plan.yaml", ", location: 'Brno, Czechia'", location)
    if country:
        replace_in(plans / "companies" / "c000.yaml", "sector:", f"country: {country}\nsector:")
    situation = on(plans, "2026-11-26")
    ada = who(situation, "Ada Kral")
    assert situation[ada].abroad is abroad
    assert situation[ada.company].abroad is abroad
    assert situation[ada].effective_country == country


@pytest.mark.parametrize(("today", "first"), [("2026-11-09", None), ("2026-11-10", 10)])
def test_an_outreach_today_starts_the_campaign(
    tmp_path: Path, today: str, first: int | None
) -> None:
    plans = write_plan(tmp_path, {"Kessel": [person("Ada Kral", touch("2026-11-10", "invited"))]})
    situation = on(plans, today)
    assert situation.first_outreach == (dt.date(2026, 11, first) if first else None)


def test_slugs_of_people_and_sectors(tmp_path: Path) -> None:
    """A name with no letters gets the fallback word; two sectors that read the same get
    a number, as a sector has no qualifier (company or country) to add."""
    plans = write_plan(
        tmp_path, {"Kessel": [person("Ada Kral"), person("???", linkedin=False, email=False)]}
    )
    replace_in(
        plans / "plan.yaml",
        "  - name: Recruitment\n",
        "  - name: heat-pumps\n  - name: Recruitment\n",
    )
    situation = on(plans, "2026-11-26")
    ada, nameless = (p.slug for p in situation.people)
    assert ada == "ada-kral"
    assert re.fullmatch(r"person-[0-9a-f]{8}", nameless)
    sectors = situation.plan.sectors
    assert [situation[s].slug for s in sectors] == ["heat-pumps", "heat-pumps-2", "recruitment"]
    assert all(situation[s].sector is s for s in sectors)


@pytest.mark.parametrize(
    ("call", "pending"), [("2026-11-01", True), ("2026-11-02", False), ("2026-11-03", False)]
)
def test_a_call_from_them_on_or_after_the_invitation_ends_it(
    tmp_path: Path, call: str, pending: bool
) -> None:
    plans = write_plan(
        tmp_path, {"Kessel": [person("Ada Kral", touch("2026-11-02", "invited", "linkedin"))]}
    )
    (plans / "inbound.yaml").write_text(
        f"- {{date: {call}, who: Ada Kral, channel: phone}}\n", encoding="utf-8"
    )
    situation = on(plans, "2026-11-26")
    expected = dt.date(2026, 11, 2) if pending else None
    assert situation[who(situation, "Ada Kral")].pending_since == expected


def test_their_call_comes_after_my_touches_of_the_same_day(tmp_path: Path) -> None:
    """Inbound entries carry no time: on the timeline they follow the day's touches,
    timed or not."""
    plans = write_plan(
        tmp_path,
        {"Volta": [person("Ana Lima", touch("2026-11-02", "invited", "linkedin"))]},
    )
    (plans / "inbound.yaml").write_text(
        "- {date: 2026-11-02, who: Ana Lima, company: Volta, channel: linkedin}\n",
        encoding="utf-8",
    )
    plan = on(plans, "2026-11-10")
    timeline = plan[who(plan, "Ana Lima")].timeline
    assert [type(entry).__name__ for entry in timeline] == ["Touch", "Inbound"]
