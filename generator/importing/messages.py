"""LinkedIn's messages.csv: every message of every conversation, drafts included.

Every header is quoted: `CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL,
TO, RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER, ATTACHMENTS, IS MESSAGE
DRAFT, IS CONVERSATION DRAFT`, with `DATE` like `2026-11-15 10:00:00 UTC`. A group
conversation lists several recipients, their addresses separated by commas. Only what
the import needs is kept: who wrote to whom and when, and the start of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importing import csvfile
from generator.importing.csvfile import (
    Layout,
    Moment,
    Progress,
    Skipped,
    clean,
    not_a_date,
    parse_moment,
)
from generator.model.profiles import profile_key, profile_url

MESSAGES_CSV = "messages.csv"
COLUMNS = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION DRAFT"
)
# How LinkedIn writes `DATE`, for the message about one that cannot be read.
DATE_EXAMPLE = "2026-11-15 10:00:00 UTC"
# The start of a message kept for an inbound entry's `about`.
KEPT_CHARACTERS = 200

_ALIASES = {
    "conversation": ("conversation id",),
    "title": ("conversation title",),
    "from": ("from",),
    "sender_url": ("sender profile url",),
    "to": ("to",),
    "recipient_urls": ("recipient profile urls",),
    "date": ("date",),
    "subject": ("subject",),
    "content": ("content",),
    "message_draft": ("is message draft",),
    "conversation_draft": ("is conversation draft",),
}

LAYOUT = Layout(
    name=MESSAGES_CSV,
    aliases={alias: field for field, names in _ALIASES.items() for alias in names},
    required=("conversation", "from", "date"),
    columns=COLUMNS,
)

_TRUE = frozenset({"yes", "true", "1", "y", "ja", "oui", "sí", "si", "tak"})
_URL_SEPARATOR = re.compile(r"[\s,;]+")


@dataclass(frozen=True, slots=True)
class Participant:
    key: str  # the profile key ("" when the address is missing or not a profile)
    url: str  # the address as the plan writes it
    name: str


@dataclass(frozen=True, slots=True)
class Message:
    conversation: str
    sender: Participant
    recipients: tuple[Participant, ...]
    when: Moment
    subject: str
    start: str  # the first characters of the text, control characters removed
    line: int


@dataclass(frozen=True)
class MessagesFile:
    source: str
    messages: list[Message]
    drafts: int
    # Rows left out, e.g. for a date that cannot be read.
    skipped: list[Skipped]


def parse_messages(
    text: str, source: str = MESSAGES_CSV, progress: Progress | None = None
) -> MessagesFile:
    rows = csvfile.table(text, source, LAYOUT, progress)
    at = {field: rows.index(field) for field in _ALIASES}
    messages: list[Message] = []
    drafts = 0
    skipped: list[Skipped] = []
    people: dict[tuple[str, str], Participant] = {}  # one object per (address, name)
    dates: dict[str, Moment | None] = {}

    def participant(raw_url: str, name: str) -> Participant:
        found = people.get((raw_url, name))
        if found is None:
            url = profile_url(raw_url) if raw_url else ""
            found = people[(raw_url, name)] = Participant(profile_key(raw_url), url, name)
        return found

    def cell(cells: list[str], field: str) -> str:
        index = at[field]
        return cells[index] if index >= 0 else ""

    for line, cells in rows.rows():
        if _is_true(cell(cells, "message_draft")) or _is_true(cell(cells, "conversation_draft")):
            drafts += 1
            continue
        date_text = cell(cells, "date")
        if date_text not in dates:
            dates[date_text] = parse_moment(clean(date_text))
        when = dates[date_text]
        if when is None:
            why = not_a_date("DATE", clean(date_text), DATE_EXAMPLE)
            skipped.append(Skipped(rows.where(at["date"]), why))
            continue
        sender = participant(clean(cell(cells, "sender_url")), clean(cell(cells, "from")))
        urls = [u for u in _URL_SEPARATOR.split(cell(cells, "recipient_urls")) if u]
        names = _names(clean(cell(cells, "to")), len(urls))
        recipients = tuple(participant(u, n) for u, n in zip(urls, names, strict=True))
        content = cell(cells, "content")[: KEPT_CHARACTERS * 2]
        messages.append(
            Message(
                conversation=clean(cell(cells, "conversation")),
                sender=sender,
                recipients=recipients,
                when=when,
                subject=clean(cell(cells, "subject")),
                start=clean(content)[:KEPT_CHARACTERS],
                line=line,
            )
        )
    return MessagesFile(source, messages, drafts, skipped)


def _is_true(text: str) -> bool:
    return text.strip().casefold() in _TRUE


def _names(text: str, count: int) -> list[str]:
    """The recipients' names, one per address: a name holding a comma ("Smith, PhD")
    makes the split ambiguous, and then the names are left empty."""
    if count == 1:
        return [text]
    names = [name.strip() for name in text.split(",")]
    return names if len(names) == count else [""] * count
