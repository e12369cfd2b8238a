"""`playbook build`: check the plan, build the site with MkDocs, put it in place.

The path is straight: load and check the plan, run MkDocs (the `playbook` plugin adds
the generated pages in memory) into a scratch folder beside `site/`, then swap the
two folders. A failed or killed build leaves the old site whole; nothing else in the
project is written.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

from generator.checking import load_plan
from generator.errors import PlaybookError, shown
from generator.locking import playbook_folder
from generator.render.pages import all_pages
from generator.site import internals, publish
from generator.site.palette import palette_warnings
from generator.site.session import SiteSession

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass
class BuildReport:
    site_dir: Path
    page_count: int
    warnings: int


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so they can be shown as one message."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = internals.macros_error_line(record.getMessage())
        self.messages.append(f"{record.levelname.lower()}: {message}")


@contextmanager
def mkdocs_messages() -> Iterator[_Collect]:
    """MkDocs' log, collected instead of printed."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector
    finally:
        logger.removeHandler(collector)


def load_mkdocs_config(
    config_file: Path, *, site_dir: str | None = None, strict: bool | None = None
) -> MkDocsConfig:
    """mkdocs.yml, read by MkDocs once its version is known to work with Playbook."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    internals.checked_once()
    if not config_file.is_file():
        raise PlaybookError(
            f"{shown(config_file)}: file not found; run this in your playbook folder"
        )
    try:
        return load_config(config_file=str(config_file), site_dir=site_dir, strict=strict)
    except ConfigurationError as exc:
        raise PlaybookError(f"{shown(config_file)}: {exc}") from None


def attach(config: MkDocsConfig, session: SiteSession) -> None:
    from generator.site.plugin import PlaybookPlugin

    plugin = config.plugins.get("playbook")
    if not isinstance(plugin, PlaybookPlugin):
        raise PlaybookError(
            f"{config.config_file_path}: the 'playbook' plugin is missing from plugins:"
        )
    plugin.attach(session)


def build_site(
    config_file: Path,
    plans_dir: Path,
    today: dt.date,
    on_wait: Callable[[], None] | None = None,
    lock_wait: float = 600.0,
) -> BuildReport:
    """Build the site for the plan as of `today`; raise a PlaybookError on any failure."""
    from mkdocs.commands.build import build
    from mkdocs.exceptions import MkDocsException

    with mkdocs_messages() as collector:
        try:
            config = load_mkdocs_config(config_file, strict=True)
            site_dir = Path(config.site_dir)
            publish.check_site_dir(site_dir, plans_dir)
            site_dir.parent.mkdir(parents=True, exist_ok=True)
            folders = [site_dir.parent, playbook_folder(plans_dir)]
            with publish.build_lock(folders, lock_wait, on_wait):
                plan = load_plan(plans_dir, today)
                publish.check_site_dir(site_dir, plans_dir)
                for stale in publish.stale_scratch(site_dir):
                    publish.remove(stale)
                scratch = publish.new_scratch(site_dir)
                try:
                    config["site_dir"] = str(scratch / "site")
                    attach(config, SiteSession.for_plan(plan))
                    build(config)
                    publish.swap_in(scratch / "site", site_dir, scratch)
                finally:
                    publish.remove(scratch)
        except MkDocsException as exc:
            details = "\n".join(collector.messages) or str(exc)
            raise PlaybookError(
                f"the site build failed; the old site is unchanged:\n{details}"
            ) from None
        except OSError as exc:
            raise PlaybookError(_os_error(exc)) from None
        except jinja2.TemplateError as exc:
            # A hand-written page or a theme override of the user's.
            details = "\n".join(collector.messages or [_template_error(exc)])
            raise PlaybookError(
                f"the site build failed; the old site is unchanged:\n{details}"
            ) from None
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    return BuildReport(site_dir, pages, len(plan.warnings) + len(palette_warnings(config_file)))


def _template_error(exc: jinja2.TemplateError) -> str:
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}: " if exc.filename or exc.name else ""
        return f"{where}template syntax error: {exc.message}"
    return f"template error: {exc}"


def _os_error(exc: OSError) -> str:
    where = f" ({shown(exc.filename)})" if exc.filename else ""
    reason = exc.strerror or str(exc)
    return f"cannot build the site: {reason}{where}; the old site is unchanged"


def write_markdown(plans_dir: Path, today: dt.date, folder: Path) -> int:
    """The generated pages as Markdown files, for reading; the folder must be new or empty."""
    plan = load_plan(plans_dir, today)
    publish.refuse_inside_plans(folder, plans_dir, "--markdown")
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise PlaybookError(f"{shown(folder)}: choose a new or empty folder for the Markdown pages")
    pages = all_pages(plan)
    try:
        for uri, text in pages.items():
            path = folder / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PlaybookError(f"cannot write {shown(exc.filename)}: {exc.strerror}") from None
    return len(pages)
