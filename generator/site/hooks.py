"""MkDocs hooks (named in mkdocs.yml): generate pages from the plan, expand the nav."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from generator.errors import PlaybookError
from generator.site import state
from generator.site.nav import expand_nav


log = logging.getLogger("mkdocs.hooks.playbook")


def on_config(config: Any) -> Any:
    project_dir = Path(config.config_file_path).parent
    try:
        run, problems = state.current_or_last_good(project_dir)
        state.generate(run, Path(config.docs_dir))
    except PlaybookError as exc:
        raise PluginError(exc.format_message()) from None
    if problems:
        # Serving: keep the last good plan on screen and the errors on every page.
        log.warning("\n".join(problems))
    config.extra["playbook_problems"] = problems
    config.nav = expand_nav(config.nav, run.plan)
    return config
