"""Which drafts a page shows for a person, what each is called, and which comes first.

Pages show the drafts in `MessageKind` order, one per kind, except a kind that is part
of another (the e-mail's subject sits above the e-mail). A kind added to the vocabulary
shows up on every page without a template change; `DRAFT_NAMES` only gives it a nicer
name than its key.
"""

from __future__ import annotations

from generator.drafts.drafts import first_draft_kind
from generator.model.model import Person
from generator.model.vocabulary import OUTREACH, Channel, MessageKind, Stage

# How a tab names a draft, and how a sentence does ("Copy the LinkedIn note to …").
DRAFT_NAMES: dict[MessageKind, tuple[str, str]] = {
    MessageKind.INVITE: ("LinkedIn note", "the LinkedIn note"),
    MessageKind.EMAIL_SUBJECT: ("Subject", "the subject of the e-mail"),
    MessageKind.EMAIL: ("E-mail", "the e-mail"),
    MessageKind.FOLLOW_UP: ("Follow-up", "the follow-up"),
}
# Drafts shown as a part of another one: the subject line above its e-mail.
PART_OF: dict[MessageKind, MessageKind] = {MessageKind.EMAIL_SUBJECT: MessageKind.EMAIL}


def draft_label(kind: MessageKind) -> str:
    names = DRAFT_NAMES.get(kind)
    return names[0] if names else kind.value.replace("_", " ").capitalize()


def draft_noun(kind: MessageKind) -> str:
    names = DRAFT_NAMES.get(kind)
    return names[1] if names else "the " + kind.value.replace("_", " ")


def subject_kind(kind: MessageKind) -> MessageKind | None:
    """The kind shown as this draft's subject line, if it has one."""
    return next((part for part, whole in PART_OF.items() if whole is kind), None)


def shown_kinds(person: Person) -> list[MessageKind]:
    """The drafts a person page shows as tabs, in the vocabulary's order: all but the
    parts of another, and the LinkedIn note only for someone with a profile to send it to."""
    return [
        kind
        for kind in MessageKind
        if kind not in PART_OF
        and kind in person.drafts
        and (kind is not MessageKind.INVITE or person.linkedin)
    ]


def next_draft(person: Person) -> MessageKind:
    """The draft for this person's next step, from the derived facts.

    Nobody has been in touch yet: the first message for their channel (the LinkedIn
    note, else the e-mail). A LinkedIn invitation waits unanswered and they have an
    address nobody has written to yet: the e-mail. Everyone else: the follow-up.
    """
    if not person.contacted:
        return first_draft_kind(person)
    emailed = any(
        touch.action in OUTREACH and touch.channel is Channel.EMAIL for touch in person.history
    )
    waiting = person.pending_since is not None and person.stage is Stage.INVITED
    if waiting and person.email and not emailed:
        return MessageKind.EMAIL
    return MessageKind.FOLLOW_UP
