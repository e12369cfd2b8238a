"""The site navigation: sectors expand into their companies, never into people.

Material renders the whole navigation into every page, so it must stay small: people
are reached from company pages, and above `MAX_COMPANIES_IN_NAV` companies the nav
lists sectors only. Every entry carries its title, so the nav is known without
reading a page (a partial rebuild reads only the pages that changed).

The section is described once, in the shape of mkdocs.yml's `nav` (`sectors_section`);
the plugin puts it in MkDocs' navigation in `on_nav`, where the user's mkdocs.yml lists
`sectors/index.md`.
"""

from __future__ import annotations

import html
from typing import TypeAlias

from generator.model.facts import PlanFacts

SECTORS_PAGE = "sectors/index.md"
MAX_COMPANIES_IN_NAV = 100

# One entry of mkdocs.yml's `nav`: a title and a page, or a title and its children.
NavEntry: TypeAlias = dict[str, "str | list[NavEntry]"]


def _title(name: str) -> str:
    """Nav titles are printed into HTML as they are: escape them here."""
    return html.escape(name, quote=True)


def sectors_section(facts: PlanFacts) -> list[NavEntry]:
    plan = facts.plan
    show_companies = len(plan.companies) <= MAX_COMPANIES_IN_NAV
    entries: list[NavEntry] = [{"Sectors": SECTORS_PAGE}]
    for sector in plan.sectors:
        index: NavEntry = {_title(sector.name): f"sectors/{facts[sector].slug}/index.md"}
        if not show_companies:
            entries.append(index)
            continue
        companies = sorted(sector.companies, key=lambda c: c.name.casefold())
        pages: list[NavEntry] = [
            {_title(c.name): f"companies/{facts[c].slug}.md"} for c in companies
        ]
        children = [index, *pages]
        entries.append({_title(sector.name): children})
    return entries


def sectors_title(entry: object) -> str | None:
    """The title of a `nav` entry that points at the sectors page; None for any other."""
    if entry == SECTORS_PAGE:
        return "Sectors"
    if isinstance(entry, dict) and list(entry.values()) == [SECTORS_PAGE]:
        return str(next(iter(entry)))
    return None


def expand_nav(nav: list[object] | None, section: list[NavEntry]) -> list[object] | None:
    """mkdocs.yml's `nav` with the sectors page replaced by the full sectors section."""
    if nav is None:
        return None
    expanded: list[object] = []
    for entry in nav:
        title = sectors_title(entry)
        expanded.append(entry if title is None else {title: section})
    return expanded
