"""Dataclasses for a plan: the one model every page, command and metric reads.

The fields a constructor takes are exactly the keys of the plan files (plus the
`location` a record came from); `tests/test_schema.py` holds the two together. Every
other field is a link or a derived fact (`init=False`), set once by `model.derive`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import Location, Problem
from generator.model.vocabulary import Action, Channel, Focus, MessageKind, Stage

if TYPE_CHECKING:
    from generator.drafts.drafts import Draft


@dataclass(frozen=True)
class Template:
    """A message template as the user wrote it, and where: for a block (`|`), where its
    first line is, so a template's line k is the file's line `location.line + k`."""

    text: str
    location: Location
    block: bool = False


Messages = dict[MessageKind, Template]


class PlanMessages(dict[MessageKind, Template]):
    """The plan's templates by kind; `language`, the language they are written in ("" if
    not said); and `languages`, more templates by language code (`messages.de.invite`)."""

    def __init__(self, templates: Messages, language: str, languages: dict[str, Messages]) -> None:
        super().__init__(templates)
        self.language = language
        self.languages = languages


@dataclass
class Me:
    name: str
    headline: str
    goal: str
    location: str
    country: str
    linkedin: str
    email: str
    # Where each key's value is written, for messages about one of them.
    key_locations: dict[str, Location] = field(init=False, default_factory=dict)


@dataclass
class Targets:
    companies: int
    companies_per_sector: int
    recruitment_firms: int | None
    people: int
    people_per_company: int
    invites_per_week: int
    keep_alive_days: int
    note_limit: int
    follow_up_after_days: int
    linkedin_invites_per_week: int
    notes_per_month: int | None

    @property
    def recruiter_companies(self) -> int:
        """Recruitment firms are listed by the several dozen: twice the sector target.
        They come on top of `companies`, which counts the other sectors' companies."""
        return self.recruitment_firms or self.companies_per_sector * 2


@dataclass
class Touch:
    date: dt.date
    action: Action
    channel: Channel | None
    note: str
    time: dt.time | None
    location: Location

    @property
    def when(self) -> str:
        """The date, and the time when one is known: `2026-12-03 10:00`."""
        day = self.date.isoformat()
        return f"{day} {self.time:%H:%M}" if self.time is not None else day


@dataclass(frozen=True)
class Unanswered:
    """My outreach to someone who never answered: the first message and what followed it,
    one touch a day (the day's last), oldest first."""

    attempts: tuple[Touch, ...]

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

    @property
    def emailed(self) -> bool:
        return any(touch.channel is Channel.EMAIL for touch in self.attempts)


@dataclass(eq=False)
class Person:
    name: str
    first_name: str
    role: str
    focus: Focus
    country: str
    linkedin: str
    email: str
    hook: str
    # The language to write to this person in (a code such as "de"); else the company's.
    language: str
    messages: Messages
    touches: list[Touch]
    location: Location
    company: Company = field(init=False)
    slug: str = field(init=False, default="")
    # Touches dated up to the day the plan is computed for; derived facts read only these.
    history: list[Touch] = field(init=False, default_factory=list)
    # Touches dated after that day: booked calls and meetings, coming up.
    planned: list[Touch] = field(init=False, default_factory=list)
    # The history that is the campaign's: all of it but a connection older than any
    # outreach (that one makes the person `already_connected_on`, not reached).
    campaign: list[Touch] = field(init=False, default_factory=list)
    # A LinkedIn connection that predates my outreach: usable, but not the plan's reach.
    already_connected_on: dt.date | None = field(init=False, default=None)
    # Inbound entries from this person, up to that day.
    inbound: list[Inbound] = field(init=False, default_factory=list)
    stage: Stage = field(init=False, default=Stage.IDENTIFIED)
    reached: Stage = field(init=False, default=Stage.IDENTIFIED)
    last_contact: dt.date | None = field(init=False, default=None)
    # The first outreach of mine on any channel (invitation, cold e-mail, follow-up).
    reached_out_on: dt.date | None = field(init=False, default=None)
    # An invitation still waiting for `connected` (not withdrawn), dated from the latest.
    pending_since: dt.date | None = field(init=False, default=None)
    # When I withdrew the latest invitation, while it has not been sent again.
    withdrawn_on: dt.date | None = field(init=False, default=None)
    # My outreach while the person has never answered (no connect, reply, meeting,
    # decline or call from them); None once they answer, or before any outreach.
    unanswered: Unanswered | None = field(init=False, default=None)
    abroad: bool = field(init=False, default=False)
    drafts: dict[MessageKind, Draft] = field(init=False, default_factory=dict)

    @property
    def sector(self) -> Sector:
        return self.company.sector

    @property
    def contacted(self) -> bool:
        """In contact already: a touch of the campaign, or a call from them. A connection
        older than any outreach alone is not contact of the plan's."""
        return bool(self.campaign or self.inbound)

    @property
    def in_touch(self) -> bool:
        """Contacted, or something is booked with them: not one for a cold first message."""
        return self.contacted or bool(self.planned)

    @property
    def reachable(self) -> bool:
        return bool(self.linkedin or self.email)

    @property
    def channel(self) -> Channel | None:
        """Where a first message goes: LinkedIn when known, else e-mail."""
        if self.linkedin:
            return Channel.LINKEDIN
        if self.email:
            return Channel.EMAIL
        return None

    @property
    def timeline(self) -> list[Touch | Inbound]:
        """What happened with this person, oldest first: touches and their calls to me."""
        entries: list[Touch | Inbound] = [*self.history, *self.inbound]
        return sorted(entries, key=lambda entry: entry.date)


@dataclass(eq=False)
class Company:
    name: str
    sector: Sector
    country: str
    website: str
    why: str
    priority: int
    # The language to write to its people in, unless a person has their own.
    language: str
    people: list[Person]
    location: Location
    slug: str = field(init=False, default="")
    abroad: bool = field(init=False, default=False)
    inbound: list[Inbound] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        for person in self.people:
            person.company = self


@dataclass(eq=False)
class Sector:
    name: str
    why: str
    recruiters: bool
    location: Location
    companies: list[Company] = field(init=False, default_factory=list)
    slug: str = field(init=False, default="")

    @property
    def people(self) -> list[Person]:
        return [person for company in self.companies for person in company.people]


@dataclass(eq=False)
class Inbound:
    date: dt.date
    who: str
    company: str
    channel: Channel
    about: str
    relevance: int | None
    location: Location
    person: Person | None = field(init=False, default=None)
    # The plan's company this came from: the one named, else the person's.
    source: Company | None = field(init=False, default=None)

    @property
    def sector(self) -> Sector | None:
        return self.source.sector if self.source else None

    @property
    def company_shown(self) -> str:
        """The company as a page names it."""
        if self.source is not None:
            return self.source.name
        return self.company


@dataclass
class InvitationDay:
    """Invitations sent on one day, to anyone, and how many carried a personalised note."""

    date: dt.date
    sent: int
    notes: int
    location: Location


@dataclass
class PendingDay:
    """Invitations sent on one day to people outside the plan, still not accepted."""

    date: dt.date
    count: int
    location: Location


@dataclass
class LinkedInCounts:
    """`plans/linkedin.yaml`: what LinkedIn's export counted as of its date, for the
    LinkedIn budget (the plan itself holds only touches with people in it)."""

    exported_on: dt.date
    invitations: list[InvitationDay]
    pending: list[PendingDay]
    location: Location


@dataclass(eq=False)
class Plan:
    me: Me
    targets: Targets
    sectors: list[Sector]
    messages: PlanMessages
    location: Location
    companies: list[Company] = field(init=False, default_factory=list)
    inbound: list[Inbound] = field(init=False, default_factory=list)
    # LinkedIn's own counts from the last import of its export, if any.
    linkedin: LinkedInCounts | None = field(init=False, default=None)
    warnings: list[Problem] = field(init=False, default_factory=list)
    today: dt.date = field(init=False, default=dt.date.min)
    # The first outreach of mine to anyone, up to today: the campaign's start.
    first_outreach: dt.date | None = field(init=False, default=None)
    # Figures worked out once per plan by the metrics (this week's batch, follow-ups).
    memo: dict[str, Any] = field(init=False, default_factory=dict)

    @property
    def plans_dir(self) -> Path:
        return self.location.path.parent

    @property
    def people(self) -> list[Person]:
        return [person for company in self.companies for person in company.people]

    @property
    def home_country(self) -> str:
        """`me.country`, else the last part of `me.location` ("Warsaw, Poland" → "Poland")."""
        return self.me.country or self.me.location.rsplit(",", 1)[-1].strip()
