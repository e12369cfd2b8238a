"""Finding the person or company a command names, the way people type names.

"zolkiewska" finds "Anna Żółkiewska" (case and accents ignored, a surname is enough),
but a name typed exactly as the plan spells it wins over names that only fold to it:
"Jürgen Weiß" is Jürgen Weiß even when a Jürgen Weiss works elsewhere. An ambiguous
name is an error listing the candidates with their companies and how to choose; an
unknown one suggests the closest names, or the command that adds it.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from generator.errors import PlaybookError
from generator.model.model import Company, Person, Plan, Sector
from generator.model.names import close_matches, fold, likeness

T = TypeVar("T")


def same_name(typed: str, name: str) -> bool:
    """Exactly the name, as the plan spells it: case and accents count, spacing and
    Unicode composition (a terminal may send "ü" as u plus an accent) do not."""
    return _exact(typed) == _exact(name)


def _exact(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _best(query: str, items: Sequence[T], name: Callable[[T], str]) -> list[T]:
    """The items the query names: those spelled exactly so, else those equal once
    folded, else those whose name holds every word of the query."""
    exact = [item for item in items if same_name(query, name(item))]
    if exact:
        return exact
    folded = [item for item in items if fold(name(item)) == fold(query)]
    if folded:
        return folded
    return [item for item in items if _words_match(query, name(item))]


class InboundMatcher:
    """Who and which company an inbound entry names: the one rule for inbound.yaml and
    for `playbook inbound`. Names match without case or accents (an exact spelling
    wins); with a company of the plan named, only its people; else a name must fit
    exactly one person."""

    def __init__(self, companies: Iterable[Company]) -> None:
        self.companies: dict[str, Company] = {}
        self.people: dict[str, list[Person]] = {}
        for company in companies:
            self.companies[fold(company.name)] = company
            for person in company.people:
                self.people.setdefault(fold(person.name), []).append(person)

    def company(self, name: str) -> Company | None:
        return self.companies.get(fold(name)) if name else None

    def person(self, who: str, company: str) -> Person | None:
        named = self.people.get(fold(who), [])
        source = self.company(company)
        if source is not None:
            named = [p for p in named if p.company is source]
        if len(named) > 1:
            named = [p for p in named if same_name(who, p.name)]
        return named[0] if len(named) == 1 else None


class NotFound(PlaybookError):
    """A name that matches nobody, or more than one."""


class Ambiguous(NotFound):
    """A name that fits more than one person or company."""


def _words_match(query: str, name: str) -> bool:
    """Every word of the query is a word of the name ("zolkiewska", "anna zolkiewska")."""
    words = fold(name).split()
    return all(word in words for word in fold(query).split())


def _spans(name: str, size: int) -> Iterable[str]:
    """The runs of `size` consecutive words of a name: "Bosch Car Multimedia" by one
    word is Bosch, Car, Multimedia."""
    words = name.split()
    for start in range(max(1, len(words) - size + 1)):
        yield " ".join(words[start : start + size])


def find_company(plan: Plan, query: str, offer_to_add: bool = True) -> Company:
    """The company `query` names; `offer_to_add` ends a failed search with the command
    that adds it (not what `remove company` needs)."""
    exact = [c for c in plan.companies if fold(c.name) == fold(query)]
    found = exact or [c for c in plan.companies if fold(query) in fold(c.name)]
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(f"'{c.name}'" for c in found[:8])
        raise Ambiguous(f"'{query}' matches {len(found)} companies: {names}; give the full name")
    near = close_companies(query, plan.companies)
    hint = ""
    if near:
        hint = f"; did you mean {', '.join(repr(c.name) for c in near)}?"
    elif offer_to_add:
        hint = f"; add it first: playbook add company {shlex.quote(query)} --sector …"
    raise NotFound(f"no company called '{query}' in the plan{hint}")


def close_companies(query: str, companies: Sequence[Company]) -> list[Company]:
    """The companies a mistyped name may mean: its words nearly a run of their name's
    words ("Bosh" and "Bosch Car Multimedia", "Car Multimedai")."""
    size = len(query.split())
    candidates = [(span, c) for c in companies for span in [c.name, *_spans(c.name, size)]]
    return list(dict.fromkeys(close_matches(query, candidates)))


def find_sector(plan: Plan, query: str) -> Sector:
    found = next((s for s in plan.sectors if fold(s.name) == fold(query)), None)
    if found is not None:
        return found
    near = close_matches(query, ((s.name, s) for s in plan.sectors), n=1)
    if near:
        hint = f"did you mean '{near[0].name}'?"
    else:
        hint = "the sectors are " + ", ".join(f"'{s.name}'" for s in plan.sectors)
    raise NotFound(f"no sector called '{query}' in plan.yaml; {hint}")


def find_person(plan: Plan, query: str, company: str | None = None) -> Person:
    people: Sequence[Person] = plan.people
    at = None
    if company is not None:
        at = find_company(plan, company)
        people = [p for p in people if p.company is at]
    found = _best(query, people, lambda p: p.name)
    if len(found) == 1:
        return found[0]
    if found:
        raise Ambiguous(_ambiguous(query, found))
    candidates = [(p.name, p) for p in people]
    if len(query.split()) == 1:  # a surname alone is compared with surnames
        candidates += [(p.name.split()[-1], p) for p in people]
    near = list(dict.fromkeys(close_matches(query, candidates, n=3)))
    where = f" at {at.name}" if at else " in the plan"
    if near:
        names = ", ".join(f"'{p.name}' ({p.company.name})" for p in near)
        raise NotFound(f"nobody called '{query}'{where}; did you mean {names}?")
    company_words = shlex.quote(at.name) if at else "…"
    raise NotFound(
        f"nobody called '{query}'{where}; add them first: "
        f"playbook add person {shlex.quote(query)} --company {company_words}"
    )


def _ambiguous(query: str, found: list[Person]) -> str:
    listed = "\n".join(f"  {p.name} ({p.company.name})" for p in found[:12])
    more = f"\n  … and {len(found) - 12} more" if len(found) > 12 else ""
    pick = f"--company {shlex.quote(found[0].company.name)}"
    if all(same_name(p.name, found[0].name) for p in found):
        return (
            f"{len(found)} people are called '{found[0].name}':\n{listed}{more}\n"
            f"Choose one with --company, e.g. {pick}."
        )
    if all(fold(p.name) == fold(query) for p in found):
        return (
            f"'{query}' matches {len(found)} people:\n{listed}{more}\n"
            f"Type the name as the plan spells it, or choose one with --company, e.g. {pick}."
        )
    return (
        f"'{query}' matches {len(found)} people:\n{listed}{more}\n"
        "Give the full name, or choose the company with --company."
    )


# ---------------------------------------------------------------- near-duplicate companies

# Legal forms that do not tell two companies apart: "Bosch GmbH" is Bosch.
_LEGAL_FORMS = frozenset(
    {"ab", "ag", "as", "asa", "bv", "co", "corp", "corporation", "gmbh", "inc", "kg", "lda"}
    | {"limited", "llc", "ltd", "nv", "oy", "plc", "sa", "sarl", "sas", "se", "spa", "sp"}
    | {"srl", "z", "o"}
)
# Compact names shorter than this are too short to call one letter apart a typo.
TYPO_MIN_LENGTH = 4


def _words(name: str) -> list[str]:
    words = re.sub(r"[^\w]+", " ", fold(name)).split()
    return [w for w in words if w not in _LEGAL_FORMS] or words


def _one_edit_apart(a: str, b: str) -> bool:
    """At most one letter changed, missing or extra; a digit is never a typo ("Plant 1"
    and "Plant 12" are two plants)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    for i, (x, y) in enumerate(zip(a, b, strict=False)):
        if x != y:
            if x.isdigit() or y.isdigit():
                return False
            rest = a[i + 1 :] if len(a) == len(b) else a[i:]
            return rest == b[i + 1 :]
    return len(a) == len(b) or not b[-1].isdigit()


def _deletions(key: str) -> set[str]:
    """The key and the key less one letter: two keys one letter apart share one."""
    return {key, *(key[:i] + key[i + 1 :] for i, c in enumerate(key) if not c.isdigit())}


def looks_alike(a: str, b: str) -> bool:
    """Two company names that are probably one company: the words of one start the
    other ("DHL", "DHL Supply Chain"), or written without spaces, punctuation and legal
    form they are at most one letter apart ("Kuehne+Nagel", "Kühne + Nagel"; "Bosh",
    "Bosch")."""
    return _alike(tuple(_words(a)), tuple(_words(b)))


def _alike(words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    shorter, longer = sorted((words_a, words_b), key=len)
    if shorter and longer[: len(shorter)] == shorter:
        return True
    key_a, key_b = "".join(words_a), "".join(words_b)
    return min(len(key_a), len(key_b)) >= TYPO_MIN_LENGTH and _one_edit_apart(key_a, key_b)


def near_duplicates(companies: Sequence[Company]) -> list[tuple[Company, Company]]:
    """Pairs (later, earlier) of companies whose names look alike, each pair once.

    Candidates come from indexes (the words of a name and their leading runs; its
    one-letter deletions), so thousands of companies are not compared pair by pair."""
    by_words: dict[tuple[str, ...], list[int]] = {}  # the whole name, as words
    by_start: dict[tuple[str, ...], list[int]] = {}  # each leading run of words
    by_deletion: dict[str, list[int]] = {}
    pairs: list[tuple[Company, Company]] = []
    names = [tuple(_words(company.name)) for company in companies]
    for index, company in enumerate(companies):
        words = names[index]
        key = "".join(words)
        deletions = _deletions(key) if len(key) >= TYPO_MIN_LENGTH else set()
        candidates = set(by_start.get(words, []))
        for size in range(1, len(words)):
            candidates.update(by_words.get(words[:size], []))
        for variant in deletions:
            candidates.update(by_deletion.get(variant, []))
        for earlier in sorted(candidates):
            if _alike(words, names[earlier]):
                pairs.append((company, companies[earlier]))
        by_words.setdefault(words, []).append(index)
        for size in range(1, len(words) + 1):
            by_start.setdefault(words[:size], []).append(index)
        for variant in deletions:
            by_deletion.setdefault(variant, []).append(index)
    return pairs


def look_alikes(name: str, companies: Sequence[Company]) -> list[Company]:
    """The companies a new one named `name` may duplicate, the closest first: those whose
    names look alike (`looks_alike`, the rule `check` warns by) and those a typo away
    from a run of its words (`close_companies`, the rule `--company` suggests by)."""
    found = [c for c in companies if looks_alike(name, c.name)]
    found += [c for c in close_companies(name, companies) if c not in found]
    return sorted(found, key=lambda c: -likeness(name, c.name))
