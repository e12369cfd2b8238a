"""Message drafts: the plan's templates (or a person's own) rendered for one person.

Templates are user input, so they run in Jinja's sandbox with StrictUndefined: a typo
in a variable name is an error that names the template and the person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from generator.errors import Location, PlaybookError, Problem
from generator.structure.model import MESSAGE_KINDS, Me, Person, Plan

_ENV = SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False)

DEFAULT_TEMPLATES = {
    "invite": (
        "Hi {{ person.first_name }}, I'm {{ me.headline }}. "
        "I'm working towards {{ me.goal }} and would be glad to connect."
    ),
    "email_subject": "{{ me.name }}: {{ me.goal }}",
    "email": (
        "Dear {{ person.first_name }},\n\nI'm {{ me.headline }}. "
        "My goal is {{ me.goal }}, and {{ company.name }} matters to it.\n"
        "Could we talk for 20 minutes?\n\n{{ me.name }}"
    ),
    "follow_up": "Hi {{ person.first_name }}, a quick hello from {{ me.name }}: how are things?",
}


@dataclass(frozen=True)
class Draft:
    kind: str
    text: str
    limit: int | None = None

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.length > self.limit


class DraftError(PlaybookError):
    """A template that cannot be rendered for a person."""

    def __init__(self, problem: Problem, kind: str, shared: bool) -> None:
        self.problem = problem
        self.kind = kind
        self.shared = shared
        super().__init__(str(problem))


def _explain(exc: Exception) -> str:
    """Jinja's message, minus the Python words ("'dict object' has no attribute 'x'")."""
    detail = str(exc) or type(exc).__name__
    return re.sub(r"'dict object' has no attribute ('[^']*')", r"no such field \1", detail)


def template_for(plan: Plan, person: Person, kind: str) -> tuple[str, str]:
    """The template text and where it comes from (for messages)."""
    if kind in person.messages:
        return person.messages[kind], f"{person.name}'s messages.{kind}"
    if kind in plan.messages:
        return plan.messages[kind], f"messages.{kind}"
    return DEFAULT_TEMPLATES[kind], f"the built-in {kind} template"


def variables(plan: Plan, person: Person) -> dict[str, Any]:
    company = person.company
    return {
        "me": _me(plan.me),
        "person": {
            "name": person.name,
            "first_name": person.first_name,
            "role": person.role,
            "focus": person.focus,
            "country": person.country,
            "hook": person.hook,
            "linkedin": person.linkedin,
            "email": person.email,
            "stage": person.stage,
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


def _me(me: Me) -> dict[str, str]:
    return {
        "name": me.name,
        "headline": me.headline,
        "goal": me.goal,
        "location": me.location,
        "linkedin": me.linkedin,
        "email": me.email,
    }


@lru_cache(maxsize=256)
def _compiled(source: str) -> jinja2.Template:
    return _ENV.from_string(source)


def render_draft(plan: Plan, person: Person, kind: str) -> Draft:
    source, origin = template_for(plan, person, kind)
    try:
        text = _compiled(source).render(variables(plan, person)).strip()
    except Exception as exc:  # a user's template can fail in any way; report, don't crash
        if kind in person.messages:
            where = person.message_locations.get(kind, person.location)
        else:
            where = plan.message_locations.get(kind, Location(plan.plans_dir / "plan.yaml"))
        message = f"{origin}: cannot write the draft for {person.name}: {_explain(exc)}"
        raise DraftError(
            Problem(where, message), kind, shared=kind not in person.messages
        ) from None
    if kind == "email_subject":
        text = " ".join(text.split())
    limit = plan.targets.note_limit if kind == "invite" else None
    return Draft(kind, text, limit)


def drafts_for(plan: Plan, person: Person) -> dict[str, Draft]:
    return {kind: render_draft(plan, person, kind) for kind in MESSAGE_KINDS}


def draft_problems(plan: Plan) -> list[Problem]:
    """Every template that fails: a plan template once (for the first person it fails
    for, with a count of the others), a person's own template for that person."""
    problems = []
    failures: dict[str, list[DraftError]] = {}
    for person in plan.people:
        for kind in MESSAGE_KINDS:
            try:
                render_draft(plan, person, kind)
            except DraftError as exc:
                if exc.shared:
                    failures.setdefault(kind, []).append(exc)
                else:
                    problems.append(exc.problem)
    for errors in failures.values():
        first = errors[0].problem
        if len(errors) > 1:
            others = len(errors) - 1
            message = (
                f"{first.message} (and {others} other {'person' if others == 1 else 'people'})"
            )
            first = Problem(first.location, message)
        problems.append(first)
    return problems
