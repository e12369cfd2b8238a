"""How pages name the method's words: one spelling of each channel, one stage pill with
its explanation, and the small joins that keep a line free of dangling separators."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.vocabulary import Stage
from generator.render.escape import escape_inline

CHANNEL_LABELS = {
    "linkedin": "LinkedIn",
    "email": "e-mail",
    "phone": "phone",
    "meeting": "meeting",
    "other": "other",
}

# What each stage means, shown as the pill's tooltip.
STAGE_MEANINGS = {
    Stage.IDENTIFIED: "In the plan; nobody has reached out yet",
    Stage.INVITED: "Reached out (an invitation, an e-mail or a follow-up); no answer yet",
    Stage.CONNECTED: "Accepted the LinkedIn invitation",
    Stage.REPLIED: "Answered a message",
    Stage.MET: "Met or had a call",
    Stage.DECLINED: "Said no: the latest touch is a decline",
}

FOCUS_MEANINGS = {
    "operations": "The operational side: the future boss",
    "hr": "Human resources, who run the hiring",
    "recruiter": "A recruiter or headhunter: a middleman",
    "other": "Anyone else worth knowing there",
}


# What a column or a figure counts, shown as its tooltip.
TERM_MEANINGS = {
    "Contacted": "Reached on any channel, or who called: anyone with a touch or an inbound contact",
    "Furthest stage": "The stage of the person who got furthest there",
    "Inbound (12 months)": "Calls, messages and offers that came in during the last 365 days",
    "Relevance": "How relevant an inbound contact was to the goal, from 1 to 5",
    "Days waiting": "Days since the invitation, without an answer",
}


def term(label: str) -> Markup:
    """A word of the method with its meaning as a tooltip (an abbreviation element)."""
    meaning = TERM_MEANINGS.get(label)
    if meaning is None:
        return escape_inline(label)
    return Markup(f'<abbr title="{escape_inline(meaning)}">{escape_inline(label)}</abbr>')


def channel_label(channel: object) -> str:
    """`linkedin` → `LinkedIn`, `email` → `e-mail`; anything else as it is."""
    name = str(channel)
    return CHANNEL_LABELS.get(name, name)


def action_label(action: object) -> str:
    """`followed_up` → `followed up`."""
    return str(action).replace("_", " ")


def stage_pill(stage: Stage) -> Markup:
    """The one look of a stage, everywhere: a pill whose tooltip says what it means."""
    meaning = STAGE_MEANINGS.get(stage, "")
    title = f' title="{escape_inline(meaning)}"' if meaning else ""
    return Markup(
        f'<abbr class="pb-stage pb-stage--{escape_inline(stage.value)}"{title}>'
        f"{escape_inline(stage.value)}</abbr>"
    )


def focus_term(focus: object) -> Markup:
    name = str(focus)
    meaning = FOCUS_MEANINGS.get(name)
    if meaning is None:
        return escape_inline(name)
    return Markup(f'<abbr title="{escape_inline(meaning)}">{escape_inline(name)}</abbr>')


def joined(*parts: object, separator: str = " · ") -> Markup:
    """The parts that say something, joined: no separator before, after or between
    empty parts. Plain text is escaped; Markup is kept."""
    shown = [part if isinstance(part, Markup) else escape_inline(part) for part in parts if part]
    return Markup(separator).join(shown)


TARGET_MEANING = "The number asked for under targets in plan.yaml"


def against_target(count: int, target: int) -> Markup:
    """`14 (target 12)`: a count beside its goal, never read as "14 of 12"."""
    return Markup(
        f'{count} <abbr class="pb-target" title="{escape_inline(TARGET_MEANING)}">'
        f"(target {target})</abbr>"
    )
