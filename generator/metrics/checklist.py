"""The four steps of the method: each ticked from the data, with what to do next."""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from generator.metrics.counts import (
    already_connected_count,
    contacted_count,
    inbound_last_12_months,
    invited_this_week,
    streak,
    weeks_in_a_row,
)
from generator.metrics.outreach import missing_roles, why_no_batch
from generator.metrics.situation import Situation
from generator.model.model import Person, Plan, Sector
from generator.model.names import fold
from generator.model.placeholders import ME, REQUIRED, is_placeholder_sector
from generator.wording import plural

STEADY_WEEKS = 4
_MORE_COMPANIES = ("more company", "more companies")


@dataclass
class Step:
    number: int
    title: str
    done: bool
    progress: list[str]
    next_action: str
    details: list[str] = field(default_factory=list)


def checklist(situation: Situation) -> list[Step]:
    plan = situation.plan
    return [_sectors(plan), _companies(plan), _people(situation), _outreach(situation)]


@dataclass(frozen=True)
class FirstStep:
    """One thing to do first in a new plan, and the command that does it."""

    what: str
    command: str


def first_steps(plan: Plan) -> list[FirstStep]:
    """Where a plan without companies starts: say who you are, name the sectors, list a
    company, name its people. Empty once a company is listed."""
    if plan.companies:
        return []
    steps = []
    if any(fold(getattr(plan.me, key)) == fold(ME[key]) for key in REQUIRED):
        steps.append(FirstStep("Say who you are and what you want", _ME_COMMAND))
    placeholder = next((s for s in plan.sectors if is_placeholder_sector(s)), None)
    if placeholder is not None:
        command = f"playbook rename sector {shlex.quote(placeholder.name)} 'Your real sector'"
        steps.append(FirstStep("Name your sectors", command))
    sector = next((s for s in plan.sectors if not s.recruiters), None)
    if sector is None:
        steps.append(FirstStep("Add the sector you aim at", "playbook add sector 'Your sector'"))
        name = "Your sector"
    elif is_placeholder_sector(sector):
        name = "Your real sector"
    else:
        name = sector.name
    steps.append(
        FirstStep(
            "List a company you would like to work for",
            f"playbook add company 'Company name' --sector {shlex.quote(name)}",
        )
    )
    steps.append(
        FirstStep(
            "Name two or three people there, the future boss and HR",
            "playbook add person 'First Last' --company 'Company name' --focus operations",
        )
    )
    return steps


_ME_COMMAND = "playbook me --name 'First Last' --headline 'Who you are' --goal 'What you want'"


def sector_company_target(plan: Plan, sector: Sector) -> int:
    if sector.recruiters:
        return plan.targets.recruiter_companies
    return plan.targets.companies_per_sector


def _sectors(plan: Plan) -> Step:
    count = len(plan.sectors)
    has_recruiters = any(s.recruiters for s in plan.sectors)
    placeholder = next((s for s in plan.sectors if is_placeholder_sector(s)), None)
    done = 2 <= count <= 3 and has_recruiters and placeholder is None
    if placeholder is not None:
        action = (
            f"Name your sectors: '{placeholder.name}' is a placeholder (playbook rename sector)."
        )
    elif count < 2:
        action = "Add a second sector that matters for the job you want."
    elif count > 3:
        action = "Keep 2–3 sectors, the recruitment firms included: those that matter most."
    elif not has_recruiters:
        action = "Add recruitment firms as a sector (`recruiters: true`)."
    else:
        action = "Keep the sectors under review as your goal sharpens."
    progress = [f"{count} sectors (2–3)", f"recruiters sector: {'yes' if has_recruiters else 'no'}"]
    return Step(1, "Choose 2–3 sectors", done, progress, action)


def leading_companies(plan: Plan) -> int:
    """The companies the method counts in its "30 to 40": recruitment firms are apart."""
    return sum(len(s.companies) for s in plan.sectors if not s.recruiters)


def _companies(plan: Plan) -> Step:
    target = plan.targets.companies
    leading = leading_companies(plan)
    progress = [f"{leading} leading companies, recruitment firms apart (target {target})"]
    short = []
    for sector in plan.sectors:
        wanted = sector_company_target(plan, sector)
        listed = len(sector.companies)
        count = plural(listed, "firm", "firms") if sector.recruiters else str(listed)
        progress.append(f"{sector.name}: {count} (target {wanted})")
        if len(sector.companies) < wanted:
            short.append((sector, wanted - len(sector.companies)))
    done = leading >= target and not short
    if short:
        sector, missing = short[0]
        one, many = ("more firm", "more firms") if sector.recruiters else _MORE_COMPANIES
        action = f"List {plural(missing, one, many)} in {sector.name}."
    elif not done:
        action = f"List {plural(target - leading, *_MORE_COMPANIES)}."
    else:
        action = "Add companies as you discover them."
    return Step(2, "List the companies", done, progress, action)


def _people(situation: Situation) -> Step:
    plan = situation.plan
    people = situation.people
    target = plan.targets.people
    per_company = plan.targets.people_per_company
    thin = [c for c in plan.companies if len(c.people) < per_company]
    lacking = [c for c in plan.companies if missing_roles(c)]
    abroad = sum(1 for p in people if p.abroad)
    unknown = sum(1 for p in people if not p.effective_country)
    where = f"{len(people) - abroad - unknown} at home, {abroad} abroad"
    if unknown:
        where += f", {unknown} country unknown"
    companies = len(plan.companies)
    progress = [f"{len(people)} people (target {target})"]
    if companies:
        progress += [
            f"{companies - len(thin)} of {companies} companies with {per_company}+ people",
            f"{companies - len(lacking)} of {companies} companies with operations and HR",
        ]
    else:
        progress.append("no companies listed yet")
    if people:
        progress.append(where)
    done = len(people) >= target and not thin and not lacking
    if not companies:
        action = "List companies first (step 2): people are named at their company."
    elif thin:
        more = plural(per_company - len(thin[0].people), "more person", "more people")
        action = f"Name {more} at {thin[0].name}."
    elif lacking:
        action = f"Find the {' and '.join(missing_roles(lacking[0]))} contact at {lacking[0].name}."
    elif not done:
        more = plural(target - len(people), "more decision-maker", "more decision-makers")
        action = f"Name {more}."
    else:
        action = "Keep names current when people change jobs."
    return Step(3, "Name the key people", done, progress, action)


def _outreach(situation: Situation) -> Step:
    people = situation.people
    contacted = contacted_count(people)
    cadence = situation.plan.targets.invites_per_week
    weeks_on_target = streak(situation)
    reach = "nobody to contact yet"
    if people:
        share = round(100 * contacted / len(people))
        reach = f"{contacted} of {len(people)} people contacted ({share}%)"
    progress = [
        reach,
        f"{invited_this_week(situation)} invitations this week (target {cadence})",
        f"{weeks_in_a_row(weeks_on_target)} on target",
    ]
    waiting = already_connected_count(people)
    if waiting:
        progress.append(f"{waiting} already connected before the plan, not yet contacted")
    everyone = bool(people) and contacted == len(people)
    done = everyone or weeks_on_target >= STEADY_WEEKS
    batch = situation.next_batch
    if batch:
        action = f"{_batch_words(situation, batch)} this week (see This week)."
    else:
        action = why_no_batch(situation)
    return Step(4, "Reach out, steadily", done, progress, action)


def _batch_words(situation: Situation, batch: list[Person]) -> str:
    """The batch as what to do: an existing connection gets a message, not an invitation."""
    connections = sum(1 for p in batch if situation[p].already_connected_on is not None)
    invites = len(batch) - connections
    parts = []
    if invites:
        parts.append(f"invite {plural(invites, 'more person', 'more people')}")
    if connections:
        known = plural(connections, "existing connection", "existing connections")
        parts.append(f"message {known}")
    text = " and ".join(parts)
    return text[0].upper() + text[1:]


@dataclass(frozen=True)
class Number:
    """A headline number: part of a whole ("5 of 6 people"), measured against a target,
    or on its own; `topic` names what it is about, for a link to the details."""

    label: str
    value: int
    topic: str
    of: int | None = None
    target: int | None = None


def headline_numbers(situation: Situation) -> list[Number]:
    people = situation.people
    return [
        Number(
            "inbound contacts in the last 12 months",
            len(inbound_last_12_months(situation)),
            "inbound",
        ),
        # "0 people contacted", not "0 of 0", while the plan names nobody.
        Number("people contacted", contacted_count(people), "funnel", of=len(people) or None),
        Number(
            "invitations this week",
            invited_this_week(situation),
            "this week",
            target=situation.plan.targets.invites_per_week,
        ),
        Number("follow-ups due", len(situation.follow_ups_due), "follow-ups"),
    ]
