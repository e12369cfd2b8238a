"""The site navigation: sectors expand into their companies, never into people.

Material renders the whole navigation into every page, so it must stay small: people
are reached from company pages, and above `MAX_COMPANIES_IN_NAV` companies the nav
lists sectors only. Every entry carries its title, so the nav is known without
reading a page (a partial rebuild reads only the pages that changed).
"""

from __future__ import annotations

import html
from typing import Any

from generator.model.facts import PlanFacts

SECTORS_PAGE = "sectors/index.md"
MAX_COMPANIES_IN_NAV = 100


def _title(name: str) -> str:
    """Nav titles are printed into HTML as they are: escape them here."""
    return html.escape(name, quote=True)


def sectors_section(facts: PlanFacts) -> list[Any]:
    plan = facts.plan
    show_companies = len(plan.companies) <= MAX_COMPANIES_IN_NAV
    entries: list[Any] = [{"Sectors": SECTORS_PAGE}]
    for sector in plan.sectors:
        index = {_title(sector.name): f"sectors/{facts[sector].slug}/index.md"}
        if not show_companies:
            entries.append(index)
            continue
        companies = sorted(sector.companies, key=lambda c: c.name.casefold())
        children = [
            index,
            *({_title(c.name): f"companies/{facts[c].slug}.md"} for c in companies),
        ]
        entries.append({_title(sector.name): children})
    return entries


def expand_nav(nav: list[Any] | None, section: list[Any]) -> list[Any] | None:
    """Replace the entry that points at sectors/index.md with the full sectors section."""
    if nav is None:
        return None
    expanded = []
    for entry in nav:
        if entry == SECTORS_PAGE:
            expanded.append({"Sectors": section})
        elif isinstance(entry, dict) and list(entry.values()) == [SECTORS_PAGE]:
            expanded.append({next(iter(entry)): section})
        else:
            expanded.append(entry)
    return expanded
