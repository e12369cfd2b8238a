from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.config.load import load_plan
from generator.structure.derive import stage_of
from generator.structure.model import Targets, Touch
from tests.conftest import SMALL_PLAN, TODAY


def touches(*actions: str) -> list[Touch]:
    start = dt.date(2026, 1, 1)
    return [Touch(start + dt.timedelta(days=i), action) for i, action in enumerate(actions)]


@pytest.mark.parametrize(
    ("actions", "stage"),
    [
        ((), "identified"),
        (("invited",), "invited"),
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
    out_of_order = [
        Touch(dt.date(2026, 3, 1), "declined"),
        Touch(dt.date(2026, 1, 1), "invited"),
    ]
    assert stage_of(out_of_order) == "declined"


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
    assert (jan.stage, jan.last_contact, jan.invited_on) == (
        "met",
        dt.date(2026, 10, 20),
        dt.date(2026, 10, 2),
    )
    assert jan.first_name == "Jan"
    assert jan.country == "Poland" and not jan.abroad
    assert people["asa-lindqvist"].stage == "declined"
    assert people["asa-lindqvist"].abroad
    assert not people["anna-nowak"].abroad, "person country overrides the company's"
    assert people["ewa-kot"].last_contact == dt.date(2026, 9, 30)
    assert [s.slug for s in plan.sectors] == ["battery-cells", "automation", "recruitment"]
    assert [s.recruiters for s in plan.sectors] == [False, False, True]
    assert [c.slug for c in plan.companies] == ["nordic-robotics", "talent-bridge", "volta-cells"]


def test_targets_default_to_the_contract_values(small_plan: Path) -> None:
    plan = load_plan(small_plan, TODAY)
    assert plan.targets == Targets(
        companies=4,
        companies_per_sector=2,
        people=6,
        people_per_company=2,
        invites_per_week=3,
        keep_alive_days=90,
        note_limit=300,
    )
    assert Targets() == Targets(30, 12, None, 80, 2, 15, 90, 300)


def test_inbound_is_matched_to_people_and_companies() -> None:
    plan = load_plan(SMALL_PLAN, TODAY)
    ewa, stranger, jan = plan.inbound
    assert ewa.person is not None and ewa.person.name == "Ewa Kot"
    assert ewa.company is not None and ewa.sector is not None
    assert ewa.sector.name == "Recruitment"
    assert stranger.person is None and stranger.company is None
    assert stranger.company_name == "Unlisted Search"
    assert jan.company is not None and jan.company.name == "Volta Cells"


def test_touches_after_today_do_not_count_yet() -> None:
    plan = load_plan(SMALL_PLAN, dt.date(2026, 10, 10))
    jan = next(p for p in plan.people if p.slug == "jan-nowak")
    assert (jan.stage, jan.last_contact) == ("connected", dt.date(2026, 10, 5))
    assert len(jan.touches) == 3, "the timeline keeps every touch"
    anna = next(p for p in plan.people if p.slug == "anna-nowak-volta-cells")
    assert anna.stage == "identified"
