"""`playbook build`: generate the pages from the plan, then build the site with MkDocs.

The build happens in a scratch folder beside mkdocs.yml: a copy of the docs folder
with the new pages, built into a scratch site. Only when MkDocs succeeds are the new
pages written into content/ and the new site put in place of site/, so a failed build
leaves every file as it was.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import PlaybookError
from generator.render.pages import OWNED_FOLDERS, all_pages
from generator.render.writer import WriteReport, write_pages
from generator.site import state

SCRATCH_PREFIX = ".playbook-build-"


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


def _stage_docs(docs_dir: Path, staged: Path) -> None:
    """Copy the hand-written part of the docs folder; generated folders are rewritten."""
    shutil.copytree(
        docs_dir,
        staged,
        symlinks=True,
        ignore=lambda folder, names: (
            set(OWNED_FOLDERS) & set(names) if Path(folder) == docs_dir else set()
        ),
    )


def _replace_folder(new: Path, target: Path, scratch: Path) -> None:
    if target.exists():
        shutil.move(str(target), str(scratch / "previous-site"))
    shutil.move(str(new), str(target))


def build_site(config_file: Path, plans_dir: Path, today: dt.date) -> BuildReport:
    """Check the plan (drafts included), build into scratch, then put the result in place."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    if not config_file.is_file():
        raise PlaybookError(f"{config_file}: file not found; run this in your playbook folder")
    run = state.load_run(plans_dir, today)
    pages = all_pages(run.plan, run.today)
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    project = config_file.resolve().parent
    try:
        with tempfile.TemporaryDirectory(dir=project, prefix=SCRATCH_PREFIX) as folder:
            scratch = Path(folder)
            settings = load_config(config_file=str(config_file), strict=True)
            docs_dir, site_dir = Path(settings.docs_dir), Path(settings.site_dir)
            staged_docs = scratch / "docs"
            _stage_docs(docs_dir, staged_docs)
            write_pages(staged_docs, pages, OWNED_FOLDERS)
            run.pages_written = True
            config = load_config(
                config_file=str(config_file),
                strict=True,
                docs_dir=str(staged_docs),
                site_dir=str(scratch / "site"),
            )
            with state.provide(run):
                build(config)
            report = write_pages(docs_dir, pages, OWNED_FOLDERS)
            _replace_folder(scratch / "site", site_dir, scratch)
    except MkDocsException as exc:
        details = "\n".join(collector.messages) or str(exc)
        raise PlaybookError(f"the site build failed; no file was changed:\n{details}") from None
    finally:
        logger.removeHandler(collector)
    return BuildReport(report, site_dir, sum(1 for _ in site_dir.rglob("*.html")))
