"""Page titles that tell namesakes apart.

Two people of the plan with the same name (accents, case and spacing ignored) would
have pages with the same heading, browser-tab title and search hit. Each of them is
titled with their company ("Anna Nowak (Volta Cells)"): one company cannot list a
name twice. Everyone else is titled with their name.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model.model import Person
from generator.model.names import fold


def person_titles(people: Iterable[Person]) -> dict[Person, str]:
    """Every person's page title, keyed by the person."""
    by_name: dict[str, list[Person]] = {}
    for person in people:
        by_name.setdefault(fold(person.name), []).append(person)
    titles = {}
    for namesakes in by_name.values():
        for person in namesakes:
            shared = len(namesakes) > 1
            titles[person] = f"{person.name} ({person.company.name})" if shared else person.name
    return titles
