"""Markdown pages generated from the model, keyed by their path under the docs folder.

Templates live in generator/templates. Every value printed with `{{ }}` is escaped for
Markdown unless it is already Markup (the output of an escaping helper), so user text
shows literally wherever it lands.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from generator import metrics
from generator.render import scoreboard
from generator.render.drafts import Draft, drafts_for, render_draft
from generator.render.escape import fence, link, mailto, md
from generator.structure.model import Person, Plan, Sector

# The folders of the docs folder that the generator owns: rewritten on every build.
OWNED_FOLDERS = ("this-week", "scoreboard", "sectors", "companies", "people")


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, int | dt.date) and not isinstance(value, bool):
        return Markup(value.isoformat() if isinstance(value, dt.date) else str(value))
    return md(value)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        # Autoescape makes macros return Markup, so their output is not escaped twice;
        # `_finalize` has already turned every other value into escaped Markup.
        autoescape=True,
    )
    env.globals.update(link=link, mailto=mailto, fence=fence, percent=metrics.percent)
    env.filters["safe"] = Markup
    return env


_ENV = _environment()


def render(template: str, **context: Any) -> str:
    text = _ENV.get_template(template).render(**context)
    lines = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return re.sub(r"\n{3,}", "\n\n", lines) + "\n"


@dataclass(frozen=True)
class SectorRow:
    sector: Sector
    target: int
    contacted: int
    inbound: int


@dataclass(frozen=True)
class Suggestion:
    person: Person
    draft: Draft


def sector_rows(plan: Plan, today: dt.date) -> list[SectorRow]:
    recent = metrics.inbound_last_12_months(plan, today)
    return [
        SectorRow(
            sector=sector,
            target=metrics.sector_company_target(plan, sector),
            contacted=metrics.contacted_count(sector.people),
            inbound=sum(1 for entry in recent if entry.sector is sector),
        )
        for sector in plan.sectors
    ]


def person_page(plan: Plan, person: Person) -> str:
    return render("person.md.j2", person=person, drafts=drafts_for(plan, person))


def company_pages(plan: Plan) -> dict[str, str]:
    return {
        f"companies/{company.slug}.md": render(
            "company.md.j2", company=company, missing=metrics.missing_roles(company)
        )
        for company in plan.companies
    }


def sector_pages(plan: Plan, today: dt.date) -> dict[str, str]:
    pages = {"sectors/index.md": render("sectors.md.j2", rows=sector_rows(plan, today))}
    for sector in plan.sectors:
        rows = [
            {
                "company": company,
                "contacted": metrics.contacted_count(company.people),
                "furthest": metrics.furthest_stage(company.people),
            }
            for company in sorted(sector.companies, key=lambda c: (c.priority, c.name.casefold()))
        ]
        pages[f"sectors/{sector.slug}/index.md"] = render(
            "sector.md.j2",
            sector=sector,
            rows=rows,
            company_target=metrics.sector_company_target(plan, sector),
        )
    return pages


def this_week_page(plan: Plan, today: dt.date) -> str:
    batch = [
        Suggestion(person, render_draft(plan, person, "invite"))
        for person in metrics.next_batch(plan, today)
    ]
    follow_ups = [
        Suggestion(person, render_draft(plan, person, "follow_up"))
        for person in metrics.follow_ups_this_week(plan, today)
    ]
    return render(
        "this_week.md.j2",
        week_start=metrics.week_start(today),
        invited=metrics.invited_this_week(plan, today),
        cadence=plan.targets.invites_per_week,
        batch=batch,
        empty_reason=metrics.why_no_batch(plan, today),
        follow_ups=follow_ups,
        follow_ups_due=len(metrics.follow_ups_due(plan, today)),
        keep_alive_days=plan.targets.keep_alive_days,
    )


def scoreboard_page(plan: Plan, today: dt.date) -> str:
    return render(
        "scoreboard.md.j2",
        today=today,
        targets=plan.targets,
        headline=metrics.headline_numbers(plan, today),
        funnel_chart=scoreboard.funnel_chart(plan),
        conversions=metrics.conversions(plan.people),
        sector_funnels=[(s, metrics.reached_counts(s.people)) for s in plan.sectors],
        channel_funnels=metrics.funnel_by_channel(plan),
        weekly_chart=scoreboard.weekly_chart(plan, today),
        streak=metrics.streak(plan, today),
        inbound_chart=scoreboard.inbound_chart(plan, today),
        inbound_by_sector=metrics.inbound_by_sector(plan, today),
        inbound_by_company=metrics.inbound_by_company(plan, today),
        average_relevance=metrics.average_relevance(plan, today),
        coverage_chart=scoreboard.coverage_chart(plan),
        sectors=sector_rows(plan, today),
        follow_ups=metrics.follow_ups_due(plan, today),
        keep_alive_days=plan.targets.keep_alive_days,
        silent=metrics.silent_companies(plan, today),
        silent_days=metrics.SILENT_AFTER_DAYS,
        inbound=sorted(plan.inbound, key=lambda entry: entry.date, reverse=True),
    )


def all_pages(plan: Plan, today: dt.date) -> dict[str, str]:
    """Every generated page, by its path relative to the docs folder."""
    pages = {
        "this-week/index.md": this_week_page(plan, today),
        "scoreboard/index.md": scoreboard_page(plan, today),
    }
    pages.update(sector_pages(plan, today))
    pages.update(company_pages(plan))
    pages.update({f"people/{p.slug}.md": person_page(plan, p) for p in plan.people})
    return pages
