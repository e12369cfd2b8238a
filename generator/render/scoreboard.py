"""The scoreboard's charts, built from the metrics."""

from __future__ import annotations

from markupsafe import Markup

from generator.metrics import counts
from generator.model.facts import PlanFacts
from generator.model.vocabulary import Focus, Stage
from generator.render.charts import Segment, horizontal_bars, stacked_rows, vertical_bars
from generator.wording import percent

FOCUS_CLASSES = {
    Focus.OPERATIONS: "seg-1",
    Focus.HR: "seg-2",
    Focus.RECRUITER: "seg-3",
    Focus.OTHER: "seg-4",
}


def funnel_chart(facts: PlanFacts) -> Markup:
    people = facts.people
    stage_counts = counts.stage_counts(people)
    reached = counts.reached_counts(people)
    rows = []
    for stage in Stage:
        final = stage in (Stage.IDENTIFIED, Stage.DECLINED)
        extra = "" if final else f"(reached by {reached[stage]})"
        rows.append((str(stage), stage_counts[stage], extra))
    conversions = [
        f"{step}: {percent(share)}" for step, share in counts.conversions(people).items()
    ]
    return Markup(horizontal_bars("People by stage", rows, note=conversions))


def weekly_chart(facts: PlanFacts) -> Markup:
    weeks = counts.invites_per_week(facts)
    bars = [(monday.strftime("%d %b"), count) for monday, count in weeks]
    chart = vertical_bars(
        f"Invitations per week, last {len(weeks)} weeks",
        bars,
        target=facts.plan.targets.invites_per_week,
        label_every=4,
    )
    return Markup(chart)


def inbound_chart(facts: PlanFacts) -> Markup:
    months = counts.inbound_per_month(facts)
    bars = [(month.strftime("%b"), count) for month, count in months]
    return Markup(vertical_bars("Inbound contacts per month, last 12 months", bars))


def coverage_chart(facts: PlanFacts) -> Markup:
    rows = []
    for row in counts.coverage(facts):
        focus = [
            Segment(str(name), count, FOCUS_CLASSES[name])
            for name, count in row.focus.items()
            if count
        ]
        places = [Segment("home", row.home, "seg-5"), Segment("abroad", row.abroad, "seg-6")]
        if row.unknown:
            places.append(Segment("country unknown", row.unknown, "seg-4"))
        rows.append((row.sector.name, [("focus", focus), ("where", places)]))
    return Markup(stacked_rows("Who the plan covers, per sector", rows))
