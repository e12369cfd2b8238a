"""What a plan's data says as of one day, beside the records it is about.

`model.derive.plan_facts` works these out once, after reading; every page, command and
metric reads them instead of working them out again. The records of `model.model` stay
as the files say them; each has its facts here, found by the record:
`facts[person].stage`, `facts[company].slug`, `facts[sector].people`. A value a file may
leave out has its effective form under its own name: `effective_first_name` (the first
word of the name when `first_name` is not given) and `effective_country` (the company's
when the person's is not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import overload

from generator.model.model import Company, Inbound, Person, Plan, Sector, Touch
from generator.model.vocabulary import INVITATION_ANSWERS, OUTREACH, Action, Channel, Stage


@dataclass(frozen=True)
class Unanswered:
    """My outreach to someone who never answered: the first message and what followed it,
    one touch a day (the day's last), oldest first."""

    attempts: tuple[Touch, ...]
    # Whether any of those messages went by e-mail: a day's e-mail counts even when the
    # day's last touch, the one in `attempts`, was an invitation.
    emailed: bool

    @property
    def first(self) -> Touch:
        return self.attempts[0]

    @property
    def last(self) -> Touch:
        return self.attempts[-1]

    @property
    def follow_ups(self) -> int:
        """How many times I wrote again after the first message."""
        return len(self.attempts) - 1


@dataclass(frozen=True, eq=False)
class PersonFacts:
    person: Person
    # The page's address: `people/<slug>`.
    slug: str
    # `first_name` as written, else the first word of the name: what a message calls them.
    effective_first_name: str
    # `country` as written, else the company's ("" when neither says).
    effective_country: str
    # In another country than mine (unknown counts as home).
    abroad: bool
    # Touches dated up to the day, oldest first; every fact below reads only these.
    history: tuple[Touch, ...]
    # Touches dated after the day: booked calls and meetings, coming up.
    planned: tuple[Touch, ...]
    # The history that is the campaign's: all of it but a connection older than any
    # outreach (that one makes the person `already_connected_on`, not reached).
    campaign: tuple[Touch, ...]
    # A LinkedIn connection that predates my outreach: usable, but not the plan's reach.
    already_connected_on: dt.date | None
    # Inbound entries from this person, up to the day.
    inbound: tuple[Inbound, ...]
    stage: Stage
    # The furthest stage reached, whatever happened after it.
    reached: Stage
    last_contact: dt.date | None
    # The first outreach of mine on any channel (invitation, cold e-mail, follow-up).
    reached_out_on: dt.date | None
    # An invitation still waiting for `connected` (not withdrawn), dated from the latest.
    pending_since: dt.date | None
    # When I withdrew the latest invitation, while it has not been sent again.
    withdrawn_on: dt.date | None
    # My outreach while the person has never answered (no connect, reply, meeting,
    # decline or call from them); None once they answer, or before any outreach.
    unanswered: Unanswered | None

    @property
    def contacted(self) -> bool:
        """Contacted by me: a touch of the campaign. A call or message from them alone is
        not (they wait for my answer: `waiting_for_me`), nor is a connection older than
        any outreach."""
        return bool(self.campaign)

    @property
    def in_touch(self) -> bool:
        """Contacted, they wrote to me, or something is booked with them: not one for a
        cold first message."""
        return self.contacted or bool(self.inbound) or bool(self.planned)

    @property
    def answered(self) -> bool:
        """They answered, in any way: accepted, replied, met, declined, or called or wrote
        to me. Whoever answered is in the keep-alive cycle, not the reminders'."""
        return bool(self.inbound) or any(t.action in INVITATION_ANSWERS for t in self.campaign)

    @property
    def waiting_for_me(self) -> Inbound | None:
        """Their latest call or message, while they reached out and I never contacted
        them: they are waiting for my answer."""
        if self.contacted or not self.inbound:
            return None
        return max(self.inbound, key=lambda entry: entry.date)

    @property
    def emailed(self) -> bool:
        """Whether any outreach of mine to them went by e-mail, answered or not."""
        return any(t.action in OUTREACH and t.channel is Channel.EMAIL for t in self.history)

    @property
    def linkedin_connection(self) -> bool:
        """A LinkedIn connection (old or made by the campaign): one I can send a LinkedIn
        message to. While an invitation is pending, I cannot."""
        return any(t.action is Action.CONNECTED for t in self.history)

    @property
    def timeline(self) -> list[Touch | Inbound]:
        """What happened with this person, oldest first: touches in `Touch.order`, their
        calls to me after the touches of the same day."""
        entries: list[Touch | Inbound] = [*self.history, *self.inbound]
        return sorted(entries, key=_timeline_order)


def _timeline_order(entry: Touch | Inbound) -> tuple[dt.date, bool, dt.time, int]:
    if isinstance(entry, Touch):
        return entry.order
    return (entry.date, True, dt.time.max, entry.location.line)


@dataclass(frozen=True, eq=False)
class CompanyFacts:
    company: Company
    # The page's address: `companies/<slug>`.
    slug: str
    abroad: bool
    # Inbound entries from the company (named, or from one of its people), up to the day.
    inbound: tuple[Inbound, ...]
    # Its people's facts, in the order the file lists them.
    people: tuple[PersonFacts, ...]


@dataclass(frozen=True, eq=False)
class SectorFacts:
    sector: Sector
    # The page's address: `sectors/<slug>/`.
    slug: str
    companies: tuple[CompanyFacts, ...]

    @property
    def people(self) -> list[PersonFacts]:
        return [person for company in self.companies for person in company.people]


@dataclass(frozen=True, eq=False)
class PlanFacts:
    """The facts of every record of one plan as of `today`, looked up by the record."""

    plan: Plan
    today: dt.date
    # The first outreach of mine to anyone, up to today: the campaign's start.
    first_outreach: dt.date | None
    person_facts: Mapping[Person, PersonFacts]
    company_facts: Mapping[Company, CompanyFacts]
    sector_facts: Mapping[Sector, SectorFacts]

    @cached_property
    def people(self) -> tuple[PersonFacts, ...]:
        """Everyone's facts, in the plan's order."""
        return tuple(self.person_facts.values())

    @overload
    def __getitem__(self, record: Person) -> PersonFacts: ...
    @overload
    def __getitem__(self, record: Company) -> CompanyFacts: ...
    @overload
    def __getitem__(self, record: Sector) -> SectorFacts: ...

    def __getitem__(
        self, record: Person | Company | Sector
    ) -> PersonFacts | CompanyFacts | SectorFacts:
        if isinstance(record, Person):
            return self.person_facts[record]
        if isinstance(record, Company):
            return self.company_facts[record]
        return self.sector_facts[record]
