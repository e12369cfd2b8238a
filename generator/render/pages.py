"""Markdown pages generated from the model, keyed by their path under the docs folder.

Templates live in generator/templates. Every value printed with `{{ }}` is escaped for
Markdown unless it is already Markup (the output of an escaping helper), so user text
shows literally wherever it lands. Every template gets the plan's `Situation` as
`facts`, and the macros read it too (imported `with context`): a person's facts are
`facts[person]`, their drafts `facts.drafts[person]`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from generator.drafts.drafts import Draft, as_linkedin_message, first_draft_kind, language_of
from generator.drafts.order import (
    draft_label,
    draft_noun,
    email_subject,
    shown_kinds,
    subject_kind,
)
from generator.metrics import counts, outreach
from generator.metrics.budget import linkedin_budget
from generator.metrics.checklist import (
    Number,
    checklist,
    first_steps,
    headline_numbers,
    sector_company_target,
)
from generator.metrics.situation import Situation
from generator.model.model import Company, Person, Sector
from generator.model.vocabulary import PLANNED, Focus, MessageKind
from generator.render import scoreboard
from generator.render.escape import code_text, escape_inline, link, mailto
from generator.render.search_links import people_search_url
from generator.render.tables import drop_empty_columns
from generator.render.terms import (
    action_label,
    against_target,
    channel_label,
    focus_term,
    joined,
    stage_pill,
    term,
)
from generator.render.titles import person_titles
from generator.wording import percent, plural


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return value
    if isinstance(value, int | dt.date) and not isinstance(value, bool):
        return Markup(value.isoformat() if isinstance(value, dt.date) else str(value))
    return escape_inline(value)


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
    env.globals.update(
        link=link,
        mailto=mailto,
        draft_code=code_text,
        percent=percent,
        plural=plural,
        people_search_url=people_search_url,
        planned=lambda action: PLANNED[action],
        stage_pill=stage_pill,
        channel_label=channel_label,
        action_label=action_label,
        focus_term=focus_term,
        joined=joined,
        against_target=against_target,
        term=term,
        bold=lambda text: Markup(f"**{escape_inline(text)}**"),
        draft_label=draft_label,
        draft_noun=draft_noun,
        shown_kinds=shown_kinds,
        subject_kind=subject_kind,
        email_subject=email_subject,
        as_linkedin_message=as_linkedin_message,
    )
    env.filters["safe"] = Markup
    return env


_ENV = _environment()


def render(template: str, facts: Situation, **context: Any) -> str:
    text = _ENV.get_template(template).render(facts=facts, **context)
    lines = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return drop_empty_columns(re.sub(r"\n{3,}", "\n\n", lines) + "\n")


@dataclass(frozen=True)
class SectorRow:
    sector: Sector
    target: int
    contacted: int
    inbound: int


@dataclass(frozen=True)
class Suggestion:
    """A person to write to this week and the draft for their channel."""

    person: Person
    kind: MessageKind
    drafts: Mapping[MessageKind, Draft]

    @property
    def draft(self) -> Draft:
        return self.drafts[self.kind]

    @property
    def subject(self) -> str:
        subject = self.drafts.get(MessageKind.EMAIL_SUBJECT)
        return subject.text if subject else ""


def sector_rows(situation: Situation) -> list[SectorRow]:
    recent = counts.inbound_last_12_months(situation)
    return [
        SectorRow(
            sector=sector,
            target=sector_company_target(situation.plan, sector),
            contacted=counts.contacted_count(situation[sector].people),
            inbound=sum(1 for entry in recent if entry.sector is sector),
        )
        for sector in situation.plan.sectors
    ]


def person_page(situation: Situation, person: Person, title: str | None = None) -> str:
    """The person's page, titled as `person_titles` has it (worked out here unless given:
    `all_pages` works out everyone's at once)."""
    if title is None:
        title = person_titles(situation.plan.people)[person]
    known = situation[person]
    next_kind = outreach.next_draft(known, situation.is_follow_up_due(person))
    return render(
        "person.md.j2",
        situation,
        person=person,
        title=title,
        known=known,
        drafts=situation.drafts[person],
        first=next_kind,
        opened=outreach.opened_draft(known, next_kind),
        language=language_of(person),
        status=situation.next_step(person),
        note_limit=situation.plan.targets.note_limit,
    )


def company_page(situation: Situation, company: Company) -> str:
    missing = outreach.missing_roles(company)
    short = max(0, situation.plan.targets.people_per_company - len(company.people))
    wanted = [str(f) for f in missing] or ([str(Focus.OPERATIONS)] if short else [])
    searches = [(role, people_search_url(company.name, role)) for role in wanted]
    known = situation[company]
    # Newest first; touches of the same day as `Touch.order` has them, the last logged first.
    timeline = sorted(
        [(touch.date, p.person, touch) for p in known.people for touch in p.history],
        key=lambda item: item[2].order,
        reverse=True,
    )
    return render(
        "company.md.j2",
        situation,
        company=company,
        missing=missing,
        short=short,
        searches=searches,
        inbound=sorted(known.inbound, key=lambda e: e.date, reverse=True),
        recent=timeline[:10],
    )


def sector_pages(situation: Situation) -> dict[str, str]:
    pages = {"sectors/index.md": render("sectors.md.j2", situation, rows=sector_rows(situation))}
    for sector in situation.plan.sectors:
        rows = [
            {
                "company": company,
                "contacted": counts.contacted_count(situation[company].people),
                "furthest": counts.furthest_stage(situation[company].people),
            }
            for company in sorted(sector.companies, key=lambda c: (c.priority, c.name.casefold()))
        ]
        pages[f"sectors/{situation[sector].slug}/index.md"] = render(
            "sector.md.j2",
            situation,
            sector=sector,
            rows=rows,
            company_target=sector_company_target(situation.plan, sector),
        )
    return pages


def this_week_page(situation: Situation) -> str:
    plan = situation.plan
    batch = [
        Suggestion(p, first_draft_kind(situation[p]), situation.drafts[p])
        for p in situation.next_batch
    ]
    follow_ups = [
        Suggestion(p, MessageKind.FOLLOW_UP, situation.drafts[p])
        for p in situation.follow_ups_this_week
    ]
    return render(
        "this_week.md.j2",
        situation,
        week_start=counts.week_start(situation.today),
        invited=counts.invited_this_week(situation),
        cadence=plan.targets.invites_per_week,
        batch=batch,
        empty_reason=outreach.why_no_batch(situation),
        follow_ups=follow_ups,
        follow_ups_due=len(situation.follow_ups_due),
        keep_alive_days=plan.targets.keep_alive_days,
        nudges=situation.pending_invitations,
        answer_them=situation.answer_them,
        coming_up=situation.coming_up,
        budget=linkedin_budget(situation),
        note_limit=plan.targets.note_limit,
        **no_answer_context(situation),
    )


def no_answer_context(situation: Situation) -> dict[str, Any]:
    """What the no-answer cycle adds to This week (its own partial)."""
    return {
        "reminders": situation.reminders_due,
        "follow_up_after_days": situation.plan.targets.follow_up_after_days,
        "max_reminders_words": outreach.MAX_REMINDERS_WORDS,
        "move_on": outreach.try_someone_else(situation),
        "withdrawn": outreach.withdrawn_invitations(situation),
        "today": situation.today,
    }


def scoreboard_page(situation: Situation) -> str:
    plan = situation.plan
    return render(
        "scoreboard.md.j2",
        situation,
        today=situation.today,
        targets=plan.targets,
        cards=Markup(headline_cards(situation, "scoreboard")),
        funnel_chart=scoreboard.funnel_chart(situation),
        sector_funnels=[(s, counts.reached_counts(situation[s].people)) for s in plan.sectors],
        channel_funnels=counts.funnel_by_channel(situation),
        weekly_chart=scoreboard.weekly_chart(situation),
        streak=counts.streak(situation),
        inbound_chart=scoreboard.inbound_chart(situation),
        inbound_by_sector=counts.inbound_by_sector(situation),
        inbound_by_company=counts.inbound_by_company(situation),
        sectors_by_name={sector.name: sector for sector in plan.sectors},
        companies_by_name={company.name: company for company in plan.companies},
        average_relevance=counts.average_relevance(situation),
        coverage_chart=scoreboard.coverage_chart(situation),
        sectors=sector_rows(situation),
        follow_ups=situation.follow_ups_due,
        keep_alive_days=plan.targets.keep_alive_days,
        silent=situation.silent_companies,
        follow_up_after_days=plan.targets.follow_up_after_days,
        max_reminders_words=outreach.MAX_REMINDERS_WORDS,
        inbound=sorted(plan.inbound, key=lambda entry: entry.date, reverse=True),
    )


def home_checklist(situation: Situation) -> str:
    return render(
        "checklist.md.j2",
        situation,
        steps=checklist(situation),
        first_steps=first_steps(situation.plan),
    )


# Where each headline number is explained: (page, section, link text).
NUMBER_DETAILS = {
    "inbound": ("scoreboard/index.md", "inbound", "Inbound, month by month"),
    "funnel": ("scoreboard/index.md", "funnel", "The funnel"),
    "this week": ("this-week/index.md", "reach-out", "This week's batch"),
    "follow-ups": ("this-week/index.md", "follow-up", "The follow-ups to send"),
}


def _detail_link(number: Number, page: str) -> tuple[str, str]:
    """The link from a headline number to its details, relative to the page it is on."""
    target, section, text = NUMBER_DETAILS[number.topic]
    if page == "home":
        return f"{target}#{section}", text
    if target == page + "/index.md":
        return f"#{section}", text
    return f"../{target}#{section}", text


def headline_cards(situation: Situation, page: str) -> str:
    """The headline numbers as Material grid cards, each linking to its details."""
    cards = [(number, *_detail_link(number, page)) for number in headline_numbers(situation)]
    return render("numbers.md.j2", situation, cards=cards)


def home_numbers(situation: Situation) -> str:
    return headline_cards(situation, "home")


def home_week(situation: Situation) -> str:
    return render(
        "this_week_summary.md.j2",
        situation,
        batch=situation.next_batch,
        empty_reason=outreach.why_no_batch(situation),
        reminders=situation.reminders_due,
        follow_ups=situation.follow_ups_due,
        nudges=situation.pending_invitations,
        answer_them=situation.answer_them,
        coming_up=situation.coming_up,
    )


def all_pages(situation: Situation) -> dict[str, str]:
    """Every generated page, by its path relative to the docs folder."""
    plan = situation.plan
    pages = {
        "this-week/index.md": this_week_page(situation),
        "scoreboard/index.md": scoreboard_page(situation),
    }
    pages.update(sector_pages(situation))
    pages.update(
        {f"companies/{situation[c].slug}.md": company_page(situation, c) for c in plan.companies}
    )
    titles = person_titles(plan.people)
    for person in plan.people:
        page = person_page(situation, person, titles[person])
        pages[f"people/{situation[person].slug}.md"] = page
    return pages
