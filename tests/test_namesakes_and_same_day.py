"""Namesakes get pages that tell them apart; touches of one day keep a fixed order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.checking import load_plan
from generator.errors import InvalidPlan
from generator.model.model import Touch
from generator.render.pages import all_pages, person_page
from generator.render.titles import person_titles
from tests.conftest import TODAY
from tests.helpers import replace_in


def titles(plans: Path) -> dict[str, str]:
    """Each person's page title, by their page's address."""
    situation = load_plan(plans, TODAY)
    return {
        situation[person].slug: title
        for person, title in person_titles(situation.plan.people).items()
    }


def heading(page: str) -> str:
    match = re.search(r"^# (.+)$", page, re.M)
    assert match is not None
    return match.group(1)


def test_namesakes_at_two_companies_are_titled_with_their_company(small_plan: Path) -> None:
    found = titles(small_plan)
    assert found["anna-nowak"] == "Anna Nowak (Nordic Robotics)"
    assert found["anna-nowak-volta-cells"] == "Anna Nowak (Volta Cells)"
    assert found["jan-nowak"] == "Jan Nowak", "a name held once is the title"
    pages = all_pages(load_plan(small_plan, TODAY))
    assert heading(pages["people/anna-nowak-volta-cells.md"]) == "Anna Nowak &#40;Volta Cells&#41;"
    assert heading(pages["people/jan-nowak.md"]) == "Jan Nowak"
    situation = load_plan(small_plan, TODAY)
    anna = next(
        p
        for p in situation.plan.people
        if p.company.name == "Volta Cells" and p.name == "Anna Nowak"
    )
    assert person_page(situation, anna) == pages["people/anna-nowak-volta-cells.md"]


def test_a_name_that_differs_only_in_accents_and_case_is_a_namesake(small_plan: Path) -> None:
    replace_in(small_plan / "companies" / "talent-bridge.yaml", "Ewa Kot", "JAN NOWÁK")
    found = titles(small_plan)
    assert found["jan-nowak"] == "JAN NOWÁK (Talent Bridge)"  # the file read first
    assert found["jan-nowak-volta-cells"] == "Jan Nowak (Volta Cells)"


def test_one_letter_apart_is_not_a_namesake(small_plan: Path) -> None:
    replace_in(small_plan / "companies" / "talent-bridge.yaml", "Ewa Kot", "Jan Nowacki")
    found = titles(small_plan)
    assert found["jan-nowak"] == "Jan Nowak"
    assert found["jan-nowacki"] == "Jan Nowacki"


def test_one_name_twice_at_one_company_is_refused_so_the_company_tells_them_apart(
    small_plan: Path,
) -> None:
    volta = small_plan / "companies" / "volta-cells.yaml"
    replace_in(volta, "- name: Anna Nowak", "- name: Jan Nowak")
    with pytest.raises(InvalidPlan, match="person 'Jan Nowak' is already listed at line 8"):
        load_plan(small_plan, TODAY)


VOLTA_TOUCHES = """    touches:
      - {date: 2026-10-02, action: invited, channel: linkedin}
      - {date: 2026-10-05, action: connected}
      - {date: 2026-10-20, action: met, note: Coffee in Wrocław}
"""


def recent_contact(plans: Path) -> list[str]:
    """The rows of Volta Cells' "Recent contact", newest first, as 'date person: what'."""
    page = all_pages(load_plan(plans, TODAY))["companies/volta-cells.md"]
    table = page.split("## Recent contact", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| 2")]
    return [" ".join(cell.strip() for cell in row.strip("|").split("|")[:3]) for row in rows]


def test_touches_of_one_day_come_by_time_then_the_last_logged_first(small_plan: Path) -> None:
    replace_in(
        small_plan / "companies" / "volta-cells.yaml",
        VOLTA_TOUCHES,
        """    touches:
      - {date: 2026-10-02, action: invited, channel: linkedin}
      - {date: 2026-10-20, action: messaged, channel: email, time: "16:00"}
      - {date: 2026-10-20, action: replied}
      - {date: 2026-10-21, action: connected}
      - {date: 2026-10-20, action: met, time: "09:30"}
      - {date: 2026-10-20, action: followed_up}
      - {date: 2026-10-19, action: referred}
""",
    )
    jan = "[Jan Nowak](../people/jan-nowak.md)"
    assert recent_contact(small_plan)[0].startswith("2026-11-02 [Anna Nowak]")
    assert recent_contact(small_plan)[1:8] == [
        f"2026-10-21 {jan} connected",  # the day after: first, though logged before
        f"2026-10-20 {jan} followed up",  # no time, logged last that day
        f"2026-10-20 {jan} replied",  # no time, logged earlier
        f"2026-10-20 {jan} messaged (e&#45;mail)",  # 16:00, logged before 09:30
        f"2026-10-20 {jan} met",  # 09:30
        f"2026-10-19 {jan} referred",  # the day before: last, though logged after
        f"2026-10-02 {jan} invited (LinkedIn)",
    ]
    situation = load_plan(small_plan, TODAY)
    jan_nowak = next(p for p in situation.plan.people if p.name == "Jan Nowak")
    oldest_first = [
        f"{entry.date} {entry.action.value if isinstance(entry, Touch) else 'called me'}"
        for entry in situation[jan_nowak].timeline
    ]
    assert oldest_first == [
        "2025-11-25 called me",
        "2026-10-02 invited",
        "2026-10-19 referred",
        "2026-10-20 met",
        "2026-10-20 messaged",
        "2026-10-20 replied",
        "2026-10-20 followed_up",
        "2026-10-21 connected",
    ]
