"""The MkDocs plugin: the generated pages and the nav, made inside the build.

Listed in mkdocs.yml as `playbook`. `playbook build` and `playbook serve` hand it a
`SiteSession` (`attach`); a plain `mkdocs build` gets a session made from the
plugin's `plans` option and today's date. Each event does one thing:

- `on_config`: check the MkDocs and Material versions, load the plan, add the theme
  additions and the problems banner;
- `on_files`: the generated pages, as MkDocs files with in-memory content
  (`File.generated`): nothing is written into the docs folder;
- `on_nav`: the sectors section where mkdocs.yml lists `sectors/index.md`;
- `on_post_build`: the whole search index after a partial build, robots.txt, a 404
  page that works from file://.

What this relies on beyond MkDocs' documented API is in internals.py.

Partial rebuilds (the dirty-build invariant)
--------------------------------------------
`playbook serve` rebuilds with MkDocs' dirty build when it can (serve.py,
`Rebuilder`). MkDocs then reads and writes only the pages whose `File.is_modified()`
is true and leaves every other page's HTML from the last build in the site folder.
That old HTML is still right only if nothing it shows has changed, so a dirty build
is chosen only when all of these hold, and otherwise the build is full:

1. the set of pages is the same (a page added or removed changes links and the nav);
2. the nav is the same (every page renders it; its titles come from `sectors_section`,
   not from reading pages, so it is known before any page is read);
3. mkdocs.yml, the hand-written content and the user's theme folder are unchanged;
4. the plan's problems are unchanged (every page shows them in a banner).

Given those, a generated page is skipped exactly when its Markdown is the same text
as in the last build (`GeneratedPage.changed`, from `SiteSession.render`): its HTML
depends on nothing else. Hand-written pages read the plan through macros, so they are
always rebuilt (`HandWrittenPage`). Search entries of skipped pages are kept from the
build that rendered them (`on_post_build`), so the index stays whole.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

import jinja2
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from generator.errors import PlaybookError
from generator.metrics.situation import Situation
from generator.site import internals
from generator.site.nav import NavEntry, sectors_title
from generator.site.session import SiteSession

log = logging.getLogger("mkdocs.plugins.playbook")

ROBOTS = "User-agent: *\nDisallow: /\n"
THEME_DIR = Path(__file__).resolve().parent.parent / "theme"
STYLESHEET = "assets/playbook/playbook.css"
SCRIPT = "assets/playbook/playbook.js"


# MkDocs leaves `__init_subclass__` of its config and plugin classes unannotated.
class PlaybookConfig(base.Config):  # type: ignore[no-untyped-call]
    plans = c.Type(str, default="plans")


class GeneratedPage(File):
    """A page made from the plan: a dirty build skips it unless its Markdown changed."""

    changed: bool = True

    def is_modified(self) -> bool:
        return self.changed


class HandWrittenPage(File):
    """A page of the docs folder: it may read the plan through macros, so a dirty build
    always rebuilds it, whatever the times of its files say."""

    def is_modified(self) -> bool:
        return True

    @classmethod
    def of(cls, file: File) -> HandWrittenPage:
        return cls(
            file.src_path,
            file.src_dir,
            file.dest_dir,
            file.use_directory_urls,
            dest_uri=file.dest_uri,
            inclusion=file.inclusion,
        )


class PlaybookPlugin(BasePlugin[PlaybookConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.session: SiteSession | None = None
        # Every page of this build, in the order MkDocs builds them (the order of the
        # search index), and the source paths of the pages this build rendered (all of
        # them unless the build is dirty).
        self._doc_pages: list[File] = []
        self._rendered: set[str] = set()

    def attach(self, session: SiteSession) -> None:
        self.session = session

    def current_plan(self, config: MkDocsConfig) -> Situation:
        return self._session(config).current_plan()

    def _session(self, config: MkDocsConfig) -> SiteSession:
        if self.session is None:
            plans_dir = Path(config.config_file_path).parent / self.config.plans
            self.session = SiteSession(plans_dir=plans_dir)
        try:
            self.session.current_plan()
        except PlaybookError as exc:
            raise PluginError(exc.format_message()) from None
        return self.session

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            internals.checked_once()
        except internals.UnsupportedVersion as exc:
            raise PluginError(exc.format_message()) from None
        session = self._session(config)
        internals.use_theme_additions(config, THEME_DIR, STYLESHEET, SCRIPT)
        config.extra["playbook_problems"] = session.problems
        self._rendered = set()
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        session = self._session(config)
        pages = session.render()
        kept: list[File] = []
        for file in files:
            if file.src_uri in pages:
                log.warning(
                    f"'{file.src_uri}' in the docs folder is replaced by the generated page"
                )
            elif type(file) is File and file.is_documentation_page() and file.src_dir:
                kept.append(HandWrittenPage.of(file))
            else:
                kept.append(file)
        for uri, text in pages.items():
            page = GeneratedPage.generated(config, uri, content=text)
            assert isinstance(page, GeneratedPage)
            page.changed = session.is_changed(uri)
            kept.append(page)
        result = Files(kept)
        self._doc_pages = list(result.documentation_pages())
        return result

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        return expand_navigation(nav, self._session(config).nav_entries(), files, config)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        if self.session is not None:
            env.bytecode_cache = self.session.templates
        return env

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        self._rendered.add(page.file.src_uri)
        return output

    @event_priority(internals.COMPLETE_INDEX_PRIORITY)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._complete_search_index(config)
        site = Path(config.site_dir)
        (site / "robots.txt").write_text(ROBOTS, encoding="utf-8")
        internals.relative_error_page(site / "404.html")

    def _complete_search_index(self, config: MkDocsConfig) -> None:
        """Keep each page's search entries from the last build that rendered it, and
        after a partial build write the index of every page, in the order a full build
        writes it."""
        index = internals.SearchIndex.read(config.site_dir)
        if index is None or self.session is None:
            return
        kept = self.session.search_entries
        fresh = index.by_page({file.url: file.src_uri for file in self._doc_pages})
        for uri in self._rendered | fresh.keys():
            kept[uri] = fresh.get(uri, [])
        order = [file.src_uri for file in self._doc_pages]
        for stale in kept.keys() - set(order):
            del kept[stale]
        if self._rendered.issuperset(order):
            return  # a full build: Material's index is already whole
        index.write(entry for uri in order for entry in kept.get(uri, []))


def expand_navigation(
    nav: Navigation, section: list[NavEntry], files: Files, config: MkDocsConfig
) -> Navigation:
    """MkDocs' navigation with the sectors section where mkdocs.yml lists the sectors
    page: the same sections and pages MkDocs would make had `nav` listed it all."""
    configured = config.nav
    if not isinstance(configured, list) or len(configured) != len(nav.items):
        return nav  # no `nav` in mkdocs.yml (MkDocs lists every page), or not ours to change
    items: list[StructureItem] = list(nav.items)
    at = [i for i, entry in enumerate(configured) if sectors_title(entry) is not None]
    if not at:
        return nav
    for i in at:
        items[i] = Section(str(sectors_title(configured[i])), _items(section, files, config))
    _link_parents(items, None)
    pages = list(_pages(items))
    for before, page, after in zip([None, *pages[:-1]], pages, [*pages[1:], None], strict=True):
        page.previous_page, page.next_page = before, after
    return Navigation(items, pages)


def _items(entries: Sequence[NavEntry], files: Files, config: MkDocsConfig) -> list[StructureItem]:
    items: list[StructureItem] = []
    for entry in entries:
        for title, target in entry.items():
            if isinstance(target, list):
                items.append(Section(title, _items(target, files, config)))
                continue
            file = files.get_file_from_path(target)
            if file is None:
                continue
            if file.page is None:
                items.append(Page(title, file, config))
            else:
                file.page.title = title
                items.append(file.page)
    return items


def _link_parents(items: Sequence[StructureItem], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_parents(item.children, item)


def _pages(items: Sequence[StructureItem]) -> Iterator[Page]:
    for item in items:
        if isinstance(item, Page):
            yield item
        elif isinstance(item, Section):
            yield from _pages(item.children)
