"""Which drafts a page shows for a person, and what each is called.

(Which one comes first is an outreach decision: `metrics.outreach.next_draft`.)

Pages show the drafts in `MessageKind` order, one per kind, except a kind that is part
of another (the e-mail's subject sits above the e-mail). A kind added to the vocabulary
shows up on every page without a template change; `DRAFT_NAMES` only gives it a nicer
name than its key.
"""

from __future__ import annotations

from generator.drafts.drafts import Drafts, as_linkedin_message
from generator.model.facts import PersonFacts
from generator.model.vocabulary import MessageKind

# How a tab names a draft, and how a sentence does ("Copy the LinkedIn note to …").
DRAFT_NAMES: dict[MessageKind, tuple[str, str]] = {
    MessageKind.INVITE: ("LinkedIn note", "the LinkedIn note"),
    MessageKind.EMAIL_SUBJECT: ("Subject", "the subject of the e-mail"),
    MessageKind.EMAIL: ("E-mail", "the e-mail"),
    MessageKind.REMINDER: ("Reminder", "the reminder"),
    MessageKind.FOLLOW_UP: ("Follow-up", "the follow-up"),
}
# Drafts shown as a part of another one: the subject line above its e-mail.
PART_OF: dict[MessageKind, MessageKind] = {MessageKind.EMAIL_SUBJECT: MessageKind.EMAIL}


def draft_label(kind: MessageKind, person: PersonFacts | None = None) -> str:
    if person is not None and as_linkedin_message(person, kind):
        return "LinkedIn message"
    names = DRAFT_NAMES.get(kind)
    return names[0] if names else kind.value.replace("_", " ").capitalize()


def draft_noun(kind: MessageKind, person: PersonFacts | None = None) -> str:
    if person is not None and as_linkedin_message(person, kind):
        return "the LinkedIn message"
    names = DRAFT_NAMES.get(kind)
    return names[1] if names else "the " + kind.value.replace("_", " ")


def subject_kind(kind: MessageKind) -> MessageKind | None:
    """The kind shown as this draft's subject line, if it has one."""
    return next((part for part, whole in PART_OF.items() if whole is kind), None)


def shown_kinds(person: PersonFacts, drafts: Drafts) -> list[MessageKind]:
    """The drafts a person page shows as tabs, in the vocabulary's order: all but the
    parts of another, the LinkedIn note only for someone with a profile to send it to
    who is not a connection already, and the reminder only while my outreach to them is
    unanswered, and the follow-up only for someone who answered (it keeps a
    connection alive; for silence, the reminder is the next step)."""
    return [
        kind
        for kind in MessageKind
        if kind not in PART_OF
        and kind in drafts
        and (
            kind is not MessageKind.INVITE
            or (person.person.linkedin and not person.already_connected_on)
        )
        and (kind is not MessageKind.REMINDER or person.unanswered is not None)
        and (kind is not MessageKind.FOLLOW_UP or person.answered)
    ]


def email_subject(drafts: Drafts, kind: MessageKind) -> str:
    """The subject an e-mail of this draft carries: the first e-mail's own, and for a
    reminder the same as a reply to it ("Re: …"), so it lands in the same thread; ""
    for a follow-up (a new conversation, whose subject is the writer's to choose)."""
    subject = drafts.get(MessageKind.EMAIL_SUBJECT)
    if subject is None:
        return ""
    if kind is MessageKind.EMAIL:
        return subject.text
    if kind is MessageKind.REMINDER:
        return f"Re: {subject.text}"
    return ""
