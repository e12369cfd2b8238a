"""Every number the playbook shows, computed from the model as of the plan's day.

Pages, `status`, `next` and the exports all read these functions, so a figure is the
same everywhere: `counts` (funnel, series, inbound), `outreach` (this week's batch,
follow-ups, what is pending or coming up) and `checklist` (the four steps).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from generator.model.model import Plan

T = TypeVar("T")


def memo(plan: Plan, key: str, compute: Callable[[Plan], T]) -> T:
    """Work a figure out once per plan; the plan does not change once derived."""
    if key not in plan.memo:
        plan.memo[key] = compute(plan)
    value: T = plan.memo[key]
    return value
