"""`playbook serve`: a live preview on 127.0.0.1 that regenerates when plans/ changes."""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from generator.errors import PlaybookError
from generator.site import state


def serve_site(config_file: Path, plans_dir: Path, today: dt.date | None, port: int) -> None:
    """Check the plan once (for a clear error), then hand over to MkDocs' server.

    Each rebuild reloads the plan through the hooks, which read these variables.
    """
    from mkdocs.commands.serve import serve

    if not config_file.is_file():
        raise PlaybookError(f"{config_file}: file not found; run this in your playbook folder")
    os.environ[state.PLANS_ENV] = str(plans_dir)
    if today is not None:
        os.environ[state.TODAY_ENV] = today.isoformat()
    os.environ[state.SERVING_ENV] = "1"
    state.current(config_file.resolve().parent)
    _show_mkdocs_log()
    serve(
        config_file=str(config_file),
        livereload=True,
        watch=[str(plans_dir)],
        dev_addr=f"127.0.0.1:{port}",
        open_in_browser=False,
        # A broken edit is shown in the page and the terminal, not turned into a stop.
        strict=False,
    )


def _show_mkdocs_log() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
