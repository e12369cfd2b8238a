"""Everything Playbook relies on in MkDocs, Material and mkdocs-macros beyond their
documented plugin API, in one place, behind one version check.

The rest of the package uses only documented names: plugin events with MkDocs' own
types, `File.generated`, `Files`, `Navigation`/`Section`/`Page`, the `watch` of the
live-reload server, the macros module's `define_env`. What is here could change in a
minor release, so `check_versions` refuses, in one message, a version outside the ranges
Playbook is tested with (`SUPPORTED`, the same ranges as pyproject.toml). When upgrading
either, read this list and run the slow and browser tests.

MkDocs 1.6
- The live-reload server binds its port inside `serve()` (`server_bind`,
  `server_activate`); `PreviewServer` binds earlier, so a busy port is a message before
  the first build, and `serve()` then finds it bound.
- The wording of two log lines `playbook serve` keeps quiet: the warning every dirty
  build logs, and the server's line for a request it could not answer.

Material for MkDocs 9.7 to 9.x
- Search: the search plugin writes `search/search_index.json` (`{"config": …, "docs":
  [{"location": "<page url>#<anchor>", …}]}`) in `on_post_build` at priority 0, and the
  offline plugin inlines that file into `search_index.js` at priority -100. A partial
  rebuild indexes only the pages it renders; `SearchIndex` completes the file between
  the two (see plugin.py).
- The offline plugin adds an `iframe-worker` shim from a CDN unless
  `extra.polyfills` already names one whose address contains "iframe-worker"; the
  theme's base.html loads every `extra.polyfills` script (`use_theme_additions`).
- 404.html: links and `"base": "/"` in the page's `__config` JSON point at the site
  root (`relative_error_page`, `error_page_for_server`).
- The theme overrides in generator/theme extend Material's blocks `extrahead`,
  `htmltitle`, `announce`, `site_meta`, `scripts`, `content` and replace
  `partials/copyright.html` (class `md-copyright`).
- The theme's scripts (generator/theme/assets/playbook): playbook.js reads Material's
  page classes (`.md-content`, `.md-content__inner`, `.md-dialog__inner`,
  `.md-search[role=dialog]`, `button[data-md-type=copy]`, `.md-typeset__scrollwrap`,
  `mark[data-md-highlight]`) and the `?h=` search-highlight parameter;
  iframe-worker-shim.js knows the search worker by its address (`/workers/search.*.js`)
  and answers its `importScripts`/`postMessage`; search-fold.js wraps lunr's
  `Pipeline.prototype.run` and `Query.prototype.clause` inside that worker.
- playbook.css restyles `.md-search-result__meta` (the result count); the search
  plugin leaves out of its index any element with `data-search-exclude` (the drafts,
  and the Scoreboard's copies of what person pages hold).
- palette.py knows Material's named primary colours by their contrast
  (`LOW_CONTRAST`, checked against Material's palette stylesheet by test_palette.py).

mkdocs-macros 1.3 to 1.x
- How it reports a template error in a page (`_File_:` … `_UndefinedError_:` …, with
  the traceback), turned into one line by `macros_error_line`.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from packaging.specifiers import SpecifierSet
from packaging.version import InvalidVersion, Version

from generator.errors import PlaybookError

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# Distribution → (the range Playbook is tested with, its name for people). The same
# ranges are in pyproject.toml (tests/test_dependencies.py keeps them equal).
SUPPORTED: dict[str, tuple[str, str]] = {
    "mkdocs": (">=1.6,<2", "MkDocs"),
    "mkdocs-material": (">=9.7,<10", "Material for MkDocs"),
    "mkdocs-macros-plugin": (">=1.3,<2", "mkdocs-macros"),
}


class UnsupportedVersion(PlaybookError):
    """MkDocs, Material or mkdocs-macros is missing or at a version Playbook does not know."""


def _installed(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def version_problems(installed: Callable[[str], str | None] | None = None) -> list[str]:
    """What is wrong with the installed versions, one phrase each; empty when all is well.
    `installed` tells the version of a distribution (None: not installed)."""
    problems = []
    for distribution, (wanted, name) in SUPPORTED.items():
        found = (installed or _installed)(distribution)
        if found is None:
            problems.append(f"{name} is not installed (Playbook needs {distribution}{wanted})")
            continue
        try:
            known = Version(found) in SpecifierSet(wanted)
        except InvalidVersion:
            known = False
        if not known:
            problems.append(
                f"{name} {found} is installed, but Playbook is tested with {distribution}{wanted}"
            )
    return problems


def check_versions(installed: Callable[[str], str | None] | None = None) -> None:
    """Refuse, in one message, a MkDocs, Material or mkdocs-macros Playbook is not tested with."""
    problems = version_problems(installed)
    if problems:
        wanted = " ".join(f'"{d}{spec}"' for d, (spec, _) in SUPPORTED.items())
        raise UnsupportedVersion(
            f"{'; '.join(problems)}. Install the versions Playbook is tested with: "
            f"pip install {wanted} (nothing was built)"
        )


@functools.cache
def checked_once() -> None:
    """`check_versions` for this process: the installed versions do not change while it runs."""
    check_versions()


# MkDocs' own log lines that say nothing to a Playbook user.
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"


def is_mkdocs_noise(record: logging.LogRecord) -> bool:
    """The dirty-build warning (`playbook serve` chooses partial builds knowingly: see
    plugin.py) and the server's line for a browser asking for an address that is not
    there (not the user's problem)."""
    message = record.getMessage()
    if DIRTY_BUILD_WARNING in message:
        return True
    return record.name.startswith("mkdocs.livereload") and '"GET ' in message


class PreviewServer(LiveReloadServer):
    """MkDocs' live-reload server that takes its port before the first build."""

    _bound = False
    _active = False

    def bind_now(self) -> None:
        """Take the port now; raises OSError (the server closed) when it cannot."""
        try:
            self.server_bind()
            self.server_activate()
        except OSError:
            self.server_close()
            raise

    def server_bind(self) -> None:
        if not self._bound:
            super().server_bind()
            self._bound = True

    def server_activate(self) -> None:
        if not self._active:
            super().server_activate()
            self._active = True

    def run(self) -> None:
        """Watch, serve and rebuild until `shutdown`: MkDocs' own loop."""
        self.serve()  # type: ignore[no-untyped-call]  # MkDocs leaves it unannotated


# Material's search index, as its search plugin writes it and its offline plugin reads it.
SEARCH_INDEX = "search/search_index.json"
SearchEntry = dict[str, object]
# After Material's search plugin (0) writes the index, before the offline plugin (-100)
# copies it into search_index.js.
COMPLETE_INDEX_PRIORITY = -50


class SearchIndex:
    """The index file one build wrote, split by page so it can be completed."""

    def __init__(self, path: Path, data: dict[str, object], entries: list[SearchEntry]) -> None:
        self.path, self.data, self.entries = path, data, entries

    @classmethod
    def read(cls, site_dir: str) -> SearchIndex | None:
        """The index of this build; None when the site has no search."""
        path = Path(site_dir) / SEARCH_INDEX
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = data.get("docs") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise PluginError(
                f"{path}: not the search index this version of Playbook knows "
                "(no list of pages under 'docs')"
            )
        return cls(path, data, entries)

    def by_page(self, page_of_url: Mapping[str, str]) -> dict[str, list[SearchEntry]]:
        """The entries of each page (by source path), in the order they were written. An
        entry's location is the page's address, then `#anchor` for a section."""
        pages: dict[str, list[SearchEntry]] = {}
        for entry in self.entries:
            url = str(entry.get("location", "")).split("#", 1)[0]
            pages.setdefault(page_of_url.get(url, url), []).append(entry)
        return pages

    def write(self, entries: Iterable[SearchEntry]) -> None:
        """Replace the pages of the index, the way Material writes it."""
        self.data["docs"] = list(entries)
        text = json.dumps(self.data, separators=(",", ":"), default=str)
        self.path.write_text(text, encoding="utf-8")


# Search from file:// runs its worker through this script instead of one from a CDN.
WORKER_SHIM = "assets/playbook/iframe-worker-shim.js"


def use_theme_additions(config: MkDocsConfig, theme_dir: Path, css: str, script: str) -> None:
    """Our template overrides and assets, after the user's own `custom_dir` and before
    Material's; our worker shim in place of the one Material's offline plugin would
    fetch from the internet."""
    theme_dirs = config.theme.dirs
    if str(theme_dir) not in theme_dirs:
        theme_dirs.insert(1 if config.theme.custom_dir else 0, str(theme_dir))
    if css not in config.extra_css:
        config.extra_css.append(css)
    if script not in [str(item) for item in config.extra_javascript]:
        config.extra_javascript.append(script)
    shims = config.extra.get("polyfills", [])
    polyfills = [p for p in shims if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, WORKER_SHIM]


def relative_error_page(path: Path) -> None:
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


def error_page_for_server(page: bytes) -> bytes:
    """The 404 page as a server answers it for any address: its relative links (made
    so by `relative_error_page`) read from the site root, at any depth."""
    return page.replace(b"<head>", b'<head><base href="/">', 1)


def macros_error_line(message: str) -> str:
    """A plugin's message without its traceback: mkdocs-macros reports a page's template
    error as Markdown (`_File_: `index.md`` … `_UndefinedError_: …`) with the stack."""
    page = re.search(r"_File_: `([^`]+)`", message)
    error = re.search(r"_(\w+Error)_: (.+)", message)
    if page and error:
        return f"{page.group(1)}: {error.group(2).strip()} (in a {{{{ … }}}} of the page)"
    return message.split("\nTraceback", 1)[0].strip()
