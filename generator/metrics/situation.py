"""A plan as of one day with everything worked out: what every command and page reads.

`checking.load_plan` makes one per run: the plan's facts (`PlanFacts`, which it
extends), every person's drafts and the warnings found checking it. The week's figures
that pages and commands ask for again and again are properties worked out the first
time they are read and kept: the plan and its facts never change, so neither do they.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from generator.drafts.drafts import Drafts
from generator.errors import Problem
from generator.metrics import outreach
from generator.model.facts import PlanFacts
from generator.model.model import Company, Person
from generator.model.vocabulary import PLANNED
from generator.wording import plural


@dataclass(frozen=True, eq=False)
class Situation(PlanFacts):
    # Each person's drafts, one per kind.
    drafts: Mapping[Person, Drafts]
    # What is worth fixing but does not stop a build, in file order.
    warnings: tuple[Problem, ...]

    @classmethod
    def of(
        cls, facts: PlanFacts, drafts: Mapping[Person, Drafts], warnings: tuple[Problem, ...]
    ) -> Situation:
        return cls(
            plan=facts.plan,
            today=facts.today,
            first_outreach=facts.first_outreach,
            person_facts=facts.person_facts,
            company_facts=facts.company_facts,
            sector_facts=facts.sector_facts,
            drafts=drafts,
            warnings=warnings,
        )

    @cached_property
    def next_batch(self) -> list[Person]:
        """This week's invitations (see `outreach.next_batch`)."""
        return outreach.next_batch(self)

    @cached_property
    def follow_ups_due(self) -> list[Person]:
        """Connections due a keep-alive follow-up, longest silence first."""
        return outreach.follow_ups_due(self)

    @property
    def follow_ups_this_week(self) -> list[Person]:
        """The longest-silent follow-ups, as many as one week can take."""
        return self.follow_ups_due[: outreach.FOLLOW_UPS_PER_WEEK]

    @cached_property
    def pending_invitations(self) -> list[outreach.Nudge]:
        """Invitations pending for three weeks or more."""
        return outreach.pending_invitations(self)

    @cached_property
    def reminders_due(self) -> list[outreach.Reminder]:
        return outreach.reminders_due(self, self.drafts)

    @cached_property
    def coming_up(self) -> list[outreach.Planned]:
        return outreach.coming_up(self)

    @cached_property
    def answer_them(self) -> list[Person]:
        """People who wrote or called first and wait for my answer (`outreach.answer_them`)."""
        return [p.person for p in outreach.answer_them(self)]

    @cached_property
    def silent_companies(self) -> list[Company]:
        return outreach.silent_companies(self)

    @cached_property
    def _batch(self) -> frozenset[Person]:
        return frozenset(self.next_batch)

    @cached_property
    def _follow_ups(self) -> frozenset[Person]:
        return frozenset(self.follow_ups_due)

    @cached_property
    def _nudges(self) -> Mapping[Person, outreach.Nudge]:
        return {nudge.person: nudge for nudge in self.pending_invitations}

    def in_batch(self, person: Person) -> bool:
        return person in self._batch

    def is_follow_up_due(self, person: Person) -> bool:
        return person in self._follow_ups

    def nudge_for(self, person: Person) -> outreach.Nudge | None:
        return self._nudges.get(person)

    def reminder_for(self, person: Person) -> outreach.Reminder | None:
        return outreach.reminder_for(self, person, self.drafts[person])

    def next_step(self, person: Person) -> str:
        """What the week holds for this person: the same answer on every page, in `next`
        and in the exports."""
        if self.in_batch(person):
            return "in this week's batch: send the first message now"
        reminder = self.reminder_for(person)
        if reminder is not None:
            days = self.plan.targets.follow_up_after_days
            return f"no answer for {plural(days, 'business day', 'business days')}: {reminder.how}"
        move_on = outreach.move_on_for(self, person)
        if move_on is not None:
            tried = plural(move_on.attempts, "message", "messages")
            return f"no answer to {tried}: try someone else at {person.company.name}"
        nudge = self.nudge_for(person)
        if nudge is not None:
            return f"invitation pending for {nudge.days} days: {nudge.advice}"
        reinvite = outreach.reinvite_for(self, person)
        if reinvite is not None:
            return f"invitation withdrawn on {reinvite.withdrawn}: {reinvite.when(self.today)}"
        waiting_for_me = self[person].waiting_for_me
        if waiting_for_me is not None:
            return f"contacted you on {waiting_for_me.date}: answer them"
        if self.is_follow_up_due(person):
            return "due a follow-up"
        planned = self[person].planned
        if planned:
            first = min(planned, key=lambda touch: touch.order)
            return f"{PLANNED[first.action]} planned for {first.when}"
        waiting = outreach.waiting_for_answer(self, person)
        if waiting:
            return waiting
        known = self[person]
        if not known.in_touch and not person.reachable:
            return "no linkedin or email yet: add one to reach out"
        if not known.in_touch and known.already_connected_on is not None:
            since = known.already_connected_on
            return f"already connected (since {since}): message them in a future batch"
        if not known.in_touch:
            return "waiting for a future batch"
        return ""
