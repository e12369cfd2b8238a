"""The scoreboard's charts, built from the metrics."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from generator import metrics
from generator.render.charts import Segment, horizontal_bars, stacked_rows, vertical_bars
from generator.structure.model import STAGES, Plan

FOCUS_CLASSES = {"operations": "seg-1", "hr": "seg-2", "recruiter": "seg-3", "other": "seg-4"}


def funnel_chart(plan: Plan) -> Markup:
    people = plan.people
    counts = metrics.stage_counts(people)
    reached = metrics.reached_counts(people)
    rows = []
    for stage in STAGES:
        final = stage in ("identified", "declined")
        extra = "" if final else f"(reached by {reached[stage]})"
        rows.append((stage, counts[stage], extra))
    conversions = [
        f"{step}: {metrics.percent(share)}" for step, share in metrics.conversions(people).items()
    ]
    return Markup(horizontal_bars("People by stage", rows, note=conversions))


def weekly_chart(plan: Plan, today: dt.date) -> Markup:
    weeks = metrics.invites_per_week(plan, today)
    bars = [(monday.strftime("%d %b"), count) for monday, count in weeks]
    chart = vertical_bars(
        f"Invitations per week, last {len(weeks)} weeks",
        bars,
        target=plan.targets.invites_per_week,
        label_every=4,
    )
    return Markup(chart)


def inbound_chart(plan: Plan, today: dt.date) -> Markup:
    months = metrics.inbound_per_month(plan, today)
    bars = [(month.strftime("%b"), count) for month, count in months]
    return Markup(vertical_bars("Inbound contacts per month, last 12 months", bars))


def coverage_chart(plan: Plan) -> Markup:
    rows = []
    for row in metrics.coverage(plan):
        focus = [
            Segment(name, count, FOCUS_CLASSES[name]) for name, count in row.focus.items() if count
        ]
        rows.append((f"{row.sector.name}: focus", focus))
        places = [Segment("home", row.home, "seg-5"), Segment("abroad", row.abroad, "seg-6")]
        rows.append((f"{row.sector.name}: where", places))
    return Markup(stacked_rows("Who the plan covers, per sector", rows))
