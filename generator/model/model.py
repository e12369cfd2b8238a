"""Dataclasses for a plan as its files say it: the one model every page, command and
metric reads, frozen once read.

A constructor takes exactly the keys of a plan file, the `location` a record came from,
and what reading joins to it (a plan's companies, inbound entries and LinkedIn counts;
the person and company an inbound entry names); `tests/test_schema.py` holds the two
together. Values stay as written: a person without `first_name` has "" there. What the
data means as of a day (stages, last contact, a person's first name or country when the
file leaves it out, page addresses) is in `model.facts`, worked out once by
`model.derive`.

The records link both ways: a company holds its people and each person names their
company; a sector lists its companies and each company names its sector. The link back
is tied once, while the record at the other end is built (`_tie`); after that, nothing
is ever assigned.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.errors import Location
from generator.model.vocabulary import Action, Channel, Focus, MessageKind


def _tie(record: object, name: str, value: object) -> None:
    """Set the link back up the tree (a person's company, a sector's companies) while
    the record at the other end is built: made before the plan exists, and never again."""
    object.__setattr__(record, name, value)


@dataclass(frozen=True)
class Template:
    """A message template as the user wrote it, and where: for a block (`|`), where its
    first line is, so a template's line k is the file's line `location.line + k`."""

    text: str
    location: Location
    block: bool = False


Messages = Mapping[MessageKind, Template]


@dataclass(frozen=True, eq=False)
class PlanMessages(Mapping[MessageKind, Template]):
    """The plan's templates by kind; `language`, the language they are written in ("" if
    not said); and `languages`, more templates by language code (`messages.de.invite`)."""

    templates: Messages
    language: str
    languages: Mapping[str, Messages]

    def __getitem__(self, kind: MessageKind) -> Template:
        return self.templates[kind]

    def __iter__(self) -> Iterator[MessageKind]:
        return iter(self.templates)

    def __len__(self) -> int:
        return len(self.templates)


@dataclass(frozen=True)
class Me:
    name: str
    headline: str
    goal: str
    location: str
    country: str
    linkedin: str
    email: str
    # Where each key's value is written, for messages about one of them.
    key_locations: Mapping[str, Location]


@dataclass(frozen=True)
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


@dataclass(frozen=True)
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

    @property
    def order(self) -> tuple[dt.date, bool, dt.time, int]:
        """Where the touch falls among others: by date, then by time where one is given
        (a touch without a time after the timed ones of its day), then by its line in the
        file: of two touches alike, the one logged last is the later."""
        return (self.date, self.time is None, self.time or dt.time.min, self.location.line)


@dataclass(frozen=True, eq=False)
class Person:
    name: str
    # As written: "" when the file gives none (facts have the one to greet them with).
    first_name: str
    role: str
    focus: Focus
    # As written: "" when the file gives none (facts fall back on the company's).
    country: str
    linkedin: str
    email: str
    hook: str
    # The language to write to this person in (a code such as "de"); else the company's.
    language: str
    messages: Messages
    # In the order the file lists them.
    touches: tuple[Touch, ...]
    location: Location
    # Tied by the company that lists the person.
    company: Company = field(init=False, repr=False)

    @property
    def sector(self) -> Sector:
        return self.company.sector

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


@dataclass(frozen=True, eq=False)
class Company:
    name: str
    sector: Sector
    country: str
    website: str
    why: str
    priority: int
    # The language to write to its people in, unless a person has their own.
    language: str
    people: tuple[Person, ...]
    location: Location

    def __post_init__(self) -> None:
        for person in self.people:
            _tie(person, "company", self)


@dataclass(frozen=True, eq=False)
class Sector:
    name: str
    why: str
    recruiters: bool
    location: Location
    # Tied by the plan, in the order of the company files.
    companies: tuple[Company, ...] = field(init=False, repr=False, default=())

    @property
    def people(self) -> list[Person]:
        return [person for company in self.companies for person in company.people]


@dataclass(frozen=True, eq=False)
class Inbound:
    date: dt.date
    who: str
    company: str
    channel: Channel
    about: str
    relevance: int | None
    location: Location
    # The person of the plan `who` names, if exactly one (see `lookup.InboundMatcher`).
    person: Person | None
    # The plan's company this came from: the one named, else the person's.
    source: Company | None

    @property
    def sector(self) -> Sector | None:
        return self.source.sector if self.source else None

    @property
    def company_shown(self) -> str:
        """The company as a page names it."""
        if self.source is not None:
            return self.source.name
        return self.company


@dataclass(frozen=True)
class InvitationDay:
    """Invitations sent on one day, to anyone, and how many carried a personalised note."""

    date: dt.date
    sent: int
    notes: int
    location: Location


@dataclass(frozen=True)
class PendingDay:
    """Invitations sent on one day to people outside the plan, still not accepted."""

    date: dt.date
    count: int
    location: Location


@dataclass(frozen=True)
class LinkedInCounts:
    """`plans/linkedin.yaml`: what LinkedIn's export counted as of its date, for the
    LinkedIn budget (the plan itself holds only touches with people in it)."""

    exported_on: dt.date
    invitations: tuple[InvitationDay, ...]
    pending: tuple[PendingDay, ...]
    location: Location


@dataclass(frozen=True, eq=False)
class Plan:
    me: Me
    targets: Targets
    sectors: tuple[Sector, ...]
    messages: PlanMessages
    location: Location
    # From the company files, in file order.
    companies: tuple[Company, ...]
    inbound: tuple[Inbound, ...]
    # LinkedIn's own counts from the last import of its export, if any.
    linkedin: LinkedInCounts | None

    def __post_init__(self) -> None:
        for sector in self.sectors:
            _tie(sector, "companies", tuple(c for c in self.companies if c.sector is sector))

    @property
    def plans_dir(self) -> Path:
        return self.location.path.parent

    @cached_property
    def people(self) -> tuple[Person, ...]:
        return tuple(person for company in self.companies for person in company.people)

    @property
    def home_country(self) -> str:
        """`me.country`, else the last part of `me.location` ("Warsaw, Poland" → "Poland")."""
        return self.me.country or self.me.location.rsplit(",", 1)[-1].strip()
