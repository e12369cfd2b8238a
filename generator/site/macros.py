"""The mkdocs-macros module: hand-written pages read the same model as generated ones.

Everything it returns is escaped Markdown, so user text in `{{ me.goal }}` or in a
macro's output shows literally and is never evaluated again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from generator import metrics
from generator.errors import PlaybookError
from generator.render.escape import link, md
from generator.render.pages import render
from generator.site import state


def _run(env: Any) -> state.SiteRun:
    try:
        return state.current_or_last_good(Path(env.project_dir))[0]
    except PlaybookError as exc:
        raise PluginError(exc.format_message()) from None


def define_env(env: Any) -> None:
    run = _run(env)
    me = run.plan.me
    env.variables["me"] = {
        "name": md(me.name),
        "headline": md(me.headline),
        "goal": md(me.goal),
        "location": md(me.location),
        "linkedin": link(me.linkedin) if me.linkedin else Markup(""),
        "email": md(me.email),
    }

    @env.macro  # type: ignore[untyped-decorator]
    def checklist() -> str:
        """The four steps, each ticked only when its targets are met."""
        current = _run(env)
        return render("checklist.md.j2", steps=metrics.checklist(current.plan, current.today))

    @env.macro  # type: ignore[untyped-decorator]
    def headline_numbers() -> str:
        """The numbers that say whether the method is working."""
        current = _run(env)
        numbers = metrics.headline_numbers(current.plan, current.today)
        return render("numbers.md.j2", numbers=numbers)

    @env.macro  # type: ignore[untyped-decorator]
    def this_week() -> str:
        """A short view of this week's batch, linking to the full page."""
        current = _run(env)
        batch = metrics.next_batch(current.plan, current.today)
        due = metrics.follow_ups_due(current.plan, current.today)
        return render("this_week_summary.md.j2", batch=batch, follow_ups=due)
