"""`playbook build`: generate the pages from the plan, then build the site with MkDocs."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PlaybookError
from generator.render.writer import WriteReport
from generator.site import state


@dataclass
class BuildReport:
    pages: WriteReport
    site_dir: Path
    page_count: int


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings and errors so they can be shown as one message."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname.lower()}: {record.getMessage()}")


def build_site(config_file: Path, plans_dir: Path, today: dt.date) -> BuildReport:
    """Check the plan (drafts included), write pages, run `mkdocs build --strict`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        raise PlaybookError(f"{config_file}: file not found; run this in your playbook folder")
    run = state.load_run(plans_dir, today)
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        with state.provide(run):
            config = load_config(config_file=str(config_file), strict=True)
            pages = state.generate(run, Path(config.docs_dir))
            build(config)
    except MkDocsException as exc:
        details = "\n".join(collector.messages) or str(exc)
        raise PlaybookError(f"the site build failed:\n{details}") from None
    finally:
        logger.removeHandler(collector)
    return BuildReport(
        pages, Path(config.site_dir), len(list(Path(config.site_dir).rglob("*.html")))
    )
