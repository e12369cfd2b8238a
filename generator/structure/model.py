"""Dataclasses for a plan. Derived facts (stage, last contact, slugs) are set once, in derive."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import Location, Problem

ACTIONS = (
    "invited",
    "connected",
    "messaged",
    "replied",
    "met",
    "referred",
    "declined",
    "followed_up",
)
FOCUSES = ("operations", "hr", "recruiter", "other")
CHANNELS = ("phone", "email", "linkedin", "meeting", "other")
MESSAGE_KINDS = ("invite", "email_subject", "email", "follow_up")
# Stages in funnel order; `declined` sits outside the progression.
STAGES = ("identified", "invited", "connected", "replied", "met", "declined")


@dataclass
class Me:
    name: str
    headline: str
    goal: str
    location: str = ""
    linkedin: str = ""
    email: str = ""
    country: str = ""


@dataclass
class Targets:
    companies: int = 30
    companies_per_sector: int = 12
    recruitment_firms: int | None = None  # default: twice companies_per_sector
    people: int = 80
    people_per_company: int = 2
    invites_per_week: int = 15
    keep_alive_days: int = 90
    note_limit: int = 300


@dataclass
class Touch:
    date: dt.date
    action: str
    channel: str = ""
    note: str = ""
    location: Location | None = None


@dataclass(eq=False)
class Person:
    name: str
    company: Company
    location: Location
    role: str = ""
    focus: str = "other"
    country: str = ""
    linkedin: str = ""
    email: str = ""
    hook: str = ""
    first_name: str = ""
    messages: dict[str, str] = field(default_factory=dict)
    message_locations: dict[str, Location] = field(default_factory=dict)
    touches: list[Touch] = field(default_factory=list)
    # Touches dated up to the day the plan is computed for; derived facts read only these.
    history: list[Touch] = field(default_factory=list)
    slug: str = ""
    stage: str = "identified"
    reached: str = "identified"
    last_contact: dt.date | None = None
    invited_on: dt.date | None = None

    abroad: bool = False

    @property
    def sector(self) -> Sector:
        return self.company.sector


@dataclass(eq=False)
class Company:
    name: str
    sector: Sector
    location: Location
    country: str = ""
    website: str = ""
    why: str = ""
    priority: int = 2
    abroad: bool = False
    people: list[Person] = field(default_factory=list)
    slug: str = ""


@dataclass(eq=False)
class Sector:
    name: str
    location: Location
    why: str = ""
    recruiters: bool = False
    companies: list[Company] = field(default_factory=list)
    slug: str = ""

    @property
    def people(self) -> list[Person]:
        return [person for company in self.companies for person in company.people]


@dataclass(eq=False)
class Inbound:
    date: dt.date
    who: str
    location: Location
    company_name: str = ""
    channel: str = "other"
    about: str = ""
    relevance: int | None = None
    person: Person | None = None
    company: Company | None = None

    @property
    def sector(self) -> Sector | None:
        return self.company.sector if self.company else None


@dataclass(eq=False)
class Plan:
    plans_dir: Path
    me: Me
    targets: Targets
    sectors: list[Sector]
    messages: dict[str, str]
    message_locations: dict[str, Location] = field(default_factory=dict)
    companies: list[Company] = field(default_factory=list)
    inbound: list[Inbound] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def people(self) -> list[Person]:
        return [person for company in self.companies for person in company.people]

    @property
    def home_country(self) -> str:
        """`me.country`, else the last part of `me.location` ("Warsaw, Poland" → "Poland")."""
        return self.me.country or self.me.location.rsplit(",", 1)[-1].strip()
