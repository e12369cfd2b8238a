"""Message drafts: the plan's templates (or a person's own) rendered for one person.

Templates are user input: they run in the bounded sandbox with StrictUndefined, so a
typo in a variable name, or a template that asks for too much, is an error that
names the template, where it is written, and the person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.drafts.sandbox import TemplateRefused, render
from generator.errors import Location, Problem
from generator.model.facts import PersonFacts
from generator.model.model import Person, Plan, Template
from generator.model.names import FIELD_CUTOFF, nearest_word
from generator.model.vocabulary import Channel, MessageKind

# Written so that any goal and headline read well: each follows a colon, whether it is a
# job title ("Head of Logistics by 2029") or a sentence ("to run a plant").
DEFAULT_TEMPLATES = {
    MessageKind.INVITE: (
        "Hi {{ person.first_name }}, I'm {{ me.name }}: {{ me.headline }}. "
        "My goal: {{ me.goal }}. I'd be glad to connect."
    ),
    MessageKind.EMAIL_SUBJECT: "{{ me.name }}: a question about {{ company.name }}",
    MessageKind.EMAIL: (
        "Dear {{ person.first_name }},\n\nI'm {{ me.name }}: {{ me.headline }}. "
        "What I'm working towards: {{ me.goal }}. {{ company.name }} is one of the companies "
        "that matter to it.\n"
        "Could we talk for 20 minutes?\n\n{{ me.name }}"
    ),
    MessageKind.REMINDER: (
        "Hi {{ person.first_name }}, a short reminder of my note from a few days ago, in case "
        "it got buried. I'd value 20 minutes of your view on {{ company.name }}; "
        "if now is not a good time, a one-line answer is fine.\n\n{{ me.name }}"
    ),
    MessageKind.FOLLOW_UP: (
        "Hi {{ person.first_name }}, a quick hello from {{ me.name }}: how are things?"
    ),
}


# The language the built-in templates are written in.
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True)
class Draft:
    """One message written for one person."""

    kind: MessageKind
    text: str
    limit: int | None = None
    # The language its template is written in ("" when the plan does not say).
    language: str = ""

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.length > self.limit


# A person's drafts, one per kind (a kind whose template failed is missing).
Drafts = Mapping[MessageKind, Draft]


@dataclass(frozen=True)
class DraftFailure:
    """A template that cannot be written for one person."""

    kind: MessageKind
    person: Person
    location: Location
    origin: str
    reason: str
    shared: bool

    def problem(self, others: int = 0) -> Problem:
        who = self.person.name
        if others:
            who += f" and {others} other {'person' if others == 1 else 'people'}"
        message = f"{self.origin}: cannot write the draft for {who}: {self.reason}"
        return Problem(self.location, message)


def _explain(exc: Exception) -> str:
    """Jinja's message, minus the Python words ("'dict object' has no attribute 'x'")."""
    detail = exc.message if isinstance(exc, TemplateRefused) else str(exc)
    detail = detail or type(exc).__name__
    return re.sub(r"'dict object' has no attribute ('[^']*')", r"no such field \1", detail)


_FIELD = re.compile(r"no such field '([^']*)'")


def _line_of(source: str, exc: Exception) -> int | None:
    """The template line (0-based) at fault: Jinja's own, or where the missing field is."""
    lineno = getattr(exc, "lineno", None)
    if isinstance(lineno, int) and lineno > 0:
        return lineno - 1
    missing = _FIELD.search(_explain(exc))
    if missing:
        for number, line in enumerate(source.split("\n")):
            if re.search(rf"\.{re.escape(missing.group(1))}\b", line):
                return number
    return None


def _at_line(template: Template, line: int | None) -> Location:
    """Where the template's line is in the file (known for a block: `|`)."""
    location = template.location
    if line is None or not template.block:
        return location
    return Location(location.path, location.line + line, location.col)


def _suggestion(source: str, values: dict[str, Any], reason: str) -> str:
    missing = _FIELD.search(reason)
    if missing is None:
        return ""
    name = missing.group(1)
    owner = re.search(rf"(\w+)\.{re.escape(name)}\b", source)
    fields = values.get(owner.group(1)) if owner else None
    if not isinstance(fields, dict):
        return ""
    near = nearest_word(name, fields, cutoff=FIELD_CUTOFF)
    return f"; did you mean '{near}'?" if near else f"; it has {', '.join(fields)}"


@dataclass(frozen=True)
class Chosen:
    """The template a draft is written from, how messages name it, and its language."""

    template: Template
    origin: str
    language: str


def language_of(person: Person) -> str:
    """The language to write to someone in: their own, else their company's, else ""."""
    return person.language or person.company.language


def choose_template(plan: Plan, person: Person, kind: MessageKind) -> Chosen:
    """A person's own template, else the plan's in their language, else the plan's, else
    the built-in one. A person's own templates are written in their language."""
    language = language_of(person)
    own = person.messages.get(kind)
    if own is not None:
        return Chosen(own, f"{person.name}'s messages.{kind}", language)
    translated = plan.messages.languages.get(language, {}).get(kind) if language else None
    if translated is not None:
        return Chosen(translated, f"messages.{language}.{kind}", language)
    shared: Template | None = plan.messages.get(kind)
    if shared is not None:
        return Chosen(shared, f"messages.{kind}", plan.messages.language)
    default = Template(DEFAULT_TEMPLATES[kind], plan.location)
    return Chosen(default, f"the built-in {kind} template", DEFAULT_LANGUAGE)


def template_for(plan: Plan, person: Person, kind: MessageKind) -> tuple[Template, str]:
    """The template and where it comes from (for messages)."""
    chosen = choose_template(plan, person, kind)
    return chosen.template, chosen.origin


def variables(plan: Plan, facts: PersonFacts) -> dict[str, Any]:
    """What a template reads: `person.first_name` and `person.country` are the effective
    ones (the name's first word, the company's country), `person.stage` today's."""
    person = facts.person
    company = person.company
    me = plan.me
    return {
        "me": {
            "name": me.name,
            "headline": me.headline,
            "goal": me.goal,
            "location": me.location,
            "country": me.country or plan.home_country,
            "linkedin": me.linkedin,
            "email": me.email,
        },
        "person": {
            "name": person.name,
            "first_name": facts.effective_first_name,
            "role": person.role,
            "focus": str(person.focus),
            "country": facts.effective_country,
            "hook": person.hook,
            "linkedin": person.linkedin,
            "email": person.email,
            "stage": str(facts.stage),
        },
        "company": {
            "name": company.name,
            "country": company.country,
            "website": company.website,
            "why": company.why,
            "priority": company.priority,
        },
        "sector": {"name": company.sector.name, "why": company.sector.why},
    }


def render_drafts(plan: Plan, facts: PersonFacts) -> tuple[Drafts, list[DraftFailure]]:
    """Every draft of one person, and the templates that failed for them."""
    person = facts.person
    values = variables(plan, facts)
    drafts: dict[MessageKind, Draft] = {}
    failures = []
    for kind in MessageKind:
        chosen = choose_template(plan, person, kind)
        template, origin = chosen.template, chosen.origin
        source = template.text
        try:
            text = _one_stop(render(source, values).strip(), values)
        except Exception as exc:  # a user's template can fail in any way; report, don't crash
            shared = kind not in person.messages
            reason, line = _explain(exc), _line_of(source, exc)
            reason += _suggestion(source, values, reason)
            where = _at_line(template, line)
            failures.append(DraftFailure(kind, person, where, origin, reason, shared))
            continue
        if kind is MessageKind.EMAIL_SUBJECT:
            text = " ".join(text.split())
        limit = plan.targets.note_limit if kind is MessageKind.INVITE else None
        drafts[kind] = Draft(kind, text, limit, chosen.language)
    return drafts, failures


def _one_stop(text: str, values: Mapping[str, Any]) -> str:
    """A value that ends with its own full stop ("Sp. z o.o.", a goal written as a
    sentence) before the template's full stop: one stop, not two. The template's own
    text is left as written."""
    for value in sorted(_texts_ending_in_a_stop(values), key=len, reverse=True):
        text = text.replace(value + ".", value)
    return text


def _texts_ending_in_a_stop(values: object) -> set[str]:
    if isinstance(values, Mapping):
        return set().union(*(_texts_ending_in_a_stop(v) for v in values.values()))
    if isinstance(values, str) and len(values) > 1 and values.endswith(".") and values[-2] != ".":
        return {values}
    return set()


def first_draft_kind(facts: PersonFacts) -> MessageKind:
    """The draft for the channel the person can be reached on: LinkedIn, else e-mail.
    An existing connection gets no invitation: the e-mail's text, sent as a message."""
    if facts.person.channel is Channel.EMAIL or facts.already_connected_on is not None:
        return MessageKind.EMAIL
    return MessageKind.INVITE


def as_linkedin_message(facts: PersonFacts, kind: MessageKind) -> bool:
    """Whether a first e-mail draft goes as a LinkedIn message: to an existing connection
    with a profile in the plan."""
    return (
        kind is MessageKind.EMAIL
        and facts.already_connected_on is not None
        and bool(facts.person.linkedin)
    )
