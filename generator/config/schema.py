"""The shape of every plan file, as fields. Key names here are the product contract."""

from __future__ import annotations

from generator.config.fields import (
    Boolean,
    Choice,
    Date,
    Email,
    Integer,
    ListOf,
    Mapping,
    Template,
    Text,
    Url,
)
from generator.structure.model import ACTIONS, CHANNELS, FOCUSES, MESSAGE_KINDS

MESSAGES = Mapping({kind: Template() for kind in MESSAGE_KINDS})

ME = Mapping(
    {
        "name": Text(required=True),
        "headline": Text(required=True),
        "goal": Text(required=True),
        "location": Text(),
        "country": Text(),
        "linkedin": Url(),
        "email": Email(),
    },
    required=True,
)

# Upper bounds keep date arithmetic and charts sane; they are far above any real plan.
TARGETS = Mapping(
    {
        "companies": Integer(minimum=1, maximum=100_000),
        "companies_per_sector": Integer(minimum=1, maximum=10_000),
        "recruitment_firms": Integer(minimum=1, maximum=10_000),
        "people": Integer(minimum=1, maximum=1_000_000),
        "people_per_company": Integer(minimum=1, maximum=1_000),
        "invites_per_week": Integer(minimum=1, maximum=10_000),
        "keep_alive_days": Integer(minimum=1, maximum=3_650),
        "note_limit": Integer(minimum=1, maximum=100_000),
    }
)

SECTOR = Mapping(
    {
        "name": Text(required=True),
        "why": Text(),
        "recruiters": Boolean(),
    }
)

PLAN = Mapping(
    {
        "me": ME,
        "targets": TARGETS,
        "sectors": ListOf(SECTOR, required=True),
        "messages": MESSAGES,
    }
)

TOUCH = Mapping(
    {
        "date": Date(required=True),
        "action": Choice(ACTIONS, required=True),
        "channel": Choice(CHANNELS),
        "note": Text(),
    }
)

PERSON = Mapping(
    {
        "name": Text(required=True),
        "first_name": Text(),
        "role": Text(),
        "focus": Choice(FOCUSES),
        "country": Text(),
        "linkedin": Url(),
        "email": Email(),
        "hook": Text(),
        "messages": MESSAGES,
        "touches": ListOf(TOUCH),
    }
)

COMPANY = Mapping(
    {
        "name": Text(required=True),
        "sector": Text(required=True),
        "country": Text(),
        "website": Url(),
        "why": Text(),
        "priority": Integer(minimum=1, maximum=3),
        "people": ListOf(PERSON),
    }
)

INBOUND_ENTRY = Mapping(
    {
        "date": Date(required=True),
        "who": Text(required=True),
        "company": Text(),
        "channel": Choice(CHANNELS),
        "about": Text(),
        "relevance": Integer(minimum=1, maximum=5),
    }
)

INBOUND = ListOf(INBOUND_ENTRY)
