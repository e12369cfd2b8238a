"""Counts, funnels and series: how far people got, how steady the outreach is, and
what comes back. Each reads the plan's facts as of their day (`PlanFacts`); a count of
a group of people reads their facts (`facts[company].people`, `facts.people`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from generator.model.facts import PersonFacts, PlanFacts
from generator.model.model import Inbound, Sector, Touch
from generator.model.vocabulary import OUTREACH, PROGRESSION, Action, Focus, Stage, depth
from generator.wording import plural

WEEKS_SHOWN = 26


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def stage_counts(people: Iterable[PersonFacts]) -> dict[Stage, int]:
    counts = Counter(person.stage for person in people)
    return {stage: counts.get(stage, 0) for stage in Stage}


def reached_counts(people: Sequence[PersonFacts]) -> dict[Stage, int]:
    """How many people got at least as far as each stage (declines included)."""
    return {
        stage: sum(1 for p in people if depth(p.reached) >= depth(stage)) for stage in PROGRESSION
    }


def conversions(people: Sequence[PersonFacts]) -> dict[str, float | None]:
    """Share of those who reached one stage that reached the next ('invited→connected')."""
    counts = reached_counts(people)
    return {
        f"{before}→{after}": counts[after] / counts[before] if counts[before] else None
        for before, after in pairwise(PROGRESSION[1:])
    }


def contacted_count(people: Iterable[PersonFacts]) -> int:
    return sum(1 for p in people if p.contacted)


def already_connected_count(people: Iterable[PersonFacts]) -> int:
    """Connections older than the plan that the campaign has not contacted yet: usable,
    and not counted as reached."""
    return sum(1 for p in people if p.already_connected_on is not None and not p.contacted)


def furthest_stage(people: Iterable[PersonFacts]) -> Stage:
    """The most advanced stage among people (a decline counts below invited)."""
    order = [Stage.IDENTIFIED, Stage.DECLINED, *PROGRESSION[1:]]
    return max((p.stage for p in people), key=order.index, default=Stage.IDENTIFIED)


def invitations(person: PersonFacts) -> list[Touch]:
    """The person's invitations: every `invited`, and a cold first message on any channel
    (an e-mail is the invitation when there is no LinkedIn)."""
    outreach = [t for t in person.history if t.action in OUTREACH]
    found = [t for t in outreach if t.action is Action.INVITED]
    if outreach and outreach[0].action is not Action.INVITED:
        found.insert(0, outreach[0])
    return found


def invitation_dates(facts: PlanFacts) -> list[dt.date]:
    return [touch.date for person in facts.people for touch in invitations(person)]


def invites_per_week(facts: PlanFacts, weeks: int = WEEKS_SHOWN) -> list[tuple[dt.date, int]]:
    """(Monday, invitations) for the last `weeks` ISO weeks, oldest first, this week last."""
    this_week = week_start(facts.today)
    mondays = [this_week - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    counts = Counter(week_start(day) for day in invitation_dates(facts))
    return [(monday, counts.get(monday, 0)) for monday in mondays]


def invited_this_week(facts: PlanFacts) -> int:
    return invites_per_week(facts, weeks=1)[0][1]


def streak(facts: PlanFacts) -> int:
    """Consecutive weeks on the cadence target, back from last week (this week if already met)."""
    target = facts.plan.targets.invites_per_week
    weeks = invites_per_week(facts, weeks=WEEKS_SHOWN * 4)
    if weeks[-1][1] < target:
        weeks = weeks[:-1]
    count = 0
    for _, invited in reversed(weeks):
        if invited < target:
            break
        count += 1
    return count


def weeks_in_a_row(count: int) -> str:
    return plural(count, "week in a row", "weeks in a row")


def first_outreach_channel(person: PersonFacts) -> str:
    found = invitations(person)
    if not found:
        return "not invited"
    return str(found[0].channel) if found[0].channel else "unknown"


def funnel_by_channel(facts: PlanFacts) -> dict[str, dict[Stage, int]]:
    channels: dict[str, list[PersonFacts]] = {}
    for person in facts.people:
        if person.reached_out_on is not None:
            channels.setdefault(first_outreach_channel(person), []).append(person)
    return {name: reached_counts(people) for name, people in sorted(channels.items())}


def inbound_last_12_months(facts: PlanFacts) -> list[Inbound]:
    start = facts.today - dt.timedelta(days=365)
    return [entry for entry in facts.plan.inbound if start <= entry.date <= facts.today]


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def last_months(today: dt.date, count: int = 12) -> list[dt.date]:
    """First days of the last `count` months, oldest first, this month last."""
    months = [month_start(today)]
    while len(months) < count:
        months.append(month_start(months[-1] - dt.timedelta(days=1)))
    return months[::-1]


def inbound_per_month(facts: PlanFacts) -> list[tuple[dt.date, int]]:
    months = last_months(facts.today)
    counts = Counter(
        month_start(entry.date)
        for entry in facts.plan.inbound
        if months[0] <= entry.date <= facts.today
    )
    return [(month, counts.get(month, 0)) for month in months]


OUTSIDE = "outside the plan"


def inbound_by_sector(facts: PlanFacts) -> dict[str, int]:
    counts = Counter(
        entry.sector.name if entry.sector else OUTSIDE for entry in inbound_last_12_months(facts)
    )
    ordered = [s.name for s in facts.plan.sectors if counts.get(s.name)]
    if counts.get(OUTSIDE):
        ordered.append(OUTSIDE)
    return {name: counts[name] for name in ordered}


def inbound_by_company(facts: PlanFacts) -> list[tuple[str, int]]:
    counts = Counter(entry.company_shown or "unknown" for entry in inbound_last_12_months(facts))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def average_relevance(facts: PlanFacts) -> float | None:
    scores = [e.relevance for e in inbound_last_12_months(facts) if e.relevance is not None]
    return round(sum(scores) / len(scores), 2) if scores else None


@dataclass(frozen=True)
class Coverage:
    sector: Sector
    focus: dict[Focus, int]
    home: int
    abroad: int
    unknown: int  # no country for the person or their company


def coverage(facts: PlanFacts) -> list[Coverage]:
    rows = []
    for sector in facts.plan.sectors:
        people = facts[sector].people
        focus = Counter(p.person.focus for p in people)
        abroad = sum(1 for p in people if p.abroad)
        unknown = sum(1 for p in people if not p.effective_country)
        rows.append(
            Coverage(
                sector=sector,
                focus={name: focus.get(name, 0) for name in Focus},
                home=len(people) - abroad - unknown,
                abroad=abroad,
                unknown=unknown,
            )
        )
    return rows
