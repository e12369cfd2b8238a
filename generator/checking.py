"""The one entry point that loads and fully checks a plan, for every command.

`check`, `build`, `serve`, `status`, `next` and the editing commands all call
`load_plan`: read and validate every file, join them, derive the facts as of a day,
write every draft, and add the advice worth a warning. Errors raise `InvalidPlan`
listing every problem found, warnings included; a plan that loads comes back as a
`Situation` holding its facts, drafts and warnings.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections.abc import Mapping
from pathlib import Path

from generator.drafts.drafts import (
    DraftFailure,
    Drafts,
    choose_template,
    language_of,
    render_drafts,
)
from generator.errors import (
    InvalidPlan,
    Location,
    Problem,
    Severity,
    shown,
    sort_problems,
)
from generator.metrics.situation import Situation
from generator.model.derive import plan_facts
from generator.model.facts import PlanFacts
from generator.model.lookup import near_duplicates
from generator.model.model import Person, Plan
from generator.model.names import close_matches, fold
from generator.model.placeholders import placeholder_warnings
from generator.model.vocabulary import Channel, MessageKind
from generator.reading.cache import ReadCache
from generator.reading.files import PLAN_FILE
from generator.reading.load import Overrides, read_plan
from generator.recovery import settle
from generator.wording import plural

FAR_AHEAD_DAYS = 365


def load_plan(
    plans_dir: Path,
    today: dt.date,
    cache: ReadCache | None = None,
    overrides: Overrides | None = None,
) -> Situation:
    """The plan as of `today`, fully checked; raises InvalidPlan listing every problem.

    With `overrides` ({path: text}), those files are read as given instead of from disk.
    Anything a killed command left in the plans folder is settled first.
    """
    settle(plans_dir)
    plan, problems = read_plan(plans_dir, cache, overrides)
    if plan is None and not os.path.lexists(plans_dir / PLAN_FILE):
        message = (
            "file not found; run playbook in your playbook's folder (cd into the folder "
            "playbook init made) or name the plans folder with --plans DIR"
            if not (plans_dir / "companies").is_dir()
            else "file not found: this plans folder has no plan.yaml; bring it back (git "
            f"checkout {shlex.quote(shown(plans_dir / PLAN_FILE))}, if it was committed) or "
            "write it anew (playbook init makes a new playbook with one)"
        )
        raise InvalidPlan([Problem(Location(plans_dir / PLAN_FILE), message)])
    if plan is None or any(p.is_error for p in problems):
        raise InvalidPlan(problems)
    facts = plan_facts(plan, today)
    drafts, failed = _drafts(facts)
    problems += failed
    if any(p.is_error for p in problems):
        raise InvalidPlan(problems)
    problems += advice(facts, drafts)
    return Situation.of(facts, drafts, tuple(sort_problems(problems)))


def _drafts(facts: PlanFacts) -> tuple[dict[Person, Drafts], list[Problem]]:
    """Write every draft; a failing plan template is reported once, with a count."""
    drafts: dict[Person, Drafts] = {}
    problems = []
    shared: dict[str, list[DraftFailure]] = {}
    for person in facts.people:
        drafts[person.person], failures = render_drafts(facts.plan, person)
        for failure in failures:
            if failure.shared:
                shared.setdefault(failure.origin, []).append(failure)
            else:
                problems.append(failure.problem())
    for failures in shared.values():
        problems.append(failures[0].problem(others=len(failures) - 1))
    return drafts, problems


def advice(facts: PlanFacts, drafts: Mapping[Person, Drafts]) -> list[Problem]:
    """Things worth fixing that do not stop a build."""
    plan = facts.plan
    return [
        *_thin_companies(plan),
        *_unreachable_people(plan),
        *_long_invites(plan, drafts),
        *_languages_without_templates(plan, drafts),
        *_far_future_dates(plan, facts.today),
        *_near_misses(plan),
        *_look_alike_companies(plan),
        *placeholder_warnings(plan),
    ]


def _warning(location: Location, message: str) -> Problem:
    return Problem(location, message, Severity.WARNING)


def _thin_companies(plan: Plan) -> list[Problem]:
    per_company = plan.targets.people_per_company
    return [
        _warning(
            company.location,
            f"{company.name} has {plural(len(company.people), 'person', 'people')}; "
            f"the target is {per_company} per company",
        )
        for company in plan.companies
        if len(company.people) < per_company
    ]


def _unreachable_people(plan: Plan) -> list[Problem]:
    return [
        _warning(person.location, f"{person.name}: no linkedin or email, so no way to reach them")
        for person in plan.people
        if not person.reachable
    ]


def _long_invites(plan: Plan, drafts: Mapping[Person, Drafts]) -> list[Problem]:
    """One warning per template whose invitation note runs over the limit, with a count.

    Only people reached on LinkedIn get a note; someone with only an e-mail gets the
    e-mail draft instead.
    """
    over: dict[Location, list[int]] = {}
    names: dict[Location, list[str]] = {}
    origins: dict[Location, str] = {}
    for person in plan.people:
        draft = drafts[person].get(MessageKind.INVITE)
        if person.channel is not Channel.LINKEDIN or draft is None or not draft.over_limit:
            continue
        chosen = choose_template(plan, person, MessageKind.INVITE)
        location = chosen.template.location
        origins[location] = chosen.origin
        over.setdefault(location, []).append(draft.length)
        names.setdefault(location, []).append(person.name)
    problems = []
    for location, lengths in over.items():
        who = names[location]
        people = who[0] if len(who) == 1 else f"{len(who)} people ({who[0]}, …)"
        message = (
            f"{origins[location]}: the invitation note runs over the limit for {people}: "
            f"up to {max(lengths)} characters; LinkedIn allows {plan.targets.note_limit} "
            "(targets.note_limit)"
        )
        problems.append(_warning(location, message))
    return problems


def _languages_without_templates(plan: Plan, drafts: Mapping[Person, Drafts]) -> list[Problem]:
    """People to be written to in a language the plan has no templates in: one warning
    per language, where the first of them is."""
    missing: dict[str, list[tuple[str, Location, list[str]]]] = {}
    for person in plan.people:
        language = language_of(person)
        if not language:
            continue
        kinds = [str(kind) for kind, draft in drafts[person].items() if draft.language != language]
        if kinds:
            missing.setdefault(language, []).append((person.name, person.location, kinds))
    problems = []
    for language, people in missing.items():
        name, location, kinds = people[0]
        who = (
            name if len(people) == 1 else f"{name} and {plural(len(people) - 1, 'other', 'others')}"
        )
        message = (
            f"{who} {'is' if len(people) == 1 else 'are'} to be written to in '{language}', "
            f"but messages has no '{language}' templates for {', '.join(kinds)}: those "
            f"drafts use the others. Add them under messages: {language}:, or say the "
            "language of the plan's templates (messages: language:)"
        )
        problems.append(_warning(location, message))
    return problems


def _far_future_dates(plan: Plan, today: dt.date) -> list[Problem]:
    """A touch a year ahead is a typo, not a booked meeting."""
    limit = today + dt.timedelta(days=FAR_AHEAD_DAYS)
    dated = [(i.date, i.location) for i in plan.inbound]
    dated += [(t.date, t.location) for p in plan.people for t in p.touches]
    problems = []
    for date, location in dated:
        if date > limit:
            message = (
                f"date {date.isoformat()} is more than a year after today "
                f"({today.isoformat()}); a typo?"
            )
            problems.append(_warning(location, message))
    future_inbound = [i for i in plan.inbound if today < i.date <= limit]
    for entry in future_inbound:
        message = f"date {entry.date.isoformat()} is after today; an inbound contact has happened"
        problems.append(_warning(entry.location, message))
    return problems


def _look_alike_companies(plan: Plan) -> list[Problem]:
    """ "DHL" beside "DHL Supply Chain": one company listed twice, most likely."""
    return [
        _warning(
            later.location,
            f"company '{later.name}' looks like '{earlier.name}' ({earlier.location.path}): "
            "the same company twice? If so, merge them into one file",
        )
        for later, earlier in near_duplicates(plan.companies)
    ]


def _near_misses(plan: Plan) -> list[Problem]:
    """An inbound `who` or `company` that almost names someone in the plan."""
    companies = [(c.name, c) for c in plan.companies]
    people = [(p.name, p) for p in plan.people]
    problems = []
    for entry in plan.inbound:
        if entry.company and entry.source is None:
            near_companies = close_matches(entry.company, companies, n=1)
            if near_companies:
                message = (
                    f"company '{entry.company}' is not in the plan; did you mean "
                    f"'{near_companies[0].name}'? (counted as outside the plan)"
                )
                problems.append(_warning(entry.location, message))
        if entry.person is None:
            exact = [p for _, p in people if fold(p.name) == fold(entry.who)]
            near_people = exact or close_matches(entry.who, people, n=1)
            if near_people:
                message = (
                    f"who '{entry.who}' is not matched to a person in the plan; did you mean "
                    f"'{near_people[0].name}' of {near_people[0].company.name}?"
                )
                problems.append(_warning(entry.location, message))
    return problems
