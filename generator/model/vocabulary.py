"""The words of the method, each with its order defined once.

Every enum is a `StrEnum`, so a value reads and compares as its plain name in YAML,
templates and JSON (`Stage.MET == "met"`); the declaration order is the order used
everywhere (funnels, tables, error messages).
"""

from __future__ import annotations

from enum import StrEnum


class Stage(StrEnum):
    """How far a person has come; `declined` sits outside the progression."""

    IDENTIFIED = "identified"
    INVITED = "invited"
    CONNECTED = "connected"
    REPLIED = "replied"
    MET = "met"
    DECLINED = "declined"


PROGRESSION: tuple[Stage, ...] = tuple(stage for stage in Stage if stage is not Stage.DECLINED)
CONTACTED_STAGES: tuple[Stage, ...] = (Stage.CONNECTED, Stage.REPLIED, Stage.MET)


def depth(stage: Stage) -> int:
    """Position in the progression; a decline counts as having been invited."""
    if stage is Stage.DECLINED:
        return PROGRESSION.index(Stage.INVITED)
    return PROGRESSION.index(stage)


class Action(StrEnum):
    """What happened in a touch."""

    INVITED = "invited"
    CONNECTED = "connected"
    MESSAGED = "messaged"
    REPLIED = "replied"
    MET = "met"
    REFERRED = "referred"
    DECLINED = "declined"
    FOLLOWED_UP = "followed_up"
    # I took back a LinkedIn invitation nobody answered; LinkedIn lets me send it again
    # three weeks later. Mine, not contact with the person: it moves no stage.
    WITHDRAWN = "withdrawn"


# Outreach of mine, on any channel: each one means the person has been reached.
OUTREACH: frozenset[Action] = frozenset({Action.INVITED, Action.MESSAGED, Action.FOLLOWED_UP})

# The stage a touch moves a person to; `referred` and `declined` move no stage.
ADVANCES: dict[Action, Stage] = {
    Action.INVITED: Stage.INVITED,
    Action.MESSAGED: Stage.INVITED,
    Action.FOLLOWED_UP: Stage.INVITED,
    Action.CONNECTED: Stage.CONNECTED,
    Action.REPLIED: Stage.REPLIED,
    Action.MET: Stage.MET,
}

# Actions that are an answer from the other side.
ANSWERS: frozenset[Action] = frozenset({Action.REPLIED, Action.MET, Action.DECLINED})
# What ends an invitation's wait: accepted (connected), or any answer. The same touches
# end the cycle of outreach without an answer, on every channel.
INVITATION_ANSWERS: frozenset[Action] = ANSWERS | {Action.CONNECTED}
# Touches that are no contact with the person (they reset no keep-alive clock).
NOT_CONTACT: frozenset[Action] = frozenset({Action.WITHDRAWN})


# How a touch booked ahead is named ("a meeting on 3 December", not "met").
PLANNED: dict[Action, str] = {
    Action.MET: "meeting",
    Action.INVITED: "invitation",
    Action.MESSAGED: "message",
    Action.FOLLOWED_UP: "follow-up",
    Action.CONNECTED: "connection",
    Action.REPLIED: "reply",
    Action.REFERRED: "referral",
    Action.DECLINED: "decline",
    Action.WITHDRAWN: "withdrawal",
}


class Focus(StrEnum):
    """Which decision-maker a person is for the goal."""

    OPERATIONS = "operations"
    HR = "hr"
    RECRUITER = "recruiter"
    OTHER = "other"


# Who to contact first in a company: the future boss, then the middleman, then HR.
OUTREACH_ORDER: tuple[Focus, ...] = (Focus.OPERATIONS, Focus.RECRUITER, Focus.HR, Focus.OTHER)


class Channel(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    LINKEDIN = "linkedin"
    MEETING = "meeting"
    OTHER = "other"


class MessageKind(StrEnum):
    """The drafts a person gets, in the order a page shows them (the order of the steps:
    first message, a reminder while there is no answer, keeping the connection alive)."""

    INVITE = "invite"
    EMAIL_SUBJECT = "email_subject"
    EMAIL = "email"
    REMINDER = "reminder"
    FOLLOW_UP = "follow_up"
