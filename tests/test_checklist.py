"""The four steps, ticked from the small fixture."""

from __future__ import annotations

from generator.metrics.checklist import checklist, headline_numbers
from tests.conftest import TODAY
from tests.metric_plans import small_on


def test_checklist() -> None:
    steps = checklist(small_on(TODAY))
    assert [(s.number, s.done) for s in steps] == [(1, True), (2, False), (3, True), (4, False)]
    assert steps[1].progress == [
        "3 companies (target 4)",
        "Battery cells: 1 (target 2)",
        "Automation: 1 (target 2)",
        "Recruitment: 1 (target 4)",
    ]
    assert steps[1].next_action == "List 1 more company in Battery cells."
    assert steps[2].progress == [
        "6 people (target 6)",
        "3 of 3 companies with 2+ people",
        "3 of 3 companies with operations and HR",
        "5 at home, 1 abroad",
    ]
    assert steps[3].progress == [
        "5 of 6 people contacted (83%)",
        "0 invitations this week (target 3)",
        "0 weeks in a row on target",
    ]
    assert steps[3].next_action == "Invite 1 more person this week (see This week)."


def test_headline_numbers() -> None:
    numbers = {n.label: (n.value, n.of, n.target) for n in headline_numbers(small_on(TODAY))}
    assert numbers == {
        "inbound contacts in the last 12 months": (2, None, None),
        "people contacted": (5, 6, None),
        "invitations this week": (0, None, 3),
        "follow-ups due": (1, None, None),
    }
