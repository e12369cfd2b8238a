"""The MkDocs plugin: the generated pages and the nav, made inside the build.

Listed in mkdocs.yml as `playbook`. `playbook build` and `playbook serve` hand it a
`SiteSession` (`attach`); a plain `mkdocs build` gets a session made from the
plugin's `plans` option and today's date. Generated pages are MkDocs files with
in-memory content (`File.generated`): nothing is written into the docs folder.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from generator.errors import PlaybookError
from generator.metrics.situation import Situation
from generator.site.nav import expand_nav
from generator.site.search import search_plugin
from generator.site.session import SiteSession

log = logging.getLogger("mkdocs.plugins.playbook")

ROBOTS = "User-agent: *\nDisallow: /\n"
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
STYLESHEET = "assets/playbook/playbook.css"
SCRIPT = "assets/playbook/playbook.js"
# Search from file:// runs its worker through this script instead of one from a CDN.
WORKER_SHIM = "assets/playbook/iframe-worker-shim.js"


class PlaybookConfig(base.Config):  # type: ignore[no-untyped-call]
    plans = c.Type(str, default="plans")


class GeneratedPage(File):
    """A page made from the plan; a partial rebuild skips it unless its Markdown changed."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class PlaybookPlugin(BasePlugin[PlaybookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.session: SiteSession | None = None
        self._doc_order: list[str] = []
        self._seen_entries = 0

    def attach(self, session: SiteSession) -> None:
        self.session = session

    def current_plan(self, config: Any) -> Situation:
        plan = self._session(config).plan
        assert plan is not None
        return plan

    def _session(self, config: Any) -> SiteSession:
        if self.session is None:
            plans_dir = Path(config.config_file_path).parent / self.config.plans
            self.session = SiteSession(plans_dir=plans_dir)
        try:
            self.session.current_plan()
        except PlaybookError as exc:
            raise PluginError(exc.format_message()) from None
        return self.session

    def on_config(self, config: Any) -> Any:
        session = self._session(config)
        _use_theme_additions(config)
        session.render()
        config.nav = expand_nav(config.nav, session.nav_entries())
        config.extra["playbook_problems"] = session.problems
        self._seen_entries = 0
        return config

    def on_files(self, files: Files, config: Any) -> Files:
        session = self.session
        assert session is not None
        for uri, text in session.pages.items():
            existing = files.get_file_from_path(uri)
            if existing is not None:
                log.warning(f"'{uri}' in the docs folder is replaced by the generated page")
                files.remove(existing)
            page = GeneratedPage.generated(config, uri, content=text)
            assert isinstance(page, GeneratedPage)
            page.changed = session.is_changed(uri)
            files.append(page)
        for file in files.documentation_pages():
            if not isinstance(file, GeneratedPage):
                # Hand-written pages read the plan through macros: always rebuilt.
                file.is_modified = lambda: True  # type: ignore[method-assign]
        self._doc_order = [file.src_uri for file in files.documentation_pages()]
        return files

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        if self.session is not None:
            env.bytecode_cache = self.session.templates
        return env

    @event_priority(-50)
    def on_page_context(self, context: Any, *, page: Any, config: Any, nav: Any) -> Any:
        """Keep the search entries Material made for this page (it runs just before)."""
        search = search_plugin(config.plugins)
        if search is None or self.session is None:
            return context
        entries = search.search_index.entries
        new = entries[self._seen_entries :]
        self._seen_entries = len(entries)
        self.session.search_entries[page.file.src_uri] = new
        return context

    @event_priority(50)
    def on_post_build(self, *, config: Any) -> None:
        search = search_plugin(config.plugins)
        if search is not None and self.session is not None:
            entries = self.session.search_entries
            for stale in set(entries) - set(self._doc_order):
                del entries[stale]
            search.search_index.entries = [
                e for uri in self._doc_order for e in entries.get(uri, [])
            ]
            search.search_index_prev = None
        site = Path(config.site_dir)
        (site / "robots.txt").write_text(ROBOTS, encoding="utf-8")
        _relative_error_page(site / "404.html")


def _relative_error_page(path: Path) -> None:
    """The 404 page links its assets and pages from the site root (`/assets/…`), and
    its search looks for the index there (`"base": "/"`): both fail from file://. At the
    root of the site the same addresses work relative; served over http, the page
    itself puts the root back (theme/404.html), wherever the missing address was."""
    if not path.is_file():
        return
    text = path.read_text(encoding="utf-8")
    fixed = re.sub(r'((?:href|src)=")/(?!/)', r"\1", text)
    fixed = re.sub(r'("base":\s*)"/"', r'\1"."', fixed)
    fixed = re.sub(r'("search":\s*")/(?!/)', r"\1", fixed)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")


def _use_theme_additions(config: Any) -> None:
    """Our template overrides (noindex, escaped titles, the problems banner) and assets,
    after the user's own `custom_dir` and before Material's."""
    theme_dirs = config.theme.dirs
    if str(THEME_DIR) not in theme_dirs:
        theme_dirs.insert(1 if config.theme.custom_dir else 0, str(THEME_DIR))
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if SCRIPT not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(SCRIPT)
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]
