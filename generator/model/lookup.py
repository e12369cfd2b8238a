"""Finding the person or company a command names, the way people type names.

"zolkiewska" finds "Anna Żółkiewska" (case and accents ignored, a surname is enough);
an ambiguous name is an error listing the candidates and how to choose; an unknown
one suggests the closest names.
"""

from __future__ import annotations

import shlex

from generator.errors import PlaybookError
from generator.model.model import Company, Person, Plan
from generator.model.names import close_matches, fold


class InboundMatcher:
    """Who and which company an inbound entry names: the one rule for inbound.yaml and
    for `playbook inbound`. Names match without case or accents; with a company of the
    plan named, only its people; else a name must fit exactly one person."""

    def __init__(self, plan: Plan) -> None:
        self.companies: dict[str, Company] = {fold(c.name): c for c in plan.companies}
        self.people: dict[str, list[Person]] = {}
        for person in plan.people:
            self.people.setdefault(fold(person.name), []).append(person)

    def company(self, name: str) -> Company | None:
        return self.companies.get(fold(name)) if name else None

    def person(self, who: str, company: str) -> Person | None:
        named = self.people.get(fold(who), [])
        source = self.company(company)
        if source is not None:
            return next((p for p in named if p.company is source), None)
        return named[0] if len(named) == 1 else None


class NotFound(PlaybookError):
    """A name that matches nobody, or more than one."""


def _words_match(query: str, name: str) -> bool:
    """Every word of the query is a word of the name ("zolkiewska", "anna zolkiewska")."""
    words = fold(name).split()
    return all(word in words for word in fold(query).split())


def find_company(plan: Plan, query: str) -> Company:
    exact = [c for c in plan.companies if fold(c.name) == fold(query)]
    found = exact or [c for c in plan.companies if fold(query) in fold(c.name)]
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"'{c.name}'" for c in found[:8])
        raise NotFound(f"'{query}' matches {len(found)} companies: {names}; give the full name")
    near = close_matches(query, ((c.name, c) for c in plan.companies))
    if near:
        hint = f"; did you mean {', '.join(repr(c.name) for c in near)}?"
    else:
        hint = f"; add it first: playbook add company {shlex.quote(query)} --sector …"
    raise NotFound(f"no company called '{query}' in the plan{hint}")


def find_person(plan: Plan, query: str, company: str | None = None) -> Person:
    people = plan.people
    if company is not None:
        at = find_company(plan, company)
        people = [p for p in people if p.company is at]
    exact = [p for p in people if fold(p.name) == fold(query)]
    found = exact or [p for p in people if _words_match(query, p.name)]
    if len(found) == 1:
        return found[0]
    if found:
        listed = "\n".join(f"  {p.name} ({p.company.name})" for p in found[:12])
        raise NotFound(
            f"'{query}' matches {len(found)} people:\n{listed}\n"
            "Give the full name, or choose the company with --company."
        )
    candidates = [(p.name, p) for p in people]
    if len(query.split()) == 1:  # a surname alone is compared with surnames
        candidates += [(p.name.split()[-1], p) for p in people]
    near = list(dict.fromkeys(close_matches(query, candidates, n=3)))
    hint = ""
    if near:
        hint = "; did you mean " + ", ".join(f"'{p.name}' ({p.company.name})" for p in near) + "?"
    where = f" at {company}" if company else " in the plan"
    raise NotFound(f"nobody called '{query}'{where}{hint}")
