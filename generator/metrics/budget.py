"""The LinkedIn budget: what LinkedIn's own limits leave for this week's outreach.

LinkedIn caps invitations at about a hundred a week, lets a free account send only a
few personalised notes a month, and counts invitations left pending against you. Its
limits count every invitation, also those to people outside the plan, so the figures
come from LinkedIn's export where there is one (`plans/linkedin.yaml`, written by the
import) and from the plan's own `invited` touches for the days after it. Without an
import, the plan alone: invitations to people outside it are then not counted, and
the budget says so.

Invitations logged in the plan after the export count as carrying a note: the drafts
hold one, and counting one too many only stops proposing notes a little early.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from generator.metrics.counts import month_start, week_start
from generator.metrics.outreach import PENDING_AFTER_DAYS
from generator.model.derive import is_linkedin_invitation
from generator.model.facts import PlanFacts
from generator.model.model import LinkedInCounts
from generator.model.vocabulary import Stage
from generator.wording import plural

# How far back the counts of plans/linkedin.yaml reach before the export's day.
COUNTED_DAYS = 366


@dataclass(frozen=True)
class LinkedInBudget:
    invitations_this_week: int
    weekly_limit: int  # targets.linkedin_invites_per_week
    notes_this_month: int
    notes_limit: int | None  # targets.notes_per_month; None: no quota
    pending_in_plan: int
    pending_in_plan_long: int  # waiting 21 days or more
    pending_outside: int  # to people outside the plan, as of the export
    pending_outside_long: int
    oldest_outside: dt.date | None  # the oldest of those waiting 21 days or more
    exported_on: dt.date | None  # the export counted; None: the plan alone

    @property
    def invitations_left(self) -> int:
        return max(0, self.weekly_limit - self.invitations_this_week)

    @property
    def notes_left(self) -> int | None:
        if self.notes_limit is None:
            return None
        return max(0, self.notes_limit - self.notes_this_month)

    @property
    def notes_used_up(self) -> bool:
        """No personalised note left this month: invite without one."""
        return self.notes_left == 0

    @property
    def notes_gone(self) -> str:
        """Why an invitation goes without a note this month."""
        if not self.notes_limit:
            return "no personalised notes this month (targets.notes_per_month is 0)"
        if self.notes_limit == 1:
            return "this month's one personalised note is used"
        return f"this month's {self.notes_limit} personalised notes are used"

    @property
    def pending(self) -> int:
        return self.pending_in_plan + self.pending_outside

    @property
    def pending_long(self) -> int:
        return self.pending_in_plan_long + self.pending_outside_long

    @property
    def source(self) -> str:
        if self.exported_on is None:
            return "from the plan alone; import LinkedIn's export to count every invitation"
        return f"from LinkedIn's export of {self.exported_on.isoformat()} and the plan since"

    @property
    def notes_text(self) -> str:
        if self.notes_limit is None:
            return f"{plural(self.notes_this_month, 'note', 'notes')} this month"
        return f"{self.notes_this_month} / {self.notes_limit} notes this month"

    @property
    def outside_advice(self) -> str:
        """The withdraw nudge for invitations to people outside the plan, or ""."""
        if not self.pending_outside_long or self.oldest_outside is None:
            return ""
        count = plural(self.pending_outside_long, "invitation", "invitations")
        return (
            f"{count} to people outside the plan waiting 3+ weeks (the oldest since "
            f"{self.oldest_outside.isoformat()}): withdraw them on LinkedIn "
            "(My Network → Manage → Sent); pending invitations count against you"
        )

    def summary(self) -> str:
        """One line: the week, the month, what is pending."""
        long = f", {self.pending_long} for 3+ weeks" if self.pending_long else ""
        return (
            f"LinkedIn: {self.invitations_this_week} / {self.weekly_limit} invitations this week"
            f" · {self.notes_text} · {self.pending} pending{long}"
        )

    def as_json(self) -> dict[str, object]:
        return {
            "invitations_this_week": self.invitations_this_week,
            "invitations_per_week_limit": self.weekly_limit,
            "notes_this_month": self.notes_this_month,
            "notes_per_month_limit": self.notes_limit,
            "notes_left": self.notes_left,
            "pending": self.pending,
            "pending_3_weeks": self.pending_long,
            "pending_outside_plan": self.pending_outside,
            "pending_outside_plan_3_weeks": self.pending_outside_long,
            "export_date": self.exported_on.isoformat() if self.exported_on else None,
        }


def budget_lines(budget: LinkedInBudget) -> list[str]:
    """The budget for a terminal: the line of figures, where they come from, what to do."""
    lines = [f"{budget.summary()} ({budget.source})"]
    if budget.invitations_left == 0:
        lines.append(
            "LinkedIn's weekly limit is reached: e-mail this week's batch or wait for Monday"
        )
    if budget.notes_used_up:
        gone = budget.notes_gone
        lines.append(
            f"{gone[0].upper()}{gone[1:]}: invite without a note, and send the message once "
            "they accept"
        )
    if budget.outside_advice:
        lines.append(budget.outside_advice)
    return lines


def linkedin_budget(facts: PlanFacts) -> LinkedInBudget:
    plan = facts.plan
    today = facts.today
    logged = _logged_invitations(facts)
    counts = (
        plan.linkedin if plan.linkedin is not None and plan.linkedin.exported_on <= today else None
    )
    sent, notes = _exported(counts)

    def day_counts(first: dt.date) -> tuple[int, int]:
        invitations = with_notes = 0
        day = first
        while day <= today:
            if counts is not None and _covered(counts, day):
                invitations += sent.get(day, 0)
                with_notes += notes.get(day, 0)
            else:
                invitations += logged.get(day, 0)
                with_notes += logged.get(day, 0)
            day += dt.timedelta(days=1)
        return invitations, with_notes

    this_week, _ = day_counts(week_start(today))
    _, this_month = day_counts(month_start(today))
    waiting = [
        p.pending_since
        for p in facts.people
        if p.pending_since is not None and p.stage is Stage.INVITED
    ]
    outside = [(e.date, e.count) for e in (counts.pending if counts else []) if e.date <= today]
    outside_long = [(day, n) for day, n in outside if (today - day).days >= PENDING_AFTER_DAYS]
    return LinkedInBudget(
        invitations_this_week=this_week,
        weekly_limit=plan.targets.linkedin_invites_per_week,
        notes_this_month=this_month,
        notes_limit=plan.targets.notes_per_month,
        pending_in_plan=len(waiting),
        pending_in_plan_long=sum(1 for day in waiting if (today - day).days >= PENDING_AFTER_DAYS),
        pending_outside=sum(n for _, n in outside),
        pending_outside_long=sum(n for _, n in outside_long),
        oldest_outside=min((day for day, _ in outside_long), default=None),
        exported_on=counts.exported_on if counts else None,
    )


def _logged_invitations(facts: PlanFacts) -> Counter[dt.date]:
    """LinkedIn invitations the plan logs, per day (an invitation on no channel named
    is taken to be LinkedIn's, as the pending list takes it)."""
    return Counter(
        touch.date
        for person in facts.people
        for touch in person.history
        if is_linkedin_invitation(touch)
    )


def _exported(counts: LinkedInCounts | None) -> tuple[dict[dt.date, int], dict[dt.date, int]]:
    if counts is None:
        return {}, {}
    return (
        {entry.date: entry.sent for entry in counts.invitations},
        {entry.date: entry.notes for entry in counts.invitations},
    )


def _covered(counts: LinkedInCounts, day: dt.date) -> bool:
    """A day the export's counts speak for: up to its date, back a year."""
    return counts.exported_on - dt.timedelta(days=COUNTED_DAYS) <= day <= counts.exported_on
