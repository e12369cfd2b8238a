"""LinkedIn's Invitations.csv: every invitation sent or received.

`From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl`, with `Sent At`
like `11/10/26, 3:43 PM` (UTC) and `Direction` OUTGOING or INCOMING. A `Message` is the
personalised note sent with it.
"""

from __future__ import annotations

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

INVITATIONS_CSV = "Invitations.csv"
COLUMNS = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"
# How LinkedIn writes `Sent At`, for the message about one that cannot be read.
SENT_AT_EXAMPLE = "11/10/26, 3:43 PM"
OUTGOING = "OUTGOING"
INCOMING = "INCOMING"

_ALIASES = {
    "from": ("from",),
    "to": ("to",),
    "sent_at": ("sent at",),
    "message": ("message",),
    "direction": ("direction",),
    "inviter_url": ("inviterprofileurl", "inviter profile url"),
    "invitee_url": ("inviteeprofileurl", "invitee profile url"),
}

LAYOUT = Layout(
    name=INVITATIONS_CSV,
    aliases={alias: field for field, names in _ALIASES.items() for alias in names},
    required=("from", "to", "sent_at", "direction"),
    columns=COLUMNS,
)


@dataclass(frozen=True, slots=True)
class Invitation:
    outgoing: bool  # sent by me
    name: str  # the other person: the invitee of mine, or who invited me
    url: str  # their profile address, as the plan writes it ("" when absent)
    key: str  # their profile key ("" when absent)
    when: Moment
    note: str  # the personalised note ("" for none), control characters removed
    line: int


@dataclass(frozen=True)
class InvitationsFile:
    source: str
    invitations: list[Invitation]
    # Rows left out, e.g. for a date that cannot be read.
    skipped: list[Skipped]
    # My own profile key, as the inviter of my invitations ("" when none was sent).
    me: str


def parse_invitations(
    text: str, source: str = INVITATIONS_CSV, progress: Progress | None = None
) -> InvitationsFile:
    rows = csvfile.table(text, source, LAYOUT, progress)
    at = {field: rows.index(field) for field in _ALIASES}
    invitations: list[Invitation] = []
    skipped: list[Skipped] = []
    inviters: dict[str, int] = {}
    for line, cells in rows.rows():
        direction = clean(cells[at["direction"]]).upper()
        if direction not in (OUTGOING, INCOMING):
            why = f"Direction {direction or 'missing'!r} is neither {OUTGOING} nor {INCOMING}"
            skipped.append(Skipped(rows.where(at["direction"]), why))
            continue
        outgoing = direction == OUTGOING
        sent = clean(cells[at["sent_at"]])
        when = parse_moment(sent)
        if when is None:
            why = not_a_date("Sent At", sent, SENT_AT_EXAMPLE)
            skipped.append(Skipped(rows.where(at["sent_at"]), why))
            continue
        name = clean(cells[at["to" if outgoing else "from"]])
        column = at["invitee_url" if outgoing else "inviter_url"]
        raw_url = clean(cells[column]) if column >= 0 else ""
        note = clean(cells[at["message"]]) if at["message"] >= 0 else ""
        if outgoing and at["inviter_url"] >= 0:
            mine = profile_key(clean(cells[at["inviter_url"]]))
            if mine:
                inviters[mine] = inviters.get(mine, 0) + 1
        invitations.append(
            Invitation(
                outgoing=outgoing,
                name=name,
                url=profile_url(raw_url) if raw_url else "",
                key=profile_key(raw_url),
                when=when,
                note=note,
                line=line,
            )
        )
    me = max(inviters, key=lambda key: inviters[key], default="")
    return InvitationsFile(source, invitations, skipped, me)
