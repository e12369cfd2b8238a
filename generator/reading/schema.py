"""The shape of every plan file: each key, whether it is required, and its default.

Key names here are the product contract. This is the one place a default lives: the
model's dataclasses take every key as given here (see `tests/test_schema.py`).
"""

from __future__ import annotations

from generator.model.vocabulary import Action, Channel, Focus, MessageKind
from generator.reading.fields import (
    DEFAULTS,
    Boolean,
    Choice,
    Date,
    Email,
    Integer,
    Language,
    LinkedInUrl,
    ListOf,
    Mapping,
    Name,
    Optional,
    Required,
    Sections,
    Template,
    Text,
    Time,
    Url,
)

MESSAGES = Mapping(*(Optional(kind.value, Template()) for kind in MessageKind))

# The plan's templates, the language they are in, and sections of templates per
# language: `de: {invite: …}` is the invitation for people written to in German
# (`language: de` on them or their company).
PLAN_MESSAGES = Mapping(
    Optional("language", Language(), ""),
    *MESSAGES.keys.values(),
    sections=Sections(MESSAGES, "a language code (de, fr, …) holding templates in that language"),
)

ME = Mapping(
    Required("name", Name()),
    Required("headline", Text()),
    Required("goal", Text()),
    Optional("location", Text(), ""),
    Optional("country", Text(max_length=100), ""),
    Optional("linkedin", LinkedInUrl(), ""),
    Optional("email", Email(), ""),
)

# Upper bounds keep date arithmetic and charts sane; they are far above any real plan.
TARGETS = Mapping(
    Optional("companies", Integer(minimum=1, maximum=100_000), 30),
    Optional("companies_per_sector", Integer(minimum=1, maximum=10_000), 12),
    # None: twice companies_per_sector (recruitment firms are listed by the dozen).
    Optional("recruitment_firms", Integer(minimum=1, maximum=10_000), None),
    Optional("people", Integer(minimum=1, maximum=1_000_000), 80),
    Optional("people_per_company", Integer(minimum=1, maximum=1_000), 2),
    Optional("invites_per_week", Integer(minimum=1, maximum=10_000), 15),
    Optional("keep_alive_days", Integer(minimum=1, maximum=3_650), 90),
    Optional("note_limit", Integer(minimum=1, maximum=100_000), 300),
    # Business days (Monday to Friday) without an answer before a reminder is due.
    Optional("follow_up_after_days", Integer(minimum=1, maximum=365), 7),
    # LinkedIn's own limits: invitations a week (about 100), personalised notes a month
    # (None: no quota, as on Premium; a free account gets only a few).
    Optional("linkedin_invites_per_week", Integer(minimum=1, maximum=10_000), 100),
    Optional("notes_per_month", Integer(minimum=0, maximum=10_000), None),
)

SECTOR = Mapping(
    Required("name", Name()),
    Optional("why", Text(max_length=1000), ""),
    Optional("recruiters", Boolean(), False),
)

PLAN = Mapping(
    Required("me", ME),
    Optional("targets", TARGETS, DEFAULTS),
    Required("sectors", ListOf(SECTOR, noun="sector")),
    Optional("messages", PLAN_MESSAGES, DEFAULTS),
)

TOUCH = Mapping(
    Required("date", Date()),
    Required("action", Choice(Action)),
    Optional("channel", Choice(Channel), None),
    Optional("note", Text(max_length=2000, multiline=True), ""),
    # When on that day (a booked call or meeting): a timed calendar event.
    Optional("time", Time(), None),
)

PERSON = Mapping(
    Required("name", Name()),
    Optional("first_name", Name(), ""),
    Optional("role", Text(), ""),
    Optional("focus", Choice(Focus), Focus.OTHER),
    Optional("country", Text(max_length=100), ""),
    Optional("linkedin", LinkedInUrl(), ""),
    Optional("email", Email(), ""),
    Optional("hook", Text(max_length=1000), ""),
    Optional("language", Language(), ""),
    Optional("messages", MESSAGES, DEFAULTS),
    Optional("touches", ListOf(TOUCH, noun="touch"), []),
)

COMPANY = Mapping(
    Required("name", Name()),
    Required("sector", Name()),
    Optional("country", Text(max_length=100), ""),
    Optional("website", Url(), ""),
    Optional("why", Text(max_length=1000), ""),
    Optional("priority", Integer(minimum=1, maximum=3), 2),
    Optional("language", Language(), ""),
    Optional("people", ListOf(PERSON, noun="person", label_key="name"), []),
)

INBOUND_ENTRY = Mapping(
    Required("date", Date()),
    Required("who", Name()),
    Optional("company", Name(), ""),
    Optional("channel", Choice(Channel), Channel.OTHER),
    Optional("about", Text(max_length=1000), ""),
    Optional("relevance", Integer(minimum=1, maximum=5), None),
)

INBOUND = ListOf(INBOUND_ENTRY, noun="inbound contact")

# plans/linkedin.yaml, written by `playbook import linkedin`: LinkedIn's own counts.
INVITATION_DAY = Mapping(
    Required("date", Date()),
    Required("sent", Integer(minimum=0, maximum=100_000)),
    Optional("notes", Integer(minimum=0, maximum=100_000), 0),
)

PENDING_DAY = Mapping(
    Required("date", Date()),
    Required("count", Integer(minimum=0, maximum=100_000)),
)

LINKEDIN_COUNTS = Mapping(
    Required("exported_on", Date()),
    Optional("invitations", ListOf(INVITATION_DAY, noun="day"), []),
    Optional("pending", ListOf(PENDING_DAY, noun="day"), []),
)
