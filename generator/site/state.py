"""The plan a site build works from, shared by the hooks and the macros module.

`playbook build` loads the plan once and hands it over with `provide`, so MkDocs'
hooks and macros read the same model instead of parsing the YAML again. When MkDocs
runs on its own (`mkdocs build`, or each rebuild of `playbook serve`), the plan is
loaded here and reloaded only when a file under plans/ has changed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.config.load import load_plan
from generator.render.drafts import draft_problems
from generator.render.pages import OWNED_FOLDERS, all_pages
from generator.render.writer import WriteReport, write_pages
from generator.errors import InvalidPlan, PlaybookError
from generator.structure.model import Plan

PLANS_ENV = "PLAYBOOK_PLANS"
TODAY_ENV = "PLAYBOOK_TODAY"
SERVING_ENV = "PLAYBOOK_SERVING"


@dataclass
class SiteRun:
    plan: Plan
    today: dt.date
    fingerprint: tuple[tuple[str, int, int], ...] = ()
    pages_written: bool = False


_provided: SiteRun | None = None
_loaded: SiteRun | None = None


def fingerprint(plans_dir: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(p for p in plans_dir.rglob("*") if p.is_file()) if plans_dir.is_dir() else []
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_run(plans_dir: Path, today: dt.date) -> SiteRun:
    """Load and fully check a plan, drafts included, before anything is written."""
    plan = load_plan(plans_dir, today)
    problems = draft_problems(plan)
    if problems:
        raise InvalidPlan(problems)
    return SiteRun(plan, today, fingerprint(plans_dir))


@contextmanager
def provide(run: SiteRun) -> Iterator[SiteRun]:
    global _provided
    _provided = run
    try:
        yield run
    finally:
        _provided = None


def current(project_dir: Path) -> SiteRun:
    """The run handed over by `provide`, else the plan under PLAYBOOK_PLANS or plans/."""
    global _loaded
    if _provided is not None:
        return _provided
    plans_dir = Path(os.environ.get(PLANS_ENV) or project_dir / "plans")
    today_text = os.environ.get(TODAY_ENV)
    today = dt.date.fromisoformat(today_text) if today_text else dt.date.today()
    if (
        _loaded is None
        or _loaded.plan.plans_dir != plans_dir
        or _loaded.today != today
        or _loaded.fingerprint != fingerprint(plans_dir)
    ):
        _loaded = load_run(plans_dir, today)
    return _loaded


def generate(run: SiteRun, docs_dir: Path) -> WriteReport:
    """Write the run's pages once; later calls for the same run do nothing."""
    if run.pages_written:
        return WriteReport()
    report = write_pages(docs_dir, all_pages(run.plan, run.today), OWNED_FOLDERS)
    run.pages_written = True
    return report


def current_or_last_good(project_dir: Path) -> tuple[SiteRun, list[str]]:
    """The current run; while serving, the last one that loaded if an edit broke the plan.

    The second value lists the problems to show on every page (empty when all is well).
    """
    try:
        return current(project_dir), []
    except PlaybookError as exc:
        if os.environ.get(SERVING_ENV) != "1" or _loaded is None:
            raise
        return _loaded, exc.format_message().splitlines()
