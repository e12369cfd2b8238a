"""What one site build works from: the plan, its pages, and what changed since the last.

`playbook build` makes a session from the plan it has just checked; `playbook serve`
keeps one session for its whole run, so each rebuild re-reads only the files that
changed, renders the pages once, and knows which of them differ from the last build.
The MkDocs plugin reads the session it is given; nothing is passed any other way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from generator.checking import load_plan
from generator.errors import InvalidPlan
from generator.metrics.situation import Situation
from generator.reading.cache import ReadCache
from generator.render.pages import all_pages
from generator.site.internals import SearchEntry
from generator.site.nav import NavEntry, sectors_section


@dataclass
class SiteSession:
    plans_dir: Path
    # The day the plan is computed for; None means the real date at each load.
    today: dt.date | None = None
    # While serving, an edit that breaks the plan keeps the last good one on screen.
    keep_last_good: bool = False
    cache: ReadCache = field(default_factory=ReadCache)
    plan: Situation | None = None
    problems: list[str] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    # Pages whose Markdown differs from the last build; None: treat every page as new.
    changed: set[str] | None = None
    # Search entries of every page, by source path, kept so a partial build can
    # write the whole index.
    search_entries: dict[str, list[SearchEntry]] = field(default_factory=dict)
    # The theme's compiled templates, so a rebuild does not compile them again.
    templates: jinja2.BytecodeCache = field(default_factory=lambda: _MemoryBytecodeCache())
    # Counts the plans loaded: the pages are rendered once per plan.
    generation: int = 0
    _rendered_generation: int | None = None

    @classmethod
    def for_plan(cls, plan: Situation) -> SiteSession:
        """A session around a plan that is already loaded and checked."""
        return cls(plans_dir=plan.plan.plans_dir, today=plan.today, plan=plan)

    def load(self) -> bool:
        """(Re)load the plan; True when it changed. Raises InvalidPlan unless keeping the
        last good plan, in which case the problems go to `self.problems`."""
        today = self.today or dt.date.today()
        try:
            plan = load_plan(self.plans_dir, today, self.cache)
        except InvalidPlan as exc:
            if not self.keep_last_good or self.plan is None:
                raise
            problems = [str(problem) for problem in exc.problems]
            changed = problems != self.problems
            self.problems = problems
            return changed
        self.plan = plan
        self.generation += 1
        self.problems = []
        return True

    def current_plan(self) -> Situation:
        if self.plan is None:
            self.load()
        assert self.plan is not None
        return self.plan

    def render(self) -> dict[str, str]:
        """Render the pages of the current plan (once per plan), noting which differ from
        the last pages rendered: what a partial rebuild may skip (see plugin.py)."""
        plan = self.current_plan()
        if self._rendered_generation != self.generation:
            previous = self.pages
            self.pages = all_pages(plan)
            self._rendered_generation = self.generation
            if previous and previous.keys() == self.pages.keys():
                self.changed = {uri for uri, text in self.pages.items() if previous[uri] != text}
            else:
                self.changed = None
        return self.pages

    def nav_entries(self) -> list[NavEntry]:
        return sectors_section(self.current_plan())

    def is_changed(self, uri: str) -> bool:
        return self.changed is None or uri in self.changed


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory, keyed by Jinja on name and source checksum."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
