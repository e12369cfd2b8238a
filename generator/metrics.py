"""Every number the playbook shows, computed from the model for a given day.

Pages, `status` and `next` all read these functions, so a figure is the same everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from generator.structure.model import STAGES, Company, Inbound, Person, Plan, Sector

FOCUS_ORDER = {"operations": 0, "recruiter": 1, "hr": 2, "other": 3}
CONTACTED_STAGES = ("connected", "replied", "met")
SILENT_AFTER_DAYS = 30
WEEKS_SHOWN = 26
STEADY_WEEKS = 4


def week_start(day: dt.date) -> dt.date:
    """The Monday of the ISO week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def stage_counts(people: list[Person]) -> dict[str, int]:
    counts = Counter(person.stage for person in people)
    return {stage: counts.get(stage, 0) for stage in STAGES}


def invitation_dates(plan: Plan, today: dt.date) -> list[dt.date]:
    return [
        touch.date
        for person in plan.people
        for touch in person.history
        if touch.action == "invited" and touch.date <= today
    ]


def invites_per_week(
    plan: Plan, today: dt.date, weeks: int = WEEKS_SHOWN
) -> list[tuple[dt.date, int]]:
    """(Monday, invitations) for the last `weeks` ISO weeks, oldest first, this week last."""
    this_week = week_start(today)
    mondays = [this_week - dt.timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]
    counts = Counter(week_start(day) for day in invitation_dates(plan, today))
    return [(monday, counts.get(monday, 0)) for monday in mondays]


def invited_this_week(plan: Plan, today: dt.date) -> int:
    return invites_per_week(plan, today, weeks=1)[0][1]


def streak(plan: Plan, today: dt.date) -> int:
    """Consecutive weeks on the cadence target, back from last week (this week if already met)."""
    target = plan.targets.invites_per_week
    weeks = invites_per_week(plan, today, weeks=WEEKS_SHOWN * 4)
    if weeks[-1][1] < target:
        weeks = weeks[:-1]
    count = 0
    for _, invited in reversed(weeks):
        if invited < target:
            break
        count += 1
    return count


def is_contacted(person: Person) -> bool:
    return bool(person.history)


def is_reachable(person: Person) -> bool:
    return bool(person.linkedin or person.email)


def follow_ups_due(plan: Plan, today: dt.date) -> list[Person]:
    """Connected-or-further people untouched for `keep_alive_days`, longest silence first."""
    cutoff = today - dt.timedelta(days=plan.targets.keep_alive_days)
    due = [
        person
        for person in plan.people
        if person.stage in CONTACTED_STAGES
        and person.last_contact is not None
        and person.last_contact <= cutoff
    ]
    return sorted(due, key=lambda p: (p.last_contact or today, p.name))


FOLLOW_UPS_PER_WEEK = 20


def follow_ups_this_week(plan: Plan, today: dt.date) -> list[Person]:
    """The longest-silent follow-ups, as many as one week can take."""
    return follow_ups_due(plan, today)[:FOLLOW_UPS_PER_WEEK]


def inbound_last_12_months(plan: Plan, today: dt.date) -> list[Inbound]:
    start = today - dt.timedelta(days=365)
    return [entry for entry in plan.inbound if start <= entry.date <= today]


def silent_companies(plan: Plan, today: dt.date) -> list[Company]:
    """Everyone invited 30+ days ago, nobody replied, and nothing came in from there.

    A decline is an answer too, so a company where someone declined is not silent;
    accepting the invitation (connected) without a word is.
    """
    cutoff = today - dt.timedelta(days=SILENT_AFTER_DAYS)
    heard_from = {
        id(entry.company) for entry in plan.inbound if entry.company and entry.date <= today
    }
    answered = ("replied", "met", "declined")
    return [
        company
        for company in plan.companies
        if company.people
        and id(company) not in heard_from
        and all(p.invited_on is not None and p.invited_on <= cutoff for p in company.people)
        and not any(t.action in answered for p in company.people for t in p.history)
    ]


def percent(share: float | None) -> str:
    return "–" if share is None else f"{round(100 * share)}%"


def plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def recruiter_company_target(plan: Plan) -> int:
    """Recruitment firms are listed by the several dozen: `targets.recruitment_firms`,
    by default twice the per-sector target."""
    return plan.targets.recruitment_firms or plan.targets.companies_per_sector * 2


def sector_company_target(plan: Plan, sector: Sector) -> int:
    return (
        recruiter_company_target(plan) if sector.recruiters else plan.targets.companies_per_sector
    )


def missing_roles(company: Company) -> list[str]:
    """The decision-makers a company still lacks: operations and HR, or a recruiter."""
    focuses = {person.focus for person in company.people}
    needed = ("recruiter",) if company.sector.recruiters else ("operations", "hr")
    return [focus for focus in needed if focus not in focuses]


@dataclass
class Step:
    number: int
    title: str
    done: bool
    progress: list[str]
    next_action: str
    details: list[str] = field(default_factory=list)


def checklist(plan: Plan, today: dt.date) -> list[Step]:
    return [
        _step_sectors(plan),
        _step_companies(plan),
        _step_people(plan),
        _step_outreach(plan, today),
    ]


def _step_sectors(plan: Plan) -> Step:
    count = len(plan.sectors)
    has_recruiters = any(s.recruiters for s in plan.sectors)
    done = 2 <= count <= 3 and has_recruiters
    if count < 2:
        action = "Add a second sector that matters for the job you want."
    elif count > 3:
        action = "Narrow down to the 2–3 sectors that matter most."
    elif not has_recruiters:
        action = "Add recruitment firms as a sector (`recruiters: true`)."
    else:
        action = "Keep the sectors under review as your goal sharpens."
    progress = [f"{count} sectors (2–3)", f"recruiters sector: {'yes' if has_recruiters else 'no'}"]
    return Step(1, "Choose 2–3 sectors", done, progress, action)


def _step_companies(plan: Plan) -> Step:
    target = plan.targets.companies
    progress = [f"{len(plan.companies)} / {target} companies"]
    short = []
    for sector in plan.sectors:
        wanted = sector_company_target(plan, sector)
        progress.append(f"{sector.name}: {len(sector.companies)} / {wanted}")
        if len(sector.companies) < wanted:
            short.append((sector, wanted - len(sector.companies)))
    done = len(plan.companies) >= target and not short
    if short:
        sector, missing = short[0]
        action = f"List {plural(missing, 'more company', 'more companies')} in {sector.name}."
    elif not done:
        action = f"List {plural(target - len(plan.companies), 'more company', 'more companies')}."
    else:
        action = "Add companies as you discover them."
    return Step(2, "List the companies", done, progress, action)


def _step_people(plan: Plan) -> Step:
    people = plan.people
    target = plan.targets.people
    per_company = plan.targets.people_per_company
    thin = [c for c in plan.companies if len(c.people) < per_company]
    lacking = [c for c in plan.companies if missing_roles(c)]
    abroad = sum(1 for p in people if p.abroad)
    companies = len(plan.companies)
    progress = [
        f"{len(people)} / {target} people",
        f"{companies - len(thin)} / {companies} companies with {per_company}+ people",
        f"{companies - len(lacking)} / {companies} companies with operations and HR",
        f"{len(people) - abroad} at home, {abroad} abroad",
    ]
    done = len(people) >= target and not thin and not lacking
    if thin:
        more = plural(per_company - len(thin[0].people), "more person", "more people")
        action = f"Name {more} at {thin[0].name}."
    elif lacking:
        action = f"Find the {' and '.join(missing_roles(lacking[0]))} contact at {lacking[0].name}."
    elif not done:
        action = (
            f"Name {plural(target - len(people), 'more decision-maker', 'more decision-makers')}."
        )
    else:
        action = "Keep names current when people change jobs."
    return Step(3, "Name the key people", done, progress, action)


def _step_outreach(plan: Plan, today: dt.date) -> Step:
    people = plan.people
    contacted = sum(1 for p in people if is_contacted(p))
    cadence = plan.targets.invites_per_week
    this_week = invited_this_week(plan, today)
    weeks_on_target = streak(plan, today)
    share = f"{round(100 * contacted / len(people))}%" if people else "0%"
    progress = [
        f"{contacted} / {len(people)} people contacted ({share})",
        f"{this_week} / {cadence} invitations this week",
        f"{weeks_on_target} weeks in a row on target",
    ]
    everyone = bool(people) and contacted == len(people)
    done = everyone or weeks_on_target >= STEADY_WEEKS
    batch = len(next_batch(plan, today))
    if batch:
        action = f"Invite {plural(batch, 'more person', 'more people')} this week (see This week)."
    else:
        action = why_no_batch(plan, today)
    return Step(4, "Reach out, steadily", done, progress, action)


def next_batch(plan: Plan, today: dt.date) -> list[Person]:
    """This week's invitations: one person per company, by priority, sectors interleaved.

    A company that already had an invitation this week waits for next week, so no
    company is ever invited all at once.
    """
    quota = max(0, plan.targets.invites_per_week - invited_this_week(plan, today))
    monday = week_start(today)
    batch: list[Person] = []
    for company in _companies_in_outreach_order(plan):
        if len(batch) >= quota:
            break
        if any(
            t.action == "invited" and t.date >= monday for p in company.people for t in p.history
        ):
            continue
        waiting = [p for p in company.people if not is_contacted(p) and is_reachable(p)]
        if waiting:
            batch.append(min(waiting, key=lambda p: FOCUS_ORDER.get(p.focus, 9)))
    return batch


def why_no_batch(plan: Plan, today: dt.date) -> str:
    """What to do when this week's batch is empty."""
    waiting = [p for p in plan.people if not is_contacted(p)]
    if not waiting:
        return (
            "Everyone in the plan has been contacted: add companies or people, "
            "and keep the connections alive."
        )
    if invited_this_week(plan, today) >= plan.targets.invites_per_week:
        return "This week's invitations are sent: spend the time on follow-ups."
    if not any(is_reachable(p) for p in waiting):
        still = plural(len(waiting), "person", "people")
        return f"Add a linkedin or email to the {still} still to contact."
    return "Everyone still to contact works at a company invited this week: list more companies."


def _companies_in_outreach_order(plan: Plan) -> list[Company]:
    ordered: list[Company] = []
    for priority in sorted({c.priority for c in plan.companies}):
        queues = [[c for c in s.companies if c.priority == priority] for s in plan.sectors]
        while any(queues):
            for queue in queues:
                if queue:
                    ordered.append(queue.pop(0))
    return ordered


@dataclass(frozen=True)
class Number:
    label: str
    value: str


def headline_numbers(plan: Plan, today: dt.date) -> list[Number]:
    people = plan.people
    contacted = sum(1 for p in people if is_contacted(p))
    return [
        Number(
            "inbound contacts in the last 12 months", str(len(inbound_last_12_months(plan, today)))
        ),
        Number("people contacted", f"{contacted} / {len(people)}"),
        Number(
            "invitations this week",
            f"{invited_this_week(plan, today)} / {plan.targets.invites_per_week}",
        ),
        Number("follow-ups due", str(len(follow_ups_due(plan, today)))),
    ]


def contacted_count(people: list[Person]) -> int:
    return sum(1 for p in people if is_contacted(p))


def furthest_stage(people: list[Person]) -> str:
    """The most advanced stage among people (declined counts below invited)."""
    order = ("identified", "declined", "invited", "connected", "replied", "met")
    return max((p.stage for p in people), key=order.index, default="identified")


PROGRESSION = ("identified", "invited", "connected", "replied", "met")


def reached_counts(people: list[Person]) -> dict[str, int]:
    """How many people got at least as far as each stage (declines included)."""
    depth = {stage: index for index, stage in enumerate(PROGRESSION)}
    return {
        stage: sum(1 for p in people if depth[p.reached] >= depth[stage]) for stage in PROGRESSION
    }


def conversions(people: list[Person]) -> dict[str, float | None]:
    """Share of those who reached one stage that reached the next ('invited→connected')."""
    counts = reached_counts(people)
    result: dict[str, float | None] = {}
    for before, after in pairwise(PROGRESSION[1:]):
        result[f"{before}→{after}"] = counts[after] / counts[before] if counts[before] else None
    return result


def invite_channel(person: Person) -> str:
    invited = [t for t in person.history if t.action == "invited"]
    return (invited[0].channel or "unknown") if invited else "not invited"


def funnel_by_channel(plan: Plan) -> dict[str, dict[str, int]]:
    channels: dict[str, list[Person]] = {}
    for person in plan.people:
        if person.invited_on is not None:
            channels.setdefault(invite_channel(person), []).append(person)
    return {name: reached_counts(people) for name, people in sorted(channels.items())}


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def last_months(today: dt.date, count: int = 12) -> list[dt.date]:
    """First days of the last `count` months, oldest first, this month last."""
    months = [month_start(today)]
    while len(months) < count:
        months.append(month_start(months[-1] - dt.timedelta(days=1)))
    return months[::-1]


def inbound_per_month(plan: Plan, today: dt.date) -> list[tuple[dt.date, int]]:
    months = last_months(today)
    counts = Counter(
        month_start(entry.date) for entry in plan.inbound if months[0] <= entry.date <= today
    )
    return [(month, counts.get(month, 0)) for month in months]


def inbound_by_sector(plan: Plan, today: dt.date) -> dict[str, int]:
    counts = Counter(
        entry.sector.name if entry.sector else "outside the plan"
        for entry in inbound_last_12_months(plan, today)
    )
    ordered = [s.name for s in plan.sectors if counts.get(s.name)]
    if counts.get("outside the plan"):
        ordered.append("outside the plan")
    return {name: counts[name] for name in ordered}


def inbound_by_company(plan: Plan, today: dt.date) -> list[tuple[str, int]]:
    counts = Counter(
        entry.company.name if entry.company else (entry.company_name or "unknown")
        for entry in inbound_last_12_months(plan, today)
    )
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold()))


def average_relevance(plan: Plan, today: dt.date) -> float | None:
    scores = [e.relevance for e in inbound_last_12_months(plan, today) if e.relevance is not None]
    return round(sum(scores) / len(scores), 2) if scores else None


@dataclass(frozen=True)
class Coverage:
    sector: Sector
    focus: dict[str, int]
    home: int
    abroad: int


def coverage(plan: Plan) -> list[Coverage]:
    rows = []
    for sector in plan.sectors:
        people = sector.people
        focus = Counter(p.focus for p in people)
        abroad = sum(1 for p in people if p.abroad)
        rows.append(
            Coverage(
                sector=sector,
                focus={name: focus.get(name, 0) for name in FOCUS_ORDER},
                home=len(people) - abroad,
                abroad=abroad,
            )
        )
    return rows
